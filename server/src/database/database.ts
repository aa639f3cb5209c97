import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';

export type DatabaseHandle = { url: string; embedded: boolean; stop: () => Promise<void> };

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under the data folder. */
export async function openDatabase(config: AppConfig, log: (line: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  log(`Starting embedded PostgreSQL (data in ${config.dataDir}/pg, port ${config.embeddedPgPort}) ...`);
  const db: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    database: 'duijie',
    log: process.env.DEBUG_PG ? log : undefined,
    notice: log,
  });
  return { url: db.url, embedded: true, stop: db.stop };
}
