import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkProgram, DEFAULT_REWARD_PROGRAM, type ProgramProblem, type RewardProgram, type RewardProgramContent } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { assertVersion, Conflict, DomainError, NotFound } from '../common/errors';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { UserEntity } from '../users/user.entity';
import type { RewardProgramDto, RewardProgramUpdateDto } from './dto/rewards.dto';
import { organisedEvent } from './rewards-access';
import { RewardProgramEntity } from './rewards.entities';

/** The most a program's content may weigh as JSON: far above any real program (the seed's is a few KB). */
export const MAX_PROGRAM_BYTES = 256 * 1024;

/**
 * What is wrong with a program's content: too large, or the problems checkProgram finds (each
 * naming its path under `content`). None when it may be stored.
 */
export function programProblems(content: unknown): ProgramProblem[] {
  const bytes = Buffer.byteLength(JSON.stringify(content ?? null), 'utf8');
  if (bytes > MAX_PROGRAM_BYTES) {
    const kb = Math.ceil(bytes / 1024);
    const max = MAX_PROGRAM_BYTES / 1024;
    return [{ path: '', message: `is ${kb} KB; a program holds at most ${max} KB`, messageZh: `大小为 ${kb} KB，超过上限 ${max} KB` }];
  }
  return checkProgram(content);
}

/** A 400 naming each problem's path under `content` (`content.rules[2].bands[0].amount`). */
function assertProgramValid(content: unknown): void {
  const problems = programProblems(content);
  if (problems.length === 0) return;
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    const field = p.path ? `content.${p.path}`.replace('content.[', 'content[') : 'content';
    byField.set(field, [...(byField.get(field) ?? []), p.message]);
  }
  const fields = [...byField].map(([field, messages]) => ({ field, messages }));
  throw new DomainError(400, 'invalid_input', `The program has ${problems.length} problem(s): ${fields[0].field}: ${fields[0].messages[0]}`, fields);
}

/**
 * Reward programs (奖励办法) as data: organisers of the event start a draft (from the seed's
 * rules), edit it while it is a draft, publish it (frozen from then on; it supersedes the
 * lineage's published version) and start a new version from a published one. Every step is
 * audited in the change's transaction.
 */
@Injectable()
export class RewardProgramsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  defaultContent(): RewardProgramContent {
    return structuredClone(DEFAULT_REWARD_PROGRAM);
  }

  check(content: unknown): ProgramProblem[] {
    return programProblems(content);
  }

  /** Every version of the event's programs, newest first. */
  async list(principal: Principal, eventId: string): Promise<RewardProgram[]> {
    const manager = this.dataSource.manager;
    await organisedEvent(manager, principal, eventId);
    const rows = await manager.find(RewardProgramEntity, { where: { eventId }, order: { createdAt: 'DESC', versionNo: 'DESC', id: 'ASC' } });
    return this.toPrograms(manager, rows);
  }

  async get(principal: Principal, id: string): Promise<RewardProgram> {
    const manager = this.dataSource.manager;
    const program = await this.readable(manager, principal, id);
    return (await this.toPrograms(manager, [program]))[0];
  }

  /** A program of an event the caller organises (404 otherwise, as for one that is not there). */
  async readable(manager: EntityManager, principal: Principal, id: string, lock = false): Promise<RewardProgramEntity> {
    const program = await manager.findOne(RewardProgramEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!program) throw new NotFound('Reward program');
    await organisedEvent(manager, principal, program.eventId, 'Reward program');
    return program;
  }

  async create(principal: Principal, eventId: string, dto: RewardProgramDto): Promise<RewardProgram> {
    return this.uow.run(async ({ manager }) => {
      await organisedEvent(manager, principal, eventId);
      assertProgramValid(dto.content);
      const program = manager.create(RewardProgramEntity, {
        eventId,
        lineage: randomUUID(),
        versionNo: 1,
        name: dto.name,
        state: 'draft',
        content: dto.content,
        publishedAt: null,
        publishedByUserId: null,
        createdByUserId: principal.userId,
        version: 1,
      });
      await manager.save(program);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'reward.program_created',
        entityType: 'reward_program',
        entityId: program.id,
        data: {
          eventId,
          lineage: program.lineage,
          versionNo: 1,
          name: program.name,
          rules: dto.content.rules?.length ?? 0,
          schemes: dto.content.schemes?.length ?? 0,
        },
      });
      return (await this.toPrograms(manager, [program]))[0];
    });
  }

  /** Edits a draft on the version read; a published (or superseded) program is frozen. */
  async update(principal: Principal, id: string, dto: RewardProgramUpdateDto): Promise<RewardProgram> {
    return this.uow.run(async ({ manager }) => {
      const program = await this.readable(manager, principal, id, true);
      assertDraft(program);
      assertVersion(program.version, dto.version, 'This program');
      assertProgramValid(dto.content);
      program.name = dto.name;
      program.content = dto.content;
      program.version += 1;
      await manager.save(program);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'reward.program_updated',
        entityType: 'reward_program',
        entityId: program.id,
        data: { version: program.version, name: program.name, rules: dto.content.rules?.length ?? 0, schemes: dto.content.schemes?.length ?? 0 },
      });
      return (await this.toPrograms(manager, [program]))[0];
    });
  }

  /**
   * Publishes a draft: frozen from now on, and the version of its lineage published before is
   * superseded. The same publish again (it is now published at the next version, by this user)
   * answers the program as it is.
   */
  async publish(principal: Principal, id: string, version: number): Promise<RewardProgram> {
    return this.uow.run(async ({ manager }) => {
      const program = await this.readable(manager, principal, id, true);
      if (program.state === 'published' && program.version === version + 1 && program.publishedByUserId === principal.userId) {
        return (await this.toPrograms(manager, [program]))[0];
      }
      assertDraft(program);
      assertVersion(program.version, version, 'This program');
      assertProgramValid(program.content);
      const previous = await manager.find(RewardProgramEntity, {
        where: { lineage: program.lineage, state: 'published' },
        lock: { mode: 'pessimistic_write' },
      });
      for (const p of previous) {
        p.state = 'superseded';
        p.version += 1;
      }
      if (previous.length > 0) await manager.save(previous);
      program.state = 'published';
      program.publishedAt = this.clock.now();
      program.publishedByUserId = principal.userId;
      program.version += 1;
      await manager.save(program);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'reward.program_published',
        entityType: 'reward_program',
        entityId: program.id,
        data: { lineage: program.lineage, versionNo: program.versionNo, supersedes: previous.map((p) => p.id) },
      });
      return (await this.toPrograms(manager, [program]))[0];
    });
  }

  /**
   * Starts the next draft version of a published program with its content. Where the lineage has
   * a draft open already, that draft is the answer (a retry makes no second one).
   */
  async newVersion(principal: Principal, id: string): Promise<RewardProgram> {
    return this.uow.run(async ({ manager }) => {
      const source = await this.readable(manager, principal, id, true);
      const lineage = await manager.find(RewardProgramEntity, { where: { lineage: source.lineage }, order: { versionNo: 'DESC' } });
      const draft = lineage.find((p) => p.state === 'draft');
      if (draft) return (await this.toPrograms(manager, [draft]))[0];
      if (source.state !== 'published') {
        throw new Conflict('invalid_state', 'A new version starts from the published version of the program');
      }
      const program = manager.create(RewardProgramEntity, {
        eventId: source.eventId,
        lineage: source.lineage,
        versionNo: lineage[0].versionNo + 1,
        name: source.name,
        state: 'draft',
        content: source.content,
        publishedAt: null,
        publishedByUserId: null,
        createdByUserId: principal.userId,
        version: 1,
      });
      await manager.save(program);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'reward.program_created',
        entityType: 'reward_program',
        entityId: program.id,
        data: { eventId: program.eventId, lineage: program.lineage, versionNo: program.versionNo, from: source.id, name: program.name },
      });
      return (await this.toPrograms(manager, [program]))[0];
    });
  }

  private async toPrograms(manager: EntityManager, rows: RewardProgramEntity[]): Promise<RewardProgram[]> {
    const userIds = [...new Set(rows.map((r) => r.publishedByUserId).filter((u): u is string => u !== null))];
    const users = userIds.length ? await manager.find(UserEntity, { where: { id: In(userIds) }, select: { id: true, displayName: true } }) : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return rows.map((p) => ({
      id: p.id,
      eventId: p.eventId,
      name: p.name,
      lineage: p.lineage,
      versionNo: p.versionNo,
      state: p.state,
      content: p.content,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      publishedBy: p.publishedByUserId ? (names.get(p.publishedByUserId) ?? null) : null,
      version: p.version,
      createdAt: p.createdAt.toISOString(),
    }));
  }
}

function assertDraft(program: RewardProgramEntity): void {
  if (program.state !== 'draft') {
    throw new Conflict(
      'program_frozen',
      `Version ${program.versionNo} of this program is ${program.state === 'published' ? 'published' : 'superseded'} and frozen; start a new version to change it`,
    );
  }
}
