import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One publication of an event's supply and demand summary table: participants download the table as of `publishedAt`. */
@Entity('event_summary_publication')
@Index(['eventId', 'version'], { unique: true })
export class EventSummaryPublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  /** 1, 2, … per event. */
  @Column({ type: 'int' })
  version: number;

  /** Published before the event's last day was over, with the organiser's confirmation that it is not final. */
  @Column({ type: 'boolean', default: false })
  provisional: boolean;

  @Column({ type: 'uuid' })
  publishedByUserId: string;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;
}
