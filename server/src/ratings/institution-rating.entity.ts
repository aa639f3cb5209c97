import type { RatingDealing } from '@duijie/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

/**
 * An enterprise's rating of an institution on one dealing (an application answered, a meeting
 * held, a loan disbursed): speed, attitude and terms 1–5 and a comment. One per dealing and rater;
 * the institution sees it without the rater.
 */
@Entity('institution_rating')
@Index(['dealing', 'dealingId', 'raterOrganisationId'], { unique: true })
@Index(['eventId', 'institutionId'])
@Check('CHK_institution_rating_speed', '"speed" BETWEEN 1 AND 5')
@Check('CHK_institution_rating_attitude', '"attitude" BETWEEN 1 AND 5')
@Check('CHK_institution_rating_terms', '"terms" BETWEEN 1 AND 5')
@Check('CHK_institution_rating_comment', 'char_length("comment") <= 500')
export class InstitutionRatingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'eventId' })
  event?: EventEntity;

  @Column({ type: 'varchar', length: 16 })
  dealing: RatingDealing;

  /** The meeting request, meeting or agreement id. */
  @Column({ type: 'uuid' })
  dealingId: string;

  @Column({ type: 'uuid' })
  raterOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raterOrganisationId' })
  raterOrganisation?: OrganisationEntity;

  @Column({ type: 'uuid' })
  raterUserId: string;

  @Index()
  @Column({ type: 'uuid' })
  institutionId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institutionId' })
  institution?: OrganisationEntity;

  @Column({ type: 'smallint' })
  speed: number;

  @Column({ type: 'smallint' })
  attitude: number;

  @Column({ type: 'smallint' })
  terms: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
