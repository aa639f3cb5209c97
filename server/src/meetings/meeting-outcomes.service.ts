import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MEETING_OUTCOMES, type Meeting, type MeetingOutcome, type MeetingOutcomeCounts } from '@duijie/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isOrganiser, type Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { assertVersion, Conflict, NotFound } from '../common/errors';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { SessionEntity } from '../events/session.entity';
import type { MeetingOutcomeDto } from './dto/meeting-outcome.dto';
import { MeetingOutcomeEntity } from './meeting-outcome.entity';
import { MeetingEntity } from './meeting.entity';
import { slotsOf } from './meetings.mapper';

/**
 * After a meeting each party says what came of it: not held, no interest, a follow-up, an
 * agreement drafted. Only a party records its own, only once the meeting's slot has started;
 * the same outcome again changes nothing, a change names the version it read. Audited.
 */
@Injectable()
export class MeetingOutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async record(principal: Principal, meetingId: string, dto: MeetingOutcomeDto): Promise<MeetingOutcome> {
    return this.uow.run(async ({ manager }) => {
      const meeting = await manager.findOne(MeetingEntity, { where: { id: meetingId } });
      const party = meeting && (meeting.organisationAId === principal.organisationId || meeting.organisationBId === principal.organisationId);
      if (!meeting || !party) throw new NotFound('Meeting');
      const note = dto.note ?? '';
      const key = { meetingId, organisationId: principal.organisationId };
      const existing = await manager.findOne(MeetingOutcomeEntity, { where: key, lock: { mode: 'pessimistic_write' } });
      if (existing && existing.outcome === dto.outcome && existing.note === note) return toOutcome(existing);
      if (meeting.status === 'cancelled') throw new Conflict('meeting_cancelled', 'This meeting was cancelled');
      if (meeting.slot === null)
        throw new Conflict('not_scheduled', 'This meeting has no slot yet', [{ field: 'id', messages: ['the meeting is not scheduled'] }]);
      const session = await manager.findOneByOrFail(SessionEntity, { id: meeting.sessionId });
      const slot = slotsOf(session)[meeting.slot - 1];
      const now = this.clock.now();
      if (!slot || Date.parse(slot.startsAt) > now.getTime()) {
        throw new Conflict('meeting_not_started', 'What came of a meeting is recorded once it has started', [
          { field: 'outcome', messages: [`the meeting starts at ${slot?.startsAt ?? 'an unknown time'}`] },
        ]);
      }
      assertVersion(existing?.version ?? 0, dto.version, 'The outcome');
      const row =
        existing ??
        manager.create(MeetingOutcomeEntity, { ...key, outcome: dto.outcome, note, recordedByUserId: principal.userId, version: 0, recordedAt: now });
      const from = existing ? { outcome: existing.outcome, note: existing.note } : null;
      Object.assign(row, { outcome: dto.outcome, note, recordedByUserId: principal.userId, version: row.version + 1, recordedAt: now });
      await manager.save(row);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'meeting.outcome_recorded',
        entityType: 'meeting',
        entityId: meetingId,
        data: { organisationId: principal.organisationId, outcome: dto.outcome, note, from, sessionId: meeting.sessionId },
      });
      return toOutcome(row);
    });
  }

  /** The outcomes to show with these meeting views: the caller's own (a party), or both (organisers). */
  async attach<M extends Meeting>(principal: Principal, meetings: M[], manager: EntityManager = this.dataSource.manager): Promise<M[]> {
    if (meetings.length === 0) return meetings;
    const organiser = isOrganiser(principal);
    const rows = await manager.find(MeetingOutcomeEntity, {
      where: { meetingId: In(meetings.map((m) => m.id)), ...(organiser ? {} : { organisationId: principal.organisationId }) },
    });
    const byMeeting = new Map<string, MeetingOutcome[]>();
    for (const row of rows) byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), toOutcome(row)]);
    return meetings.map((m) => (organiser ? { ...m, outcomes: byMeeting.get(m.id) ?? [] } : { ...m, myOutcome: byMeeting.get(m.id)?.[0] ?? null }));
  }

  /** A session's outcomes by kind, each party's counting once (for the figures). */
  async outcomeCounts(sessionId: string): Promise<MeetingOutcomeCounts> {
    const rows: { outcome: string; n: number }[] = await this.dataSource.query(
      `SELECT o.outcome, count(*)::int AS n FROM meeting_outcome o JOIN meeting m ON m.id = o."meetingId" WHERE m."sessionId" = $1 GROUP BY o.outcome`,
      [sessionId],
    );
    const counts = Object.fromEntries(MEETING_OUTCOMES.map((k) => [k, 0])) as MeetingOutcomeCounts;
    for (const r of rows) if (r.outcome in counts) counts[r.outcome as keyof MeetingOutcomeCounts] = r.n;
    return counts;
  }
}

function toOutcome(row: MeetingOutcomeEntity): MeetingOutcome {
  return {
    meetingId: row.meetingId,
    organisationId: row.organisationId,
    outcome: row.outcome,
    note: row.note,
    version: row.version,
    recordedAt: row.recordedAt.toISOString(),
  };
}
