import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import type { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool, type PoolClient } from 'pg';
import type { Server, ServerOptions } from 'socket.io';
import { limitSocketMessages } from '../rate-limits/socket-message-limiter';

type AdapterFactory = ReturnType<typeof createPostgresAdapter> | ReturnType<typeof createRedisAdapter>;

/**
 * socket.io across server processes: a change made through one process reaches sockets
 * connected to another. PostgreSQL LISTEN/NOTIFY by default (no extra infrastructure);
 * Redis pub/sub when REDIS_URL is set.
 */
export class ClusterIoAdapter extends IoAdapter {
  private factory: AdapterFactory | null = null;
  private readonly closers: (() => Promise<unknown>)[] = [];
  private readonly servers: Server[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly backend: { databaseUrl: string; redisUrl: string | null; socketMessagesPerSecond: number },
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
      this.closers.push(
        () => pub.quit(),
        () => sub.quit(),
      );
      this.factory = createRedisAdapter(pub, sub);
    } else {
      const pool = new Pool({ connectionString: this.backend.databaseUrl, max: 4, application_name: 'duijie-socket-adapter', connectionTimeoutMillis: 5000 });
      this.closers.push(() => pool.end());
      // Large messages go through this table (created by a migration); old rows are swept.
      this.factory = createPostgresAdapter(listenSafe(pool), {
        tableName: 'socket_io_attachments',
        cleanupInterval: 30_000,
        errorHandler: (error) => adapterLogger.warn(`socket.io PostgreSQL adapter: ${error.message}`),
      });
    }
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.factory) server.adapter(this.factory);
    // Every socket of every gateway gets its own message budget, before any handler runs.
    server.on('connection', (socket) => limitSocketMessages(socket, this.backend.socketMessagesPerSecond));
    this.servers.push(server);
    return server;
  }

  /**
   * At shutdown, before the requests drain: closes this process's sockets as a lost transport
   * (engine.io's close, not a socket.io disconnect, after which clients would not come back),
   * so their clients reconnect, to another process or to this one's successor. Only this
   * process's: a socket.io disconnect through the adapter would reach every process.
   */
  closeSockets(): void {
    for (const server of this.servers) server.engine.close();
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.allSettled(this.closers.map((close) => close()));
  }
}

const adapterLogger = new Logger('SocketAdapter');

/**
 * The adapter's pool as the adapter may use it without taking the process down when
 * PostgreSQL goes away. An idle connection that breaks is an 'error' on the pool; the
 * connection the adapter keeps checked out for LISTEN has no listener of its own, and an
 * unhandled 'error' there ends the process. Here every checked-out connection gets one that
 * hands the broken connection back to the pool as broken (so it is discarded, not leaked
 * until the pool is full); its 'end' then makes the adapter LISTEN again on a new one
 * (every ~2 s until PostgreSQL answers).
 */
function listenSafe(pool: Pool): Pool {
  pool.on('error', (error) => adapterLogger.warn(`An idle connection of the socket.io adapter broke: ${error.message}`));
  const connect = async (): Promise<PoolClient> => {
    const client = await pool.connect();
    const release = client.release.bind(client);
    let released = false;
    client.release = (error?: Error | boolean) => {
      if (released) return;
      released = true;
      release(error);
    };
    const onError = (error: Error) => {
      adapterLogger.warn(`The socket.io adapter's LISTEN connection broke (${error.message}); listening again once PostgreSQL answers`);
      client.release(error);
    };
    client.on('error', onError);
    return client;
  };
  // The adapter calls only connect() (for LISTEN) and query() (NOTIFY, attachments).
  return Object.assign(Object.create(pool) as Pool, { connect, query: pool.query.bind(pool) });
}
