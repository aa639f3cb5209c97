import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A counter after a hit: how many hits its window holds, and when the window ends. */
export type RateCount = { hits: number; secondsLeft: number };

/** How often, at most, one process deletes windows that have ended. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Fixed-window counters in PostgreSQL, so that every server process counts against the same
 * limit, and counted atomically (one upsert), so that parallel requests cannot all slip in
 * under it: each one sees its own position in the window.
 */
@Injectable()
export class RateCounters {
  private lastSweep = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds `delta` hits to `key` (opening a window of `windowSeconds` when none is open). */
  async hit(key: string, windowSeconds: number, delta = 1): Promise<RateCount> {
    this.sweepNow();
    const rows: { hits: number; secondsLeft: number }[] = await this.dataSource.query(
      `INSERT INTO rate_counter (key, hits, "expiresAt") VALUES ($1, GREATEST($3::int, 0), now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_counter."expiresAt" <= now() THEN GREATEST($3::int, 0) ELSE GREATEST(rate_counter.hits + $3::int, 0) END,
         "expiresAt" = CASE WHEN rate_counter."expiresAt" <= now() THEN now() + make_interval(secs => $2) ELSE rate_counter."expiresAt" END
       RETURNING hits, CEIL(EXTRACT(EPOCH FROM "expiresAt" - now()))::int AS "secondsLeft"`,
      [key, windowSeconds, delta],
    );
    return rows[0];
  }

  /** The counter as it stands, without counting (0 hits when no window is open). */
  async peek(key: string): Promise<RateCount> {
    const rows: RateCount[] = await this.dataSource.query(
      `SELECT hits, CEIL(EXTRACT(EPOCH FROM "expiresAt" - now()))::int AS "secondsLeft" FROM rate_counter WHERE key = $1 AND "expiresAt" > now()`,
      [key],
    );
    return rows[0] ?? { hits: 0, secondsLeft: 0 };
  }

  async reset(...keys: string[]): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_counter WHERE key = ANY($1)`, [keys]);
  }

  /** Windows that have ended are deleted now and then, by whichever request comes along. */
  private sweepNow(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.dataSource.query(`DELETE FROM rate_counter WHERE "expiresAt" < now() - interval '1 minute'`).catch(() => undefined);
  }
}
