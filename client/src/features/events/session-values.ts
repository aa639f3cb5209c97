import type { Dayjs } from 'dayjs';
import { zonedDateTime, type MatchSession, type MeetingMode, type RegistrationMode, type SessionInput, type SessionKind } from '@duijie/shared';
import { fromZonedPicker, toZonedPicker } from '../../ui/wall-clock';

// The session form holds times as Dayjs and the lunch break as times of day; these functions
// convert between what the form holds and what the API takes. The pickers show the wall clock
// of the event's zone (`timeZone`), whatever the device's zone is: their values are wall-clock
// fields (ui/wall-clock.ts, Dayjs in UTC mode), which the device's daylight saving never moves.

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

/** The break's times put on the session's start date: fields only, no arithmetic in any zone. */
function onStartDate(start: Dayjs, time: Dayjs, timeZone: string): string {
  return zonedDateTime(start.format('YYYY-MM-DD'), time.format('HH:mm'), timeZone).toISOString();
}

/** The form's starting values: the session to edit, or the defaults of a new one. */
export function initialSessionValues(session: MatchSession | undefined, timeZone: string): Partial<SessionFormValues> {
  return session
    ? {
        kind: session.kind,
        title: session.title,
        leadDepartment: session.leadDepartment,
        venue: session.venue,
        startsAt: toZonedPicker(session.startsAt, timeZone),
        endsAt: toZonedPicker(session.endsAt, timeZone),
        slotMinutes: session.slotMinutes,
        tableCount: session.tableCount,
        ceremonyAt: session.ceremonyAt ? toZonedPicker(session.ceremonyAt, timeZone) : null,
        registrationMode: session.registrationMode,
        meetingMode: session.meetingMode,
        breakRange:
          session.breakStartsAt && session.breakEndsAt ? [toZonedPicker(session.breakStartsAt, timeZone), toZonedPicker(session.breakEndsAt, timeZone)] : null,
      }
    : { slotMinutes: 20, tableCount: 10, registrationMode: 'open', meetingMode: 'scheduled' };
}

export function toSessionInput(values: SessionFormValues, timeZone: string): SessionInput {
  return {
    kind: values.kind,
    title: values.title.trim(),
    leadDepartment: values.leadDepartment.trim(),
    venue: values.venue.trim(),
    startsAt: fromZonedPicker(values.startsAt, timeZone),
    endsAt: fromZonedPicker(values.endsAt, timeZone),
    slotMinutes: values.slotMinutes,
    tableCount: values.tableCount,
    ceremonyAt: values.ceremonyAt ? fromZonedPicker(values.ceremonyAt, timeZone) : null,
    registrationMode: values.registrationMode,
    meetingMode: values.meetingMode,
    breakStartsAt: values.breakRange ? onStartDate(values.startsAt, values.breakRange[0], timeZone) : null,
    breakEndsAt: values.breakRange ? onStartDate(values.startsAt, values.breakRange[1], timeZone) : null,
  };
}
