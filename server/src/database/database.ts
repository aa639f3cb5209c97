import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';

export type DatabaseHandle = EmbeddedDatabase & { embedded: boolean };

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under the data folder.
 * `stopOnSignal: false`: the caller stops it on SIGINT/SIGTERM, after its own shutdown.
 */
export async function openDatabase(config: AppConfig, log: (line: string) => void, opts: { stopOnSignal?: boolean } = {}): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined, abandon: () => undefined };
  log(`Starting embedded PostgreSQL (data in ${config.dataDir}/pg, port ${config.embeddedPgPort}) ...`);
  const db: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    database: 'duijie',
    log: process.env.DEBUG_PG ? log : undefined,
    notice: log,
    stopOnSignal: opts.stopOnSignal,
  });
  return { ...db, embedded: true };
}
