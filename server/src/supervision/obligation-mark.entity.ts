import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ObligationMarkKind = 'reminder' | 'overdue';

/**
 * What the sweep did about an obligation's due day: reminded the owing organisation before it, or
 * marked it overdue on it (once each per due day: a rescheduled day is reminded again). Whether
 * it is overdue stays read from the clock (decision 0012); this records that the mark was made
 * and when, for the figures.
 */
@Entity('obligation_mark')
export class ObligationMarkEntity {
  @PrimaryColumn({ type: 'uuid' })
  obligationId: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  kind: ObligationMarkKind;

  @PrimaryColumn({ type: 'date' })
  dueOn: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'timestamptz' })
  markedAt: Date;
}
