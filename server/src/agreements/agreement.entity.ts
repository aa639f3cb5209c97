import type { AgreementKind, AgreementPartyRole, AgreementStatus } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintNumber } from '../common/columns';
import { SessionEntity } from '../events/session.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';

/** An agreement drafted after negotiation; its terms are fixed by `contentHash`. */
@Entity('agreement')
export class AgreementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sessionId' })
  session?: SessionEntity;

  @Column({ type: 'varchar', length: 24 })
  kind: AgreementKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Yuan. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  amount: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  product: string | null;

  @Column({ type: 'numeric', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  quantity: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  unit: string | null;

  @Column({ type: 'int', nullable: true })
  termMonths: number | null;

  @Column({ type: 'text' })
  keyTerms: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  listingIds: string[];

  @Column({ type: 'varchar', length: 12, default: 'drafting' })
  status: AgreementStatus;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'char', length: 64 })
  contentHash: string;

  @Column({ type: 'uuid' })
  draftedByOrganisationId: string;

  @Column({ type: 'uuid' })
  draftedByUserId: string;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('agreement_party')
@Index(['agreementId', 'organisationId'], { unique: true })
export class AgreementPartyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreementId' })
  agreement?: AgreementEntity;

  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 16 })
  role: AgreementPartyRole;
}

/**
 * A party's signature on the terms with one content hash. Edits void the live ones
 * (kept for the record); the partial unique index allows one live signature per party.
 */
@Entity('agreement_signature')
@Index(['agreementId', 'partyId'], { unique: true, where: '"voidedAt" IS NULL' })
export class AgreementSignatureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  agreementId: string;

  @Column({ type: 'uuid' })
  partyId: string;

  @ManyToOne(() => AgreementPartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partyId' })
  party?: AgreementPartyEntity;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user?: UserEntity;

  @Column({ type: 'char', length: 64 })
  contentHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  signedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;
}
