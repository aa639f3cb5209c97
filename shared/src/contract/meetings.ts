import type { AgendaQuery, MeetingRequest, MeetingRequestAnswerInput, MeetingRequestInput } from '../api';
import type {
  AgendaItem,
  AttendanceInput,
  Availability,
  AvailabilityInput,
  BookingInput,
  FreeSlot,
  Meeting,
  MeetingSlot,
  MeetingStats,
  PinInput,
  ScheduleRun,
  ScheduleRunInput,
} from '../meetings';
import type { MeetingOutcome, MeetingOutcomeInput } from '../meeting-outcomes';
import { route, type FileAnswer } from './route';

export const meetings = {
  scheduleRunStart: route<{ body: ScheduleRunInput; output: ScheduleRun }>()('POST', '/sessions/:id/schedule-runs', {
    summary: 'Organisers: starts the scheduler over the session’s meetings (follow it on schedule:progress or the latest run)',
    status: 202,
    errors: ['self_booking_session', 'session_closed', 'run_in_progress'],
  }),
  scheduleRunLatest: route<{ output: ScheduleRun }>()('GET', '/sessions/:id/schedule-runs/latest', {
    summary: 'Organisers: the session’s latest scheduler run (404 before the first)',
  }),
  list: route<{ output: Meeting[] }>()('GET', '/sessions/:id/meetings', {
    summary: "The session's meetings: every one for organisers, a participant's own otherwise",
  }),
  export: route<{ output: FileAnswer }>()('GET', '/sessions/:id/meetings/export.xlsx', {
    summary: "Organisers: every meeting of the session as an .xlsx workbook, with both parties' outcomes (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  slots: route<{ output: MeetingSlot[] }>()('GET', '/sessions/:id/slots', { summary: "The session's meeting slots" }),
  availability: route<{ output: Availability }>()('GET', '/sessions/:id/availability', {
    summary: "The caller's organisation's availability in the session",
  }),
  availabilitySet: route<{ body: AvailabilityInput; output: Availability }>()('PUT', '/sessions/:id/availability', {
    summary: "Sets the caller's organisation's unavailable slots and half-day wish",
    errors: ['slot_has_meeting'],
  }),
  availabilityOf: route<{ output: Availability }>()('GET', '/sessions/:id/availability/:organisationId', {
    summary: "Organisers: a participant's availability in the session",
  }),
  availabilitySetOf: route<{ body: AvailabilityInput; output: Availability }>()('PUT', '/sessions/:id/availability/:organisationId', {
    summary: "Organisers: sets a participant's unavailable slots and half-day wish",
    errors: ['slot_has_meeting'],
  }),
  publish: route<{ output: MeetingStats }>()('POST', '/sessions/:id/meetings/publish', {
    summary: "Organisers: puts every scheduled meeting of the session on the participants' agendas",
    status: 200,
    errors: ['schedule_running', 'plan_outdated'],
  }),
  freeSlots: route<{ output: FreeSlot[] }>()('GET', '/meetings/:id/free-slots', {
    summary: 'Slots in which both parties are free, in a half-day both accept, with a table left',
  }),
  book: route<{ body: BookingInput; output: Meeting }>()('POST', '/meetings/:id/book', {
    summary: 'A party books its meeting into a free slot (self-booking sessions); the lowest free table is given',
    status: 200,
    idempotent: true,
    errors: [
      'not_self_booking',
      'session_closed',
      'meeting_cancelled',
      'meeting_closed',
      'pinned',
      'party_unavailable',
      'half_conflict',
      'wrong_half',
      'slot_taken',
      'no_table',
    ],
  }),
  release: route<{ output: Meeting }>()('POST', '/meetings/:id/release', {
    summary: 'Gives a meeting’s slot back (organisers: also unpins it)',
    status: 200,
    errors: ['not_self_booking', 'pinned', 'schedule_running', 'session_closed', 'meeting_cancelled', 'meeting_closed'],
  }),
  pin: route<{ body: PinInput; output: Meeting }>()('POST', '/meetings/:id/pin', {
    summary: 'Organisers: puts a meeting in a slot (and table); the scheduler keeps it there',
    status: 200,
    errors: [
      'schedule_running',
      'session_closed',
      'meeting_cancelled',
      'meeting_closed',
      'party_unavailable',
      'half_conflict',
      'wrong_half',
      'slot_taken',
      'table_taken',
      'no_table',
    ],
  }),
  unpin: route<{ output: Meeting }>()('POST', '/meetings/:id/unpin', {
    summary: 'Organisers: lets the next scheduler run move the meeting again',
    status: 200,
    errors: ['schedule_running'],
  }),
  agenda: route<{ query: AgendaQuery; output: AgendaItem[] }>()('GET', '/me/agenda', {
    summary: "The organisation's published meetings in the event, in time order",
  }),
  agendaIcs: route<{ query: AgendaQuery; output: FileAnswer }>()('GET', '/me/agenda.ics', {
    summary: 'The agenda as an iCalendar file',
    file: 'text/calendar',
  }),
  agendaPdf: route<{ query: AgendaQuery; output: FileAnswer }>()('GET', '/me/agenda.pdf', {
    summary: 'The agenda printed on A4 in Chinese',
    file: 'application/pdf',
  }),
  attendance: route<{ body: AttendanceInput; output: Meeting }>()('POST', '/meetings/:id/attendance', {
    summary: 'Organisers: marks a meeting held or no-show (repeating the same mark is harmless)',
    status: 200,
    errors: ['meeting_cancelled', 'not_scheduled', 'not_published', 'slot_not_started'],
  }),
  outcome: route<{ body: MeetingOutcomeInput; output: MeetingOutcome }>()('PUT', '/meetings/:id/outcome', {
    summary: 'A party records what came of the meeting once it has started (the same again is a no-op; a change names the version read)',
    idempotent: true,
    errors: ['stale_version', 'meeting_cancelled', 'not_scheduled', 'meeting_not_started'],
  }),
  stats: route<{ output: MeetingStats }>()('GET', '/sessions/:id/meeting-stats', { summary: "Organisers: the session's meeting figures" }),
  requestCreate: route<{ body: MeetingRequestInput; output: MeetingRequest }>()('POST', '/meeting-requests', {
    summary: 'Asks the organisation behind a listing for a meeting in its session',
    idempotent: true,
    errors: ['already_requested'],
  }),
  requestsMine: route<{ output: MeetingRequest[] }>()('GET', '/me/meeting-requests', {
    summary: "Meeting requests the caller's organisation sent or received, newest first",
  }),
  requestAnswer: route<{ body: MeetingRequestAnswerInput; output: MeetingRequest }>()('POST', '/meeting-requests/:id/answer', {
    summary: 'The asked organisation accepts (making a meeting) or declines a meeting request',
    status: 200,
    errors: ['request_expired', 'already_answered'],
  }),
  requestCancel: route<{ output: MeetingRequest }>()('POST', '/meeting-requests/:id/cancel', {
    summary: 'The asker withdraws a meeting request not yet answered',
    status: 200,
    errors: ['already_answered'],
  }),
};
