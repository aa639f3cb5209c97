import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { InvitationInfo, LoginResult, Me, Organisation, SigningGrant, User } from '@duijie/shared';
import type { Request } from 'express';
import { InvitationAcceptDto, LoginDto, SelfRegistrationDto, StepUpDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { AllowPending, CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Req() req: Request, @Body() dto: LoginDto): Promise<LoginResult> {
    return this.auth.login(req.ip ?? 'unknown', dto);
  }

  @Public()
  @Post('auth/register')
  register(@Body() dto: SelfRegistrationDto): Promise<{ organisation: Organisation; user: User }> {
    return this.auth.register(dto);
  }

  /** Confirms the password again before signing; grants a short signing window. */
  @ApiBearerAuth()
  @Post('auth/step-up')
  @HttpCode(200)
  stepUp(@Req() req: Request, @CurrentUser() principal: Principal, @Body() dto: StepUpDto): Promise<SigningGrant> {
    return this.auth.stepUp(req.ip ?? 'unknown', principal, dto.password);
  }

  @ApiBearerAuth()
  @AllowPending()
  @Get('auth/me')
  me(@CurrentUser() principal: Principal): Promise<Me> {
    return this.auth.me(principal);
  }

  @Public()
  @Get('invitations/:token')
  invitation(@Param('token') token: string): Promise<InvitationInfo> {
    return this.users.invitationInfo(token);
  }

  @Public()
  @Post('invitations/:token/accept')
  @HttpCode(200)
  accept(@Param('token') token: string, @Body() dto: InvitationAcceptDto): Promise<LoginResult> {
    return this.auth.acceptInvitation(token, dto);
  }
}
