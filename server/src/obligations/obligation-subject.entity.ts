import type { ObligationKind } from '@duijie/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What one subject (an agreement, say) owes, summed up: its soonest outstanding obligation and how
 * many of its obligations were filed, accepted, are awaiting review or are outstanding. One row per
 * kind and subject, named as the obligation's unique key begins, kept by `ObligationsService` in the
 * transaction of every write to `obligation` (never by a sweep), so that a view over tens of
 * thousands of subjects (the 跟踪落实 tab) counts and sorts them by the index below instead of reading
 * every obligation. Whether the next one is overdue is still read from the clock against
 * `nextDueAt` (decision 0012). A subject whose obligations are all filed or waived keeps its row with
 * no next one.
 */
@Entity('obligation_subject')
/** An event's subjects of a kind by their next due instant (then day and id): counts by range and the page in order. */
@Index(['eventId', 'kind', 'subjectType', 'nextDueAt', 'nextDueOn', 'subjectId'])
export class ObligationSubjectEntity {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  kind: ObligationKind;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  subjectType: string;

  @PrimaryColumn({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  /** The soonest outstanding (open or returned) obligation, by due instant then id; null when none is. */
  @Column({ type: 'uuid', nullable: true })
  nextObligationId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  nextDueAt: Date | null;

  /** Its due day in the event's zone. */
  @Column({ type: 'date', nullable: true })
  nextDueOn: string | null;

  /** The organisation that owes it. */
  @Column({ type: 'uuid', nullable: true })
  nextOrganisationId: string | null;

  /** Filed at least once (whatever became of them since). */
  @Column({ type: 'int', default: 0 })
  filed: number;

  @Column({ type: 'int', default: 0 })
  accepted: number;

  /** Filed and awaiting review. */
  @Column({ type: 'int', default: 0 })
  submitted: number;

  /** Open or returned. */
  @Column({ type: 'int', default: 0 })
  outstanding: number;
}
