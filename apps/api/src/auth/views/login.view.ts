import { ApiProperty } from '@nestjs/swagger';
import { ActorView } from '../../http/actor.view';
import type { IssuedTokens } from '../login/login.service';
import { AccountDocView } from './account.view';

/** What a login and a refresh answer (登录/续期成功). */
export class IssuedTokensView implements IssuedTokens {
  @ApiProperty({ description: 'Always Bearer: send `Authorization: Bearer <accessToken>`.', enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: '访问令牌 (access token): HS256, short-lived, names its session (`sid`) and the account’s scope.' })
  accessToken!: string;

  @ApiProperty({ description: 'Seconds the access token lives (default 900: 15 minutes).', type: 'integer', minimum: 1 })
  expiresIn!: number;

  @ApiProperty({
    description: '刷新令牌 (refresh token): opaque, used once (POST /auth/refresh answers the next one); a used one presented again ends the login.',
  })
  refreshToken!: string;

  @ApiProperty({ description: 'When the refresh token expires unless used (never after the login’s family lifetime).', format: 'date-time' })
  refreshTokenExpiresAt!: string;

  @ApiProperty({ description: '会话编号 (session id), the token’s `sid`.', format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ description: 'The account logged in.', type: () => AccountDocView })
  account!: AccountDocView;
}

/** GET /auth/me: who the token speaks for, and its account when a login issued it. */
export class MeView {
  @ApiProperty({ description: 'The actor the token speaks for (token claims).', type: () => ActorView })
  actor!: ActorView;

  @ApiProperty({ description: 'The account (null for a demo token, which no login issued).', type: () => AccountDocView, nullable: true })
  account!: AccountDocView | null;
}

/** What a logout answers (已退出). */
export class LogoutView {
  @ApiProperty({ description: 'Sessions of this login ended now (0 for a demo token or a login already ended).', type: 'integer', minimum: 0 })
  sessionsEnded!: number;
}

/** What an own password change answers (密码已修改). */
export class PasswordChangedView {
  @ApiProperty({ description: 'The account after the change.', type: () => AccountDocView })
  account!: AccountDocView;

  @ApiProperty({ description: 'Other logins of the account ended by the change (this one stays).', type: 'integer', minimum: 0 })
  sessionsEnded!: number;
}
