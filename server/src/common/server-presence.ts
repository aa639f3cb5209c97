import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** The first key of every presence lock (any fixed number; the migration lock uses another). */
export const PRESENCE_LOCK_SPACE = 73_201_002;

/**
 * SQL that is true while the process with instance number `instanceSql` is alive: its
 * presence lock is held. For use inside a query, e.g. `NOT (${instanceAlive('k."ownerInstance"')})`.
 */
export function instanceAlive(instanceSql: string): string {
  return `EXISTS (SELECT 1 FROM pg_locks l
             WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND l.classid = ${PRESENCE_LOCK_SPACE}::oid AND l.objid = (${instanceSql})::oid)`;
}

/**
 * This process's presence in the database: a session advisory lock on an instance number,
 * held on a connection of its own for as long as the process lives. When the process dies,
 * however abruptly (SIGKILL, out of memory, a crash), the kernel closes its connections and
 * PostgreSQL releases the lock, so the other processes, and the one that replaces it, can
 * tell at once that work it had claimed will never be finished.
 */
@Injectable()
export class ServerPresence implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Presence');
  private client: Client | null = null;
  private number = randomInt(1, 2 ** 31 - 1);
  private held = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** This process's instance number while its lock is held; null while it is not (reconnecting). */
  get instance(): number | null {
    return this.held ? this.number : null;
  }

  async onModuleInit(): Promise<void> {
    try {
      await this.connect();
    } catch (error) {
      // At start, a database that cannot be reached stops the server.
      await this.onModuleDestroy();
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.held = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url, application_name: 'duijie-presence' });
    client.on('error', () => this.lose(client));
    client.on('end', () => this.lose(client));
    this.client = client;
    try {
      await client.connect();
      // Another live process drew the same number (one chance in two billion): draw again.
      for (;;) {
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [PRESENCE_LOCK_SPACE, this.number]);
        if (rows[0].locked) break;
        this.number = randomInt(1, 2 ** 31 - 1);
      }
      if (this.client === client) this.held = true;
    } catch (error) {
      this.lose(client);
      throw error;
    }
  }

  /** The connection broke: until it is back, this process claims no work under its number. */
  private lose(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.held = false;
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn('Lost the presence connection to PostgreSQL; reconnecting');
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().catch(() => undefined);
    }, 1000);
    this.retry.unref();
  }
}
