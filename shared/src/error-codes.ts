/**
 * Every `code` the API answers an error with (ApiError.code, and socket acknowledgements that
 * refuse). The server can only construct these; the client has a message for each in every
 * locale (client/src/locales.spec.ts).
 */
export const ERROR_CODES = [
  // generic, by HTTP status
  'bad_request',
  'invalid',
  'invalid_input',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  'too_many_requests',
  'internal',
  'database_unavailable',
  'server_stopping',
  'duplicate',
  'stale_version',
  'invalid_state',
  // accounts and organisations
  'organisation_not_approved',
  'login_protected',
  'wrong_password',
  'step_up_required',
  'email_taken',
  'credit_code_taken',
  'last_admin',
  'last_organiser',
  'invitation_used',
  'invitation_expired',
  // retries
  'idempotency_key_reused',
  'request_in_progress',
  'request_superseded',
  // events, sessions, participation, listings
  'session_not_open',
  'session_closed',
  'registration_closed',
  'registration_rejected',
  'kind_locked',
  'invalid_transition',
  'meetings_placed',
  'listing_withdrawn',
  // agreements, ledger, ceremony
  'terms_changed',
  'already_signed',
  'agreement_signed',
  'not_signed',
  'ledger_closed',
  'ledger_open',
  'already_in_batch',
  'nothing_to_batch',
  // obligations (reports owed) and their review
  'not_owed',
  'not_submitted',
  // supervision notices
  'not_open',
  // coordination
  'department_in_use',
  // import
  'import_problems',
  'file_too_large',
  'workbook_too_large',
  // meeting requests and the supermarket
  'already_requested',
  'already_applied',
  'already_answered',
  'request_expired',
  // meetings and the scheduler
  'slot_taken',
  'table_taken',
  'no_table',
  'pinned',
  'party_unavailable',
  'wrong_half',
  'half_conflict',
  'meeting_closed',
  'meeting_cancelled',
  'not_scheduled',
  'not_published',
  'slot_not_started',
  'meeting_not_started',
  'slot_has_meeting',
  'self_booking_session',
  'not_self_booking',
  'schedule_running',
  'run_in_progress',
  'plan_outdated',
  // needs surveys
  'survey_not_draft',
  'survey_closed',
  'no_draft_listing',
  // the producers' directory
  'directory_published',
  // the supply and demand summary table
  'event_not_ended',
  // assessment and rewards
  'program_frozen',
  'program_not_published',
  'run_approved',
  'already_rated',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
