import {
  USER_ROLES,
  type InvitationAcceptInput,
  type InvitationInput,
  type LoginInput,
  type OrganiserDepartmentInput,
  type SelfRegistrationInput,
  type StepUpInput,
  type UserRole,
  type UserUpdateInput,
} from '@duijie/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { OrganisationDto } from '../../organisations/dto/organisation.dto';
import { Trim } from '../../common/validation';
import { NestedObject } from '../../common/validators';

const email = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** Length is what makes a password strong; 10 characters at least, 200 at most (argon2 input). */
export class PasswordField {
  @IsString() @MinLength(10, { message: 'password must be at least 10 characters' }) @MaxLength(200) password: string;
}

export class LoginDto implements LoginInput {
  @Transform(email) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email: string;
  @IsString() @IsNotEmpty() @MaxLength(200) password: string;
}

export class AdminAccountDto extends PasswordField {
  @Transform(email) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email: string;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100) displayName: string;
}

export class SelfRegistrationDto implements SelfRegistrationInput {
  @NestedObject(() => OrganisationDto) organisation: OrganisationDto;
  @NestedObject(() => AdminAccountDto) admin: AdminAccountDto;
}

export class DepartmentAdminDto {
  @Transform(email) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email: string;
}

export class OrganiserDepartmentDto implements OrganiserDepartmentInput {
  @NestedObject(() => OrganisationDto) organisation: OrganisationDto;
  @NestedObject(() => DepartmentAdminDto) admin: DepartmentAdminDto;
}

export class InvitationDto implements InvitationInput {
  @Transform(email) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email: string;
  @IsIn(USER_ROLES) role: UserRole;
}

export class InvitationAcceptDto extends PasswordField implements InvitationAcceptInput {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100) displayName: string;
}

export class UserUpdateDto implements UserUpdateInput {
  @IsOptional() @IsIn(USER_ROLES) role?: UserRole;
  @IsOptional() @IsBoolean() active?: boolean;
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(100) displayName?: string;
}

export class StepUpDto implements StepUpInput {
  @IsString() @IsNotEmpty() @MaxLength(200) password: string;
}
