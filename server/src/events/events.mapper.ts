import type { MatchEvent, MatchSession } from '@duijie/shared';
import type { EventEntity } from './event.entity';
import type { SessionEntity } from './session.entity';

export function toEvent(e: EventEntity, organiserName: string, sessionCount: number): MatchEvent {
  return {
    id: e.id,
    name: e.name,
    province: e.province,
    startDate: e.startDate,
    endDate: e.endDate,
    targetAmount: e.targetAmount,
    description: e.description,
    applicationAnswerHours: e.applicationAnswerHours,
    meetingAnswerHours: e.meetingAnswerHours,
    timeZone: e.timeZone,
    organiserOrganisationId: e.organiserOrganisationId,
    organiserName,
    createdAt: e.createdAt.toISOString(),
    sessionCount,
  };
}

export function toSession(s: SessionEntity): MatchSession {
  return {
    id: s.id,
    eventId: s.eventId,
    kind: s.kind,
    title: s.title,
    leadDepartment: s.leadDepartment,
    venue: s.venue,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    slotMinutes: s.slotMinutes,
    tableCount: s.tableCount,
    ceremonyAt: s.ceremonyAt ? s.ceremonyAt.toISOString() : null,
    registrationMode: s.registrationMode,
    meetingMode: s.meetingMode,
    breakStartsAt: s.breakStartsAt ? s.breakStartsAt.toISOString() : null,
    breakEndsAt: s.breakEndsAt ? s.breakEndsAt.toISOString() : null,
    status: s.status,
    version: s.version,
  };
}
