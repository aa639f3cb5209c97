import type { DataSource } from 'typeorm';

/** Any fixed number; every process of a deployment uses the same one. */
const MIGRATION_LOCK = 73_201_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so several server processes
 * starting at once apply each migration exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
