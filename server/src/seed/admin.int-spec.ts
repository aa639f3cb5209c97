import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { OrganisationsService } from '../organisations/organisations.service';
import { TestApp } from '../testing/test-app';
import { UsersService } from '../users/users.service';
import { ensureAdmin } from './admin';
import { verifyPassword } from '../users/passwords';

describe('first-start organiser account (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('generates a random password when ADMIN_PASSWORD is unset, and it is the account’s password', async () => {
    const ds = t.app.get(DataSource);
    const config = { ...loadConfig([]), adminEmail: `first-${Date.now()}@test.duijie.cn`, adminPassword: null };
    // A database without organisers, inside a transaction that is rolled back afterwards.
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`UPDATE app_user SET role = 'org_admin' WHERE role = 'organiser'`);
      const scoped = Object.create(ds, { transaction: { value: (fn: (m: unknown) => unknown) => fn(runner.manager) } }) as DataSource;
      const seed = await ensureAdmin(scoped, t.app.get(OrganisationsService), t.app.get(UsersService), config);
      expect(seed.created).toBe(true);
      const generated = seed.created ? seed.generatedPassword : null;
      expect(generated).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(generated).not.toBe('Duijie-admin-2026');
      const [row]: { passwordHash: string }[] = await runner.query(`SELECT "passwordHash" FROM app_user WHERE email = $1`, [config.adminEmail]);
      expect(await verifyPassword(row.passwordHash, generated!)).toBe(true);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
