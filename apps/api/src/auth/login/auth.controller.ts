import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ACCOUNT_PERMISSIONS, type Actor } from '@duban/domain';
import { AccountStore } from '@duban/persistence';
import { ApiCommonErrors, ApiProblem, ApiServerErrors } from '../../http/api-responses.decorator';
import { AccountCommandsService } from '../accounts/account-commands.service';
import { accountView } from '../accounts/account-view';
import { CurrentActor } from '../current-actor.decorator';
import { Permit } from '../permit.decorator';
import { Public } from '../public.decorator';
import { IssuedTokensView, LogoutView, MeView, PasswordChangedView } from '../views/login.view';
import { ChangePasswordDto, LoginDto, RefreshDto } from './dto/login.dto';
import { LoginThrottleGuard } from './login-throttle.guard';
import { LoginService, type ClientInfo, type IssuedTokens } from './login.service';

const clientOf = (req: Request): ClientInfo => ({
  ...(typeof req.headers['user-agent'] === 'string' ? { userAgent: req.headers['user-agent'] } : {}),
  ...(req.ip ? { ip: req.ip } : {}),
});

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly commands: AccountCommandsService,
    private readonly accounts: AccountStore,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(LoginThrottleGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Log in 登录',
    description:
      'A login name and password: answers a short-lived access token (the bearer every route takes, 15 minutes by default) and a refresh token (used once). No token needed. Attempts are limited per address and per login name (登录限流).',
  })
  @ApiOkResponse({ description: '登录成功.', type: IssuedTokensView })
  @ApiProblem(400, '输入有误 (`request.invalid`): the field is named.')
  @ApiProblem(401, '登录名或密码错误 (`auth.unauthenticated`): the same answer for an unknown name, a wrong password and a disabled account.')
  @ApiProblem(429, '登录尝试过于频繁 (`request.rejected`): retry after `Retry-After` seconds.')
  @ApiServerErrors()
  logIn(@Body() dto: LoginDto, @Req() req: Request): Promise<IssuedTokens> {
    return this.login.login(dto.loginName, dto.password, clientOf(req));
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Refresh 续期',
    description:
      'Trades the refresh token for a new access token and a new refresh token (轮换). The old refresh token is spent: presented again it revokes every session of the login (被盗用时双方均须重新登录).',
  })
  @ApiOkResponse({ description: '续期成功.', type: IssuedTokensView })
  @ApiProblem(400, '输入有误 (`request.invalid`).')
  @ApiProblem(401, '刷新令牌无效、已使用或已过期 (`auth.unauthenticated`): log in again.')
  @ApiServerErrors()
  refresh(@Body() dto: RefreshDto, @Req() req: Request): Promise<IssuedTokens> {
    return this.login.refresh(dto.refreshToken, clientOf(req));
  }

  @Post('logout')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @Permit(ACCOUNT_PERMISSIONS, 'log_out')
  @ApiOperation({
    summary: 'Log out 退出登录',
    description: 'Ends the login this token belongs to: its access tokens are refused (401) from the next call, its refresh token too.',
  })
  @ApiOkResponse({ type: LogoutView })
  @ApiCommonErrors()
  logOut(@CurrentActor() actor: Actor): Promise<{ sessionsEnded: number }> {
    return this.login.logout(actor);
  }

  @Get('me')
  @ApiBearerAuth()
  @Permit(ACCOUNT_PERMISSIONS, 'read_own')
  @ApiOperation({ summary: 'Who am I 当前用户', description: 'The actor the token speaks for, and its account when a login issued the token.' })
  @ApiOkResponse({ type: MeView })
  @ApiCommonErrors()
  async me(@CurrentActor() actor: Actor): Promise<{ actor: Actor; account: ReturnType<typeof accountView> | null }> {
    const row = actor.sessionId === undefined ? undefined : await this.accounts.byId(actor.id);
    return { actor, account: row ? accountView(row) : null };
  }

  @Post('password')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @Permit(ACCOUNT_PERMISSIONS, 'change_own_password')
  @ApiOperation({
    summary: 'Change my password 修改密码',
    description: 'The current password and a new one; every other login of the account ends (this one stays).',
  })
  @ApiOkResponse({ type: PasswordChangedView })
  @ApiProblem(409, '当前令牌未关联账号 (`account.none`): a demo token has no password.')
  @ApiCommonErrors()
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): ReturnType<AccountCommandsService['changeOwnPassword']> {
    return this.commands.changeOwnPassword(actor, dto.currentPassword, dto.newPassword);
  }
}
