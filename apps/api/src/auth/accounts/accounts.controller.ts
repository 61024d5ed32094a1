import { Body, Controller, Get, HttpCode, HttpStatus, NotFoundException, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ACCOUNT_PERMISSIONS, type Actor } from '@duban/domain';
import { AccountStore } from '@duban/persistence';
import { ApiCommonErrors, ApiProblem } from '../../http/api-responses.decorator';
import { locationHeader } from '../../http/created';
import { CurrentActor } from '../current-actor.decorator';
import { Permit } from '../permit.decorator';
import { AccountDocView } from '../views/account.view';
import { AccountCommandsService } from './account-commands.service';
import { AccountTerritory, assignmentOf } from './account-territory';
import { ApiAccountId, ParseAccountIdPipe } from './account-id.pipe';
import { accountView, type AccountView } from './account-view';
import { CreateAccountDto, UpdateAccountDto } from './dto/account.dto';

@ApiTags('accounts 账号管理')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly commands: AccountCommandsService,
    private readonly accounts: AccountStore,
    private readonly territory: AccountTerritory,
  ) {}

  @Post()
  @Permit(ACCOUNT_PERMISSIONS, 'manage')
  @ApiOperation({
    summary: 'Create an account 开通账号',
    description:
      'By the office (安委办): a login tied to a person (责任人), a unit and a role, with the scope it acts in (a unit account its unit; office and auditor accounts their region 属地; a department’s its industry 行业). The same creation repeated answers 200 and changes nothing.',
  })
  @ApiCreatedResponse({ description: '开通成功: `Location: /accounts/{id}`.', type: AccountDocView, headers: locationHeader('account') })
  @ApiOkResponse({ description: 'Already created exactly so (a retry): the account, unchanged.', type: AccountDocView })
  @ApiProblem(409, '账号编号或登录名已被使用 (`account.id_taken`, `account.login_name_taken`).')
  @ApiCommonErrors()
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateAccountDto, @Res({ passthrough: true }) res: Response): Promise<AccountView> {
    const { account, created } = await this.commands.create(actor, dto);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/accounts/${account.id}`);
    return account;
  }

  @Get(':id')
  @Permit(ACCOUNT_PERMISSIONS, 'manage')
  @ApiAccountId()
  @ApiOperation({ summary: 'One account 账号详情', description: 'For the office (安委办): the account and its version (never its password).' })
  @ApiOkResponse({ type: AccountDocView })
  @ApiProblem(404, '账号不存在 (account not found, `resource.not_found`).')
  @ApiCommonErrors()
  async read(@CurrentActor() actor: Actor, @Param('id', ParseAccountIdPipe) id: string): Promise<AccountView> {
    const row = await this.accounts.byId(id);
    if (!row) throw new NotFoundException(`account ${id} not found (账号不存在)`);
    await this.territory.authorize(actor, id, assignmentOf(row));
    return accountView(row);
  }

  @Patch(':id')
  @HttpCode(HttpStatus.OK)
  @Permit(ACCOUNT_PERMISSIONS, 'manage')
  @ApiAccountId()
  @ApiOperation({
    summary: 'Change an account 变更/停用账号',
    description:
      'By the office (安委办), against the version read (`expectedVersion`): disable or enable it (停用/启用), rename it, or restate its role and scope. Disabling it or changing its role or scope ends its sessions at once. A change that changes nothing answers the account as it is (a retry is safe).',
  })
  @ApiOkResponse({ description: 'The account after the change.', type: AccountDocView })
  @ApiProblem(404, '账号不存在 (account not found, `resource.not_found`).')
  @ApiProblem(409, '账号已被修改 (`account.version_stale`), or one’s own account (`account.own_account`).')
  @ApiCommonErrors()
  update(@CurrentActor() actor: Actor, @Param('id', ParseAccountIdPipe) id: string, @Body() dto: UpdateAccountDto): Promise<AccountView> {
    return this.commands.update(actor, id, dto);
  }
}
