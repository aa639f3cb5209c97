import type { OrganisationKind, OrganisationSize, OrganisationStatus } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Unified social credit code (GB 32100), the organisation's identity. */
  @Index({ unique: true })
  @Column({ type: 'char', length: 18 })
  creditCode: string;

  @Column({ type: 'varchar', length: 24 })
  kind: OrganisationKind;

  /** GB/T 4754 division, e.g. C31. */
  @Column({ type: 'varchar', length: 3 })
  industry: string;

  /** GB/T 2260 code. */
  @Column({ type: 'char', length: 6 })
  region: string;

  @Column({ type: 'varchar', length: 8 })
  size: OrganisationSize;

  @Column({ type: 'varchar', length: 100 })
  contactName: string;

  @Column({ type: 'varchar', length: 40 })
  contactPhone: string;

  @Index()
  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: OrganisationStatus;

  @Column({ type: 'text', nullable: true })
  rejectReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
