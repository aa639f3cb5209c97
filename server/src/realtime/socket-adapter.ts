import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import type { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool } from 'pg';
import type { Server, ServerOptions } from 'socket.io';

type AdapterFactory = ReturnType<typeof createPostgresAdapter> | ReturnType<typeof createRedisAdapter>;

/**
 * socket.io across server processes: a change made through one process reaches sockets
 * connected to another. PostgreSQL LISTEN/NOTIFY by default (no extra infrastructure);
 * Redis pub/sub when REDIS_URL is set.
 */
export class ClusterIoAdapter extends IoAdapter {
  private factory: AdapterFactory | null = null;
  private readonly closers: (() => Promise<unknown>)[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly backend: { databaseUrl: string; redisUrl: string | null },
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    if (process.env.SOCKET_ADAPTER === 'local') return;
    if (this.backend.redisUrl) {
      // Loaded only when used: the Redis client is a noticeable part of every start.
      const [{ createClient }, { createAdapter: createRedisAdapter }] = await Promise.all([import('redis'), import('@socket.io/redis-adapter')]);
      const pub = createClient({ url: this.backend.redisUrl });
      const sub = pub.duplicate();
      await Promise.all([pub.connect(), sub.connect()]);
      this.closers.push(() => pub.quit(), () => sub.quit());
      this.factory = createRedisAdapter(pub, sub);
    } else {
      const pool = new Pool({ connectionString: this.backend.databaseUrl, max: 4 });
      this.closers.push(() => pool.end());
      // Large messages go through this table (created by a migration); old rows are swept.
      this.factory = createPostgresAdapter(pool, { tableName: 'socket_io_attachments', cleanupInterval: 30_000 });
    }
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.factory) server.adapter(this.factory);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.allSettled(this.closers.map((close) => close()));
  }
}
