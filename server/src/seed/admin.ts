import { makeCreditCode } from '@duijie/shared';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';

/** The department the first organiser account belongs to until a real one is set up. */
export const ADMIN_ORGANISATION = {
  name: '对接活动主办单位',
  creditCode: makeCreditCode('11630000MB0000001'),
  kind: 'organiser' as const,
  industry: 'S92',
  region: '630000',
  size: 'medium' as const,
  contactName: '管理员',
  contactPhone: '0971-0000000',
};

/** What the first start did: nothing (an organiser exists), or created the account (with the generated password, if any). */
export type AdminSeed = { created: false } | { created: true; generatedPassword: string | null };

/**
 * On a database without any organiser, creates one from ADMIN_EMAIL / ADMIN_PASSWORD; without
 * ADMIN_PASSWORD it generates a random password, which the caller prints once.
 */
export async function ensureAdmin(dataSource: DataSource, organisations: OrganisationsService, users: UsersService, config: AppConfig): Promise<AdminSeed> {
  return dataSource.transaction(async (manager) => {
    // Serialises concurrent first starts of several processes.
    await manager.query('SELECT pg_advisory_xact_lock(73201002)');
    if (await manager.exists(UserEntity, { where: { role: 'organiser' } })) return { created: false };
    const generatedPassword = config.adminPassword === null ? randomBytes(12).toString('base64url') : null;
    const password = config.adminPassword ?? generatedPassword!;
    const organisation =
      (await manager.findOne(OrganisationEntity, { where: { creditCode: ADMIN_ORGANISATION.creditCode } })) ??
      (await organisations.insert(manager, ADMIN_ORGANISATION, 'approved', null));
    await users.insert(
      manager,
      { organisationId: organisation.id, email: config.adminEmail.toLowerCase(), displayName: '管理员', password, role: 'organiser' },
      null,
    );
    return { created: true, generatedPassword };
  });
}
