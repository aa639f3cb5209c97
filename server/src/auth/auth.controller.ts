import { Body, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ID } from '../common/validation';
import { routes, type InvitationInfo, type LoginResult, type LoginUnlockResult, type Me, type SelfRegistrationResult, type SigningGrant } from '@duijie/shared';
import type { Request, Response } from 'express';
import { Endpoint } from '../common/endpoint';
import { InvitationAcceptDto, LoginDto, SelfRegistrationDto, StepUpDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { AllowPending, CurrentUser, Public, Roles } from '../access/access.decorators';
import { isKnownDevice, setDeviceCookie } from './device-cookie';
import { AuthService, type LoginOutcome } from './auth.service';
import type { Principal } from '../access/principal';
import { assertSameOrigin, clearSessionCookies, setSessionCookies } from './session-cookies';
import type { ClientInfo } from './token.service';

function clientOf(req: Request): ClientInfo {
  return { ip: req.ip ?? 'unknown', userAgent: req.headers['user-agent'] ?? null };
}

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Endpoint(routes.auth.login)
  async login(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() dto: LoginDto): Promise<LoginResult> {
    assertSameOrigin(req);
    return this.signedIn(req, res, await this.auth.login(clientOf(req), dto, isKnownDevice(req, this.config.jwtSecret, dto.email)));
  }

  /** Revokes this login (token and sockets) and clears the browser's cookies. */
  @AllowPending()
  @Endpoint(routes.auth.logout)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response, @CurrentUser() principal: Principal): Promise<void> {
    await this.auth.logout(principal);
    clearSessionCookies(req, res);
  }

  @Public()
  @Endpoint(routes.auth.register)
  register(@Req() req: Request, @Body() dto: SelfRegistrationDto): Promise<SelfRegistrationResult> {
    return this.auth.register(req.ip ?? 'unknown', dto);
  }

  /** An account protected after many failed logins from elsewhere takes logins from any browser again. */
  @Roles('organiser')
  @Endpoint(routes.auth.unlockLogin)
  unlockLogin(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<LoginUnlockResult> {
    return this.auth.unlockLogin(principal, id);
  }

  /** Confirms the password again before signing; grants a short signing window. */
  @Endpoint(routes.auth.stepUp)
  stepUp(@Req() req: Request, @CurrentUser() principal: Principal, @Body() dto: StepUpDto): Promise<SigningGrant> {
    return this.auth.stepUp(req.ip ?? 'unknown', principal, dto.password);
  }

  @AllowPending()
  @Endpoint(routes.auth.me)
  me(@CurrentUser() principal: Principal): Promise<Me> {
    return this.auth.me(principal);
  }

  @Public()
  @Endpoint(routes.auth.invitation)
  invitation(@Param('token') token: string): Promise<InvitationInfo> {
    return this.users.invitationInfo(token);
  }

  @Public()
  @Endpoint(routes.auth.acceptInvitation)
  async accept(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('token') token: string,
    @Body() dto: InvitationAcceptDto,
  ): Promise<LoginResult> {
    assertSameOrigin(req);
    return this.signedIn(req, res, await this.auth.acceptInvitation(clientOf(req), token, dto));
  }

  /** The browser keeps the token in an httpOnly cookie; API clients use the body's accessToken. */
  private signedIn(req: Request, res: Response, outcome: LoginOutcome): LoginResult {
    setSessionCookies(req, res, outcome.token, outcome.result.expiresIn);
    setDeviceCookie(req, res, outcome.deviceToken);
    return outcome.result;
  }
}
