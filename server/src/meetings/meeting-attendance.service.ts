import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Meeting, MeetingStats } from '@duijie/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../access/principal';
import { Conflict, NotFound } from '../common/errors';
import { beijingTime } from '../common/pdf';
import { SessionEntity } from '../events/session.entity';
import type { AttendanceDto } from './dto/agenda.dto';
import { MeetingEntity } from './meeting.entity';
import { slotsOf } from './meetings.mapper';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { MeetingsService } from './meetings.service';

/**
 * Organisers mark at the tables whether a meeting was held or nobody came.
 *
 * The rule: a meeting can be marked once it is placed (scheduled, held or no_show), published
 * (the parties knew of it) and its slot has started; marking it in advance would be a guess.
 * Held and no_show may be swapped to correct a mistake; marking the same again changes
 * nothing (no new version, audit row or push). Every change is audited with who and when.
 */
@Injectable()
export class MeetingAttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly meetings: MeetingsService,
    private readonly uow: UnitOfWork,
  ) {}

  async mark(principal: Principal, id: string, dto: AttendanceDto): Promise<Meeting> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const m = await manager.findOne(MeetingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!m) throw new NotFound('Meeting');
      if (m.status === dto.status) return (await this.meetings.views(manager, [m]))[0];
      if (m.status === 'cancelled') throw new Conflict('meeting_cancelled', 'This meeting was cancelled', [{ field: 'status', messages: ['cancelled'] }]);
      if (m.status === 'unscheduled' || m.slot === null)
        throw new Conflict('not_scheduled', 'This meeting has no slot and table yet', [{ field: 'id', messages: ['the meeting is not scheduled'] }]);
      if (!m.published)
        throw new Conflict('not_published', 'This meeting is not published to its parties yet', [{ field: 'id', messages: ['the meeting is not published'] }]);
      const session = await manager.findOneByOrFail(SessionEntity, { id: m.sessionId });
      const slot = slotsOf(session)[m.slot - 1];
      if (slot && Date.parse(slot.startsAt) > Date.now()) {
        throw new Conflict(
          'slot_not_started',
          `This meeting starts at ${beijingTime(slot.startsAt)} (Beijing time); attendance is marked once it has started`,
          [{ field: 'status', messages: [`slot ${m.slot} starts at ${slot.startsAt}`] }],
        );
      }
      const from = m.status;
      m.status = dto.status;
      m.version += 1;
      await manager.save(m);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'meeting.attendance',
        entityType: 'meeting',
        entityId: m.id,
        data: { from, to: dto.status, sessionId: m.sessionId, slot: m.slot, table: m.tableNo },
      });
      this.meetings.changed(tx, m.sessionId, [m]);
      return (await this.meetings.views(manager, [m]))[0];
    });
  }

  async stats(sessionId: string): Promise<MeetingStats> {
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(SessionEntity, { id: sessionId }))) throw new NotFound('Session');
    return this.meetings.stats(manager, sessionId);
  }
}
