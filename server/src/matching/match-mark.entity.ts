import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** What an organisation did with a recommendation: dismissed it (it does not come back) or bookmarked it. */
@Entity('match_mark')
export class MatchMarkEntity {
  @PrimaryColumn({ type: 'uuid' })
  listingId: string;

  @PrimaryColumn({ type: 'uuid' })
  counterpartId: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  kind: 'dismissed' | 'bookmarked';

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
