// The baselines of bench:signing, on plain `pg` against the server's own PostgreSQL:
// the SQL of one signing request replayed without the server, and a minimal transaction.
import { Client } from 'pg';

export type Statement = { text: string; values: unknown[] | null };

/** Runs `total` units of work from `connections` connections; answers units per second. */
export async function fromConnections(
  databaseUrl: string,
  connections: number,
  total: number,
  unit: (client: Client, connection: number, index: number) => Promise<void>,
): Promise<{ perSecond: number; seconds: number }> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new Client({ connectionString: databaseUrl });
      // A connection lost between queries fails the next query; without a listener it would end the process.
      client.on('error', () => undefined);
      await client.connect();
      return client;
    }),
  );
  try {
    let next = 0;
    const began = performance.now();
    await Promise.all(
      clients.map(async (client, connection) => {
        for (let i = next++; i < total; i = next++) await unit(client, connection, i);
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    return { perSecond: total / seconds, seconds };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** A statement with every occurrence of the probe's ids replaced by another agreement's. */
export function substitute(statement: Statement, replacements: [string, string][]): Statement {
  const replace = (s: string) => replacements.reduce((acc, [from, to]) => (acc.includes(from) ? acc.split(from).join(to) : acc), s);
  return {
    text: replace(statement.text),
    values:
      statement.values?.map((v) => {
        if (typeof v === 'string') return replace(v);
        if (v !== null && typeof v === 'object') return JSON.parse(replace(JSON.stringify(v))) as unknown;
        return v;
      }) ?? null,
  };
}

/** Plays statements one after another on one connection, as the server's request did; adds each one's time (ms) to `times`. */
export async function play(client: Client, statements: Statement[], times?: number[]): Promise<void> {
  for (const [i, s] of statements.entries()) {
    const began = performance.now();
    await (s.values ? client.query(s.text, s.values) : client.query(s.text));
    if (times) times[i] = (times[i] ?? 0) + performance.now() - began;
  }
}

/**
 * The cheapest transaction that writes what a signature must: insert one row, update one
 * row, commit. Each connection updates its own counter row, so the connections never
 * wait for each other's locks (unlike a single hot counter row or a serialised chain):
 * what remains is round trips and the commit's WAL flush.
 */
export async function plainTransactions(databaseUrl: string, connections: number, total: number): Promise<{ perSecond: number; seconds: number }> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP TABLE IF EXISTS bench_plain_row, bench_plain_counter`);
    await admin.query(
      `CREATE TABLE bench_plain_row (id bigserial PRIMARY KEY, connection int NOT NULL, at timestamptz NOT NULL DEFAULT now(), body char(64) NOT NULL)`,
    );
    await admin.query(`CREATE TABLE bench_plain_counter (connection int PRIMARY KEY, n bigint NOT NULL)`);
    await admin.query(`INSERT INTO bench_plain_counter SELECT g, 0 FROM generate_series(0, $1::int - 1) g`, [connections]);
  } finally {
    await admin.end();
  }
  const body = 'f'.repeat(64);
  return fromConnections(databaseUrl, connections, total, async (client, connection) => {
    await client.query('BEGIN');
    await client.query(`INSERT INTO bench_plain_row (connection, body) VALUES ($1, $2)`, [connection, body]);
    await client.query(`UPDATE bench_plain_counter SET n = n + 1 WHERE connection = $1`, [connection]);
    await client.query('COMMIT');
  });
}
