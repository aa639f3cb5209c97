import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first response to a write sent with an Idempotency-Key, replayed to retries. */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'varchar', length: 300 })
  route: string;

  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 12 })
  state: 'in_flight' | 'done';

  /** Fencing token of the current claim: only its holder records the answer. */
  @Column({ type: 'uuid', nullable: true })
  claimId: string | null;

  /** The presence lock number of the process running the request (see ServerPresence). */
  @Column({ type: 'int', nullable: true })
  ownerInstance: number | null;

  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
