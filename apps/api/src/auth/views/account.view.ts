import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLE_LABELS, ROLES, type Role } from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import type { AccountView } from '../accounts/account-view';

class ChangedByView {
  @ApiProperty({ description: 'Actor id 操作人标识.' })
  id!: string;

  @ApiProperty({ description: 'Name 姓名.' })
  name!: string;
}

/** An account (账号) as the API shows it: never its password. */
export class AccountDocView implements AccountView {
  @ApiProperty({ description: '账号编号 (account id): the token subject.' })
  id!: string;

  @ApiProperty({ description: '登录名 (login name), as entered.' })
  loginName!: string;

  @ApiProperty({ description: '姓名 (display name).' })
  displayName!: string;

  @ApiProperty({ description: '责任人 (person id).' })
  personId!: string;

  @ApiProperty({ description: `角色 (role): ${describeEnum(Object.fromEntries(ROLES.map((r) => [r, ROLE_LABELS[r]])))}.`, enum: ROLES })
  role!: Role;

  @ApiPropertyOptional({ description: '所属单位 (unit id).' })
  unitId?: string;

  @ApiPropertyOptional({ description: '所辖属地 (region id).' })
  regionId?: string;

  @ApiPropertyOptional({ description: '主管行业 (industry id).' })
  industryId?: string;

  @ApiProperty({ description: '已停用 (disabled): no login, no session.' })
  disabled!: boolean;

  @ApiProperty({ description: '版本 (version): name it as expectedVersion when changing the account.', type: 'integer', minimum: 1 })
  version!: number;

  @ApiProperty({ description: '开通时间 (created at).', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: '开通人 (created by).', type: () => ChangedByView })
  createdBy!: { id: string; name: string };

  @ApiProperty({ description: '最近变更时间 (last changed at).', format: 'date-time' })
  changedAt!: string;

  @ApiProperty({ description: '最近变更人 (last changed by).', type: () => ChangedByView })
  changedBy!: { id: string; name: string };

  @ApiProperty({ description: '最近变更事由 (reason of the last change).' })
  changeReason!: string;
}
