import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { MatchSession, MeetingMode, RegistrationMode, SessionInput, SessionKind } from '@duijie/shared';

// The session form holds times as Dayjs and the lunch break as times of day; these functions
// convert between what the form holds and what the API takes.

export type SessionFormValues = {
  kind: SessionKind;
  title: string;
  leadDepartment: string;
  venue: string;
  startsAt: Dayjs;
  endsAt: Dayjs;
  slotMinutes: number;
  tableCount: number;
  ceremonyAt?: Dayjs | null;
  registrationMode: RegistrationMode;
  meetingMode: MeetingMode;
  /** 午休: times of day on the session's first day. */
  breakRange?: [Dayjs, Dayjs] | null;
};

/** The break's times put on the session's start date. */
function onStartDate(start: Dayjs, time: Dayjs): string {
  return start.hour(time.hour()).minute(time.minute()).second(0).millisecond(0).toISOString();
}

/** The form's starting values: the session to edit, or the defaults of a new one. */
export function initialSessionValues(session: MatchSession | undefined): Partial<SessionFormValues> {
  return session
    ? {
        kind: session.kind,
        title: session.title,
        leadDepartment: session.leadDepartment,
        venue: session.venue,
        startsAt: dayjs(session.startsAt),
        endsAt: dayjs(session.endsAt),
        slotMinutes: session.slotMinutes,
        tableCount: session.tableCount,
        ceremonyAt: session.ceremonyAt ? dayjs(session.ceremonyAt) : null,
        registrationMode: session.registrationMode,
        meetingMode: session.meetingMode,
        breakRange: session.breakStartsAt && session.breakEndsAt ? [dayjs(session.breakStartsAt), dayjs(session.breakEndsAt)] : null,
      }
    : { slotMinutes: 20, tableCount: 10, registrationMode: 'open', meetingMode: 'scheduled' };
}

export function toSessionInput(values: SessionFormValues): SessionInput {
  return {
    kind: values.kind,
    title: values.title.trim(),
    leadDepartment: values.leadDepartment.trim(),
    venue: values.venue.trim(),
    startsAt: values.startsAt.toISOString(),
    endsAt: values.endsAt.toISOString(),
    slotMinutes: values.slotMinutes,
    tableCount: values.tableCount,
    ceremonyAt: values.ceremonyAt ? values.ceremonyAt.toISOString() : null,
    registrationMode: values.registrationMode,
    meetingMode: values.meetingMode,
    breakStartsAt: values.breakRange ? onStartDate(values.startsAt, values.breakRange[0]) : null,
    breakEndsAt: values.breakRange ? onStartDate(values.startsAt, values.breakRange[1]) : null,
  };
}
