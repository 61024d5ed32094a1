import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLE_LABELS, type Actor, type Role } from '@duban/domain';
import { describeEnum } from './describe-enum';

/** Who did it (谁排查、谁签字、谁负责): taken from the bearer token, never from the body. */
export class ActorView implements Actor {
  @ApiProperty({ description: 'Person id (token `sub`) 人员标识.' })
  id!: string;

  @ApiProperty({ description: 'Name 姓名.' })
  name!: string;

  @ApiProperty({ description: `Role 角色: ${describeEnum(ROLE_LABELS)}.`, enum: Object.keys(ROLE_LABELS) })
  role!: Role | 'system';

  @ApiPropertyOptional({ description: '责任单位 (unit) the person acts for; always set for role unit.' })
  unitId?: string;
}
