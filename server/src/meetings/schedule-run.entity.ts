import type { ScheduleRun, ScheduleRunStatus } from '@duijie/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One run of the scheduler over a session's meetings, with its progress and outcome. */
@Entity('schedule_run')
// One run at a time per session.
@Index('UQ_schedule_run_running', ['sessionId'], { unique: true, where: `status = 'running'` })
export class ScheduleRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'varchar', length: 10, default: 'running' })
  status: ScheduleRunStatus;

  @Column({ type: 'boolean', default: false })
  allowMoves: boolean;

  @Column({ type: 'varchar', length: 10, nullable: true })
  phase: ScheduleRun['phase'];

  @Column({ type: 'float8', default: 0 })
  fraction: number;

  @Column({ type: 'int', nullable: true })
  breaks: number | null;

  @Column({ type: 'int', nullable: true })
  lowerBound: number | null;

  @Column({ type: 'int', default: 0 })
  scheduled: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  unscheduled: ScheduleRun['unscheduled'];

  @Column({ type: 'uuid' })
  startedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
