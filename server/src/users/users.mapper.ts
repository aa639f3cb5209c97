import type { User } from '@duijie/shared';
import type { UserEntity } from './user.entity';

export function toUser(u: UserEntity): User {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    active: u.active,
    organisationId: u.organisationId,
    createdAt: u.createdAt.toISOString(),
  };
}
