// Places meetings straight into the tables for specs that need meetings in slots without
// going through requests, booking or the scheduler: the meeting row and its two seats.
import type { MeetingStatus } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MeetingSeatEntity } from '../meetings/meeting-seat.entity';
import { MeetingEntity } from '../meetings/meeting.entity';

export type PlacedMeeting = {
  eventId: string;
  sessionId: string;
  /** The asker. */
  a: string;
  /** The asked. */
  b: string;
  topic?: string;
  slot: number | null;
  table: number | null;
  status?: MeetingStatus;
  published?: boolean;
};

export async function placeMeeting(dataSource: DataSource, m: PlacedMeeting): Promise<MeetingEntity> {
  return dataSource.transaction(async (manager) => {
    const placed = m.slot !== null;
    const meeting = await manager.save(
      manager.create(MeetingEntity, {
        eventId: m.eventId,
        sessionId: m.sessionId,
        requestId: randomUUID(),
        organisationAId: m.a,
        organisationBId: m.b,
        topic: m.topic ?? '洽谈合作',
        status: m.status ?? (placed ? 'scheduled' : 'unscheduled'),
        slot: m.slot,
        tableNo: m.table,
        published: m.published ?? placed,
        acceptedAt: new Date(),
      }),
    );
    if (placed && meeting.status !== 'cancelled') {
      await manager.insert(
        MeetingSeatEntity,
        [m.a, m.b].map((organisationId) => ({ sessionId: m.sessionId, organisationId, slot: m.slot!, meetingId: meeting.id })),
      );
    }
    return meeting;
  });
}
