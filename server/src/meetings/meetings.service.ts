import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Meeting } from '@duijie/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SessionEntity } from '../events/session.entity';
import type { MeetingRequestEntity } from './meeting-request.entity';
import { MeetingEntity } from './meeting.entity';
import { partyNames, slotsOf, toMeeting } from './meetings.mapper';

/**
 * Negotiation meetings: made from accepted requests, then placed in a slot and at a table by
 * the participants themselves (self-booking) or by the organiser's scheduler.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Inside the accepting transaction: the request becomes an unscheduled meeting (the asker is party A). */
  async createFromRequest(manager: EntityManager, request: MeetingRequestEntity, actorUserId: string): Promise<MeetingEntity> {
    const meeting = await manager.save(
      manager.create(MeetingEntity, {
        eventId: request.eventId,
        sessionId: request.sessionId,
        requestId: request.id,
        organisationAId: request.fromOrganisationId,
        organisationBId: request.toOrganisationId,
        topic: request.topic,
        status: 'unscheduled',
        acceptedAt: request.answeredAt ?? new Date(),
      }),
    );
    await this.audit.record(manager, { actorUserId, action: 'meeting.created', entityType: 'meeting', entityId: meeting.id, data: { requestId: request.id, sessionId: request.sessionId } });
    return meeting;
  }

  /** Shared views of meetings, with names and times, in two queries. */
  async views(manager: EntityManager, meetings: MeetingEntity[]): Promise<Meeting[]> {
    if (meetings.length === 0) return [];
    const sessions = await manager.find(SessionEntity, { where: { id: In([...new Set(meetings.map((m) => m.sessionId))]) } });
    const slots = new Map(sessions.map((s) => [s.id, slotsOf(s)]));
    const names = await partyNames(manager, meetings);
    return meetings.map((m) => toMeeting(m, names, slots.get(m.sessionId) ?? []));
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
