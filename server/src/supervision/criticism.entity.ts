import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A notice of criticism (通报) an event's organisers published, naming organisations. */
@Entity('criticism_notice')
@Index(['eventId', 'publishedAt'])
export class CriticismNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid' })
  publishedByUserId: string;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;
}

/**
 * An organisation named on a notice of criticism, for the obligations it had not filed under a
 * lapsed supervision notice. It leaves the notice (整改, `rectifiedAt`) once all of them are filed.
 */
@Entity('criticism_entry')
@Index('IDX_criticism_entry_named', ['organisationId'], { where: `"rectifiedAt" IS NULL` })
export class CriticismEntryEntity {
  @PrimaryColumn({ type: 'uuid' })
  noticeId: string;

  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid', array: true })
  obligationIds: string[];

  @Column({ type: 'timestamptz', nullable: true })
  rectifiedAt: Date | null;
}
