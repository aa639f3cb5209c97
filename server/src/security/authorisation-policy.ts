// Who may pass each HTTP route: the declared policy the authorisation matrix
// (authorisation-matrix.int-spec.ts) checks every route of the running app against.
// A new route fails that spec until it is added here.

/** The callers the matrix tries on every route. */
export const PRINCIPALS = ['anonymous', 'screen', 'pending', 'enterprise', 'bank', 'other', 'organiser'] as const;
export type PrincipalKind = (typeof PRINCIPALS)[number];

/**
 * Rows the matrix seeds, named for the `params` of a rule. Object rows belong to org A (the
 * `enterprise` principal) or are shared by A and B (the `bank` principal); `other` is an
 * approved participant of the same session that is party to none of them.
 */
export type Fixture =
  | 'event'
  | 'session'
  | 'listingA'
  | 'listingB'
  | 'agreementAB'
  | 'meetingRequestAB'
  | 'meetingAB'
  | 'applicationAB'
  | 'obligationA'
  | 'evidenceA'
  | 'problemA'
  | 'surveyE'
  | 'surveyResponseA'
  | 'supervisionNoticeA'
  | 'criticismNotice'
  | 'notificationA'
  | 'participationA'
  | 'orgA'
  | 'userA'
  | 'orgSpare'
  | 'screenLink'
  | 'unknownId'
  | 'unknownToken'
  | 'directory'
  | 'briefing'
  | 'rewardPeriod'
  | 'rewardProgram'
  | 'rewardRun'
  | 'statisticsFormA';

export type Rule = {
  allow: readonly PrincipalKind[];
  /** Route param → seeded row. */
  params?: Record<string, Fixture>;
  /**
   * A well-formed body, where the route checks ownership only after validating the body:
   * stale versions and made-up hashes, so that nothing an allowed caller sends takes effect.
   */
  body?: (f: Record<Fixture, string>) => object;
  /** Why, where it is not obvious (ownership, participation). */
  note?: string;
};

const everyone = PRINCIPALS;
/** Users of approved organisations, organisers included. */
const members = ['enterprise', 'bank', 'other', 'organiser'] as const;
const participants = ['enterprise', 'bank', 'other'] as const;
const organiser = ['organiser'] as const;
/** The parties to an A–B row, and organisers. */
const partiesAB = ['enterprise', 'bank', 'organiser'] as const;

const ev = { id: 'event' } as const;
const se = { id: 'session' } as const;

export const POLICY: Record<string, Rule> = {
  // ---- public: docs, health, login, registration, invitations, certificate checks ----
  'GET /api/docs': { allow: everyone },
  'GET /api/docs/': { allow: everyone },
  'GET /api/docs/index.html': { allow: everyone },
  'GET /api/docs/LICENSE': { allow: everyone },
  'GET /api/docs/swagger-ui-init.js': { allow: everyone },
  'GET /api/docs/docs/swagger-ui-init.js': { allow: everyone },
  'GET /api/docs/openapi.json': { allow: everyone },
  'GET /api/docs-yaml': { allow: everyone },
  'GET /api/health': { allow: everyone },
  'POST /api/auth/login': { allow: everyone },
  'POST /api/auth/register': { allow: everyone },
  'GET /api/invitations/:token': { allow: everyone, params: { token: 'unknownToken' } },
  'POST /api/invitations/:token/accept': { allow: everyone, params: { token: 'unknownToken' } },
  'GET /api/audit/tree-head': { allow: everyone, note: 'the signed tree head of the audit log and its public key' },
  'GET /api/verify/agreements/:id': { allow: everyone, params: { id: 'agreementAB' }, note: 'the certificate check anyone holding one makes' },

  // ---- a pending organisation: only its own registration ----
  'GET /api/auth/me': { allow: ['pending', ...members] },
  'POST /api/auth/step-up': { allow: members },
  'POST /api/auth/logout': { allow: ['pending', ...members], note: 'ends this login; a screen link is no login' },

  // ---- organisations and users ----
  'GET /api/organisations': { allow: members, note: 'the directory with contacts: approved members only' },
  'GET /api/organisations/export.xlsx': { allow: organiser, note: 'the console export, every status' },
  'POST /api/organisations': { allow: organiser },
  'GET /api/organisations/:id': { allow: members, params: { id: 'orgA' }, note: 'pending users read only their own' },
  'PATCH /api/organisations/:id': { allow: ['enterprise', 'organiser'], params: { id: 'orgA' }, note: 'own admin' },
  'POST /api/organisations/:id/approve': { allow: organiser, params: { id: 'orgSpare' } },
  'POST /api/organisations/:id/reject': { allow: organiser, params: { id: 'orgSpare' } },
  'POST /api/organisations/:id/suspend': { allow: organiser, params: { id: 'orgSpare' } },
  'POST /api/organisations/:id/reinstate': { allow: organiser, params: { id: 'orgSpare' } },
  'POST /api/organiser-departments': { allow: organiser, note: 'organiser departments are never self-registered' },
  'GET /api/organisations/:id/users': { allow: ['enterprise', 'organiser'], params: { id: 'orgA' }, note: 'own' },
  'POST /api/organisations/:id/invitations': {
    allow: ['enterprise', 'organiser'],
    body: () => ({ email: 'matrix-invitee@test.duijie.cn', role: 'org_member' }),
    params: { id: 'orgA' },
    note: 'own admin',
  },
  'PATCH /api/users/:id': { allow: ['enterprise', 'organiser'], params: { id: 'userA' }, note: 'own admin' },
  'POST /api/users/:id/login-unlock': { allow: organiser, params: { id: 'userA' }, note: 'lets logins to a protected account through again' },

  // ---- events and sessions ----
  'GET /api/events': { allow: members },
  'GET /api/events/export.xlsx': { allow: organiser, note: 'the console export: every event and session' },
  'POST /api/events': { allow: organiser },
  'GET /api/events/:id': { allow: members, params: ev },
  'PATCH /api/events/:id': { allow: organiser, params: ev },
  'POST /api/events/:id/sessions': { allow: organiser, params: ev },
  'GET /api/sessions/:id': { allow: members, params: se },
  'PATCH /api/sessions/:id': { allow: organiser, params: se },
  'POST /api/sessions/:id/transition': { allow: organiser, params: se },

  // ---- participation ----
  'GET /api/sessions/:id/participants': { allow: members, params: se },
  'GET /api/sessions/:id/participants/export.xlsx': { allow: organiser, params: se, note: 'the console export' },
  'POST /api/sessions/:id/participants': { allow: participants, params: se, note: 'organisers run sessions, they do not register' },
  'POST /api/sessions/:id/invitations': { allow: organiser, params: se },
  'POST /api/participants/:id/approve': { allow: organiser, params: { id: 'participationA' } },
  'POST /api/participants/:id/reject': { allow: organiser, params: { id: 'participationA' } },
  'GET /api/me/participations': { allow: members },

  // ---- listings and boards ----
  'GET /api/sessions/:id/listings': { allow: members, params: se },
  'GET /api/sessions/:id/board': { allow: members, params: se },
  'POST /api/sessions/:id/listings': { allow: participants, params: se },
  'GET /api/listings/:id': { allow: members, params: { id: 'listingA' }, note: 'public projection; confidential fields for the owner' },
  'PATCH /api/listings/:id': {
    allow: ['enterprise'],
    body: () => ({ version: 999 }),
    params: { id: 'listingA' },
    note: 'own; organisers withdraw, they do not edit',
  },
  'POST /api/listings/:id/withdraw': { allow: ['enterprise', 'organiser'], body: () => ({ version: 999 }), params: { id: 'listingA' }, note: 'own' },
  'GET /api/listings/:id/history': { allow: ['enterprise', 'organiser'], params: { id: 'listingA' }, note: 'own' },
  'GET /api/me/listings': { allow: members },

  // ---- matching ----
  'GET /api/listings/:id/matches': { allow: ['enterprise', 'organiser'], params: { id: 'listingA' }, note: 'own' },
  'PUT /api/listings/:id/matches/:counterpartId/dismissed': { allow: ['enterprise'], params: { id: 'listingA', counterpartId: 'listingB' }, note: 'own' },
  'PUT /api/listings/:id/matches/:counterpartId/bookmarked': { allow: ['enterprise'], params: { id: 'listingA', counterpartId: 'listingB' }, note: 'own' },
  'DELETE /api/listings/:id/matches/:counterpartId/bookmarked': { allow: ['enterprise'], params: { id: 'listingA', counterpartId: 'listingB' }, note: 'own' },
  'GET /api/sessions/:id/match-counts': { allow: members, params: se },

  // ---- agreements ----
  'POST /api/sessions/:id/agreements': { allow: participants, params: se },
  'GET /api/sessions/:id/agreements': { allow: organiser, params: se },
  'GET /api/sessions/:id/agreements/export.xlsx': { allow: organiser, params: se },
  'GET /api/me/agreements': { allow: members },
  'GET /api/agreements/:id': { allow: partiesAB, params: { id: 'agreementAB' }, note: 'parties' },
  'PATCH /api/agreements/:id': {
    allow: ['enterprise'],
    body: () => ({ version: 999 }),
    params: { id: 'agreementAB' },
    note: 'the drafting party (A); the others review and sign',
  },
  'GET /api/agreements/:id/certificate.pdf': { allow: partiesAB, params: { id: 'agreementAB' }, note: 'parties' },
  'POST /api/agreements/:id/sign': {
    allow: ['enterprise', 'bank'],
    body: () => ({ contentHash: '0'.repeat(64) }),
    params: { id: 'agreementAB' },
    note: 'parties',
  },
  'POST /api/agreements/:id/ledger': {
    allow: partiesAB,
    body: () => ({ kind: 'terminated', occurredOn: '2026-12-10', reason: '矩阵测试' }),
    params: { id: 'agreementAB' },
    note: 'parties',
  },
  'POST /api/agreements/:id/ledger/reopen': { allow: organiser, params: { id: 'agreementAB' } },
  'GET /api/agreements/:id/ledger': { allow: partiesAB, params: { id: 'agreementAB' }, note: 'parties' },
  'GET /api/events/:id/agreement-figures': { allow: organiser, params: ev },
  'POST /api/agreements/:id/confirm': { allow: organiser, params: { id: 'agreementAB' } },

  // ---- follow-up: the plan, reports owed and their review ----
  'GET /api/events/:id/follow-up-plan': { allow: organiser, params: ev },
  'PUT /api/events/:id/follow-up-plan': { allow: organiser, params: ev },
  'GET /api/agreements/:id/follow-up': { allow: partiesAB, params: { id: 'agreementAB' }, note: 'parties' },
  // ---- the notification centre: each user's own ----
  'GET /api/me/notifications': { allow: members, note: "the caller's own" },
  'GET /api/me/notifications/count': { allow: members, note: "the caller's own" },
  'POST /api/me/notifications/:id/read': { allow: ['enterprise'], params: { id: 'notificationA' }, note: "its user's only (A's user): another's is 404" },
  'POST /api/me/notifications/read-all': { allow: members, note: "the caller's own" },

  'GET /api/me/obligations': { allow: members, note: "the caller's own organisation's" },
  'GET /api/events/:id/obligations': { allow: organiser, params: ev },
  'POST /api/obligations/:id/report': {
    allow: ['enterprise'],
    body: () => ({ version: 999, narrative: '矩阵测试', lines: [] }),
    params: { id: 'obligationA' },
    note: 'the owing organisation (A) only: not the other party, nor organisers, who review',
  },
  'GET /api/obligations/:id/reports': { allow: partiesAB, params: { id: 'obligationA' }, note: "the agreement's parties" },
  'POST /api/obligations/:id/review': { allow: organiser, body: () => ({ version: 999, accept: true }), params: { id: 'obligationA' } },
  'POST /api/obligations/:id/evidence': {
    allow: ['enterprise'],
    params: { id: 'obligationA' },
    note: 'the owing organisation (A) only (sent no file: 400 for it)',
  },
  'GET /api/obligations/:id/evidence': { allow: partiesAB, params: { id: 'obligationA' }, note: "the agreement's parties" },
  'GET /api/evidence/:id': { allow: partiesAB, params: { id: 'evidenceA' }, note: "the agreement's parties" },
  'DELETE /api/evidence/:id': { allow: ['enterprise'], params: { id: 'evidenceA' }, note: 'the uploading organisation (A) only' },

  // ---- the ladder: supervision notices (督办) and the notice of criticism (通报) ----
  'POST /api/events/:id/supervision-notices': { allow: organiser, params: ev },
  'GET /api/events/:id/supervision-notices': { allow: organiser, params: ev },
  'GET /api/events/:id/supervision-notices/export.xlsx': { allow: organiser, params: ev },
  'GET /api/me/supervision-notices': { allow: members, note: "the caller's own organisation's" },
  'POST /api/supervision-notices/:id/acknowledge': {
    allow: ['enterprise'],
    body: () => ({ version: 999 }),
    params: { id: 'supervisionNoticeA' },
    note: 'the organisation under supervision (A) only: not the other party, nor organisers',
  },
  'GET /api/events/:id/criticism/candidates': { allow: organiser, params: ev },
  'POST /api/events/:id/criticism-notices': { allow: organiser, params: ev },
  'GET /api/events/:id/criticism-notices': { allow: members, params: ev, note: "organisers and the event's approved participants" },
  'GET /api/events/:id/criticism-notices/export.xlsx': { allow: organiser, params: ev, note: 'the console export' },
  'GET /api/criticism-notices/:id': { allow: members, params: { id: 'criticismNotice' }, note: "organisers and the event's approved participants" },
  'GET /api/events/:id/tracking': { allow: organiser, params: ev, note: 'the 跟踪落实 view' },
  'GET /api/events/:id/tracking/export.xlsx': { allow: organiser, params: ev },

  // ---- results (对接成效) ----
  'GET /api/events/:id/figures': { allow: organiser, params: ev, note: 'every figure, every institution' },
  'GET /api/events/:id/figures/export.xlsx': { allow: organiser, params: ev, note: 'every breakdown as a workbook' },
  'GET /api/events/:id/figures/institution': { allow: ['bank'], params: ev, note: "an institution's own row: B lends in the A–B agreement; others have none" },

  // ---- needs surveys (摸底调查) ----
  'GET /api/events/:id/surveys': { allow: organiser, params: ev },
  'POST /api/events/:id/surveys': { allow: organiser, params: ev },
  'GET /api/surveys/:id': { allow: organiser, params: { id: 'surveyE' } },
  'PATCH /api/surveys/:id': { allow: organiser, params: { id: 'surveyE' } },
  'POST /api/surveys/:id/send': { allow: organiser, params: { id: 'surveyE' } },
  'POST /api/surveys/:id/close': { allow: organiser, params: { id: 'surveyE' } },
  'GET /api/surveys/:id/responses': { allow: organiser, params: { id: 'surveyE' } },
  'GET /api/surveys/:id/summary.xlsx': { allow: organiser, params: { id: 'surveyE' } },
  'POST /api/surveys/:id/guidance': { allow: organiser, params: { id: 'surveyE' } },
  'GET /api/events/:id/demand-guidance': { allow: members, params: ev },
  'GET /api/me/surveys': { allow: members, note: "the caller's own organisation's" },
  'GET /api/survey-responses/:id': {
    allow: ['enterprise', 'organiser'],
    params: { id: 'surveyResponseA' },
    note: 'the invited organisation (A) and organisers',
  },
  'PUT /api/survey-responses/:id': {
    allow: ['enterprise'],
    body: () => ({ version: 999, answers: {} }),
    params: { id: 'surveyResponseA' },
    note: 'the invited organisation (A) only; organisers review',
  },
  'POST /api/survey-responses/:id/submit': {
    allow: ['enterprise'],
    body: () => ({ version: 999, obligationVersion: 999 }),
    params: { id: 'surveyResponseA' },
    note: 'the invited organisation (A) only',
  },
  'POST /api/survey-responses/:id/confirm-listing': {
    allow: ['enterprise'],
    params: { id: 'surveyResponseA' },
    note: 'the invited organisation (A) only (no draft listing: 409 for it)',
  },
  'GET /api/survey-exclusions': { allow: organiser },
  'POST /api/survey-exclusions': { allow: organiser },
  'DELETE /api/survey-exclusions/:id': { allow: organiser, params: { id: 'unknownId' } },

  // ---- coordination: departments, problems, liaison officers, weekly summaries ----
  'GET /api/events/:id/departments': { allow: organiser, params: ev },
  'GET /api/events/:id/departments/export.xlsx': { allow: organiser, params: ev },
  'POST /api/events/:id/departments': { allow: organiser, params: ev },
  'DELETE /api/departments/:id': { allow: organiser, params: { id: 'unknownId' } },
  'POST /api/events/:id/problems': {
    allow: participants,
    body: () => ({ category: 'other', urgency: 'normal', title: '矩阵问题', description: '矩阵测试' }),
    params: ev,
    note: 'approved participants of the event; organisers route problems, they do not raise them',
  },
  'GET /api/events/:id/problems': { allow: organiser, params: ev },
  'GET /api/events/:id/problems/export.xlsx': { allow: organiser, params: ev },
  'GET /api/me/problems': { allow: members, note: "the caller's organisation's, raised or routed to it" },
  'GET /api/problems/:id': { allow: ['enterprise', 'organiser'], params: { id: 'problemA' }, note: 'the raiser (A), its department and organisers' },
  'POST /api/problems/:id/route': { allow: organiser, body: (f) => ({ departmentId: f.unknownId, version: 999 }), params: { id: 'problemA' } },
  'POST /api/problems/:id/answer': {
    allow: organiser,
    body: () => ({ answer: '矩阵答复', version: 999 }),
    params: { id: 'problemA' },
    note: "the department's users (organisers) answer; the raiser does not",
  },
  'GET /api/events/:id/liaisons': { allow: organiser, params: ev },
  'GET /api/events/:id/liaisons/export.xlsx': { allow: organiser, params: ev },
  'PUT /api/events/:id/liaisons/:organisationId': { allow: organiser, params: { id: 'event', organisationId: 'orgA' } },
  'DELETE /api/events/:id/liaisons/:organisationId': { allow: organiser, params: { id: 'event', organisationId: 'orgSpare' } },
  'POST /api/obligations/:id/liaison-report': {
    allow: ['enterprise'],
    body: () => ({ version: 999, urgent: false, production: '', sales: '', inventory: '', capital: '', transport: '', difficulties: '' }),
    params: { id: 'obligationA' },
    note: 'the owing organisation (A) only (obligationA is no operating report: 409 for it); urgent: true only by its liaison officer or org_admin (403 for other members, coordination.int-spec)',
  },
  'POST /api/events/:id/liaison-reports/urgent': {
    allow: ['enterprise'],
    body: () => ({ production: '', sales: '', inventory: '', capital: '', transport: '', difficulties: '矩阵急报' }),
    params: ev,
    note: 'a key enterprise of the event (A is designated, its admin the officer) through its designated liaison officer or its org_admin; other members 403 (coordination.int-spec)',
  },
  'GET /api/events/:id/liaison-reports': { allow: organiser, params: ev },
  'GET /api/events/:id/liaison-reports/export.xlsx': { allow: organiser, params: ev },
  'GET /api/me/liaison-reports': { allow: members, note: "the caller's organisation's" },
  'GET /api/events/:id/weekly-summaries': { allow: organiser, params: ev },
  'GET /api/events/:id/weekly-summaries/export.xlsx': { allow: organiser, params: ev },
  'GET /api/weekly-summaries/:id': { allow: organiser, params: { id: 'unknownId' } },
  'POST /api/events/:id/weekly-summaries': { allow: organiser, params: ev },
  'GET /api/events/:id/briefings': { allow: organiser, params: ev },
  'POST /api/events/:id/briefings': { allow: organiser, params: ev },
  'GET /api/briefings/:id/pdf': { allow: organiser, params: { id: 'briefing' } },
  'POST /api/briefings/:id/send': { allow: organiser, params: { id: 'briefing' }, note: 'notifies organisers and the member departments' },
  // ---- the supply and demand summary table: organisers publish it; the event's participants read what was published ----
  'GET /api/events/:id/summary': { allow: members, params: ev, note: "organisers, and the event's approved participants; others 403" },
  'POST /api/events/:id/summary/publish': { allow: organiser, params: ev, note: 'the fixture event is not over: without notFinal, 409' },
  'GET /api/events/:id/summary.xlsx': { allow: members, params: ev, note: 'published (fixture); unpublished: 403 (event-summary.int-spec)' },
  'GET /api/events/:id/summary.pdf': { allow: members, params: ev, note: 'published (fixture); unpublished: 403 (event-summary.int-spec)' },

  // ---- the ceremony's running order and big screens ----
  'GET /api/events/:id/running-order': { allow: organiser, params: ev },
  'GET /api/events/:id/running-order/export.xlsx': { allow: organiser, params: ev },
  'POST /api/events/:id/running-order/batches': { allow: organiser, params: ev },
  'POST /api/events/:id/running-order/generate': { allow: organiser, params: ev },
  'PUT /api/events/:id/running-order/sequence': { allow: organiser, params: ev },
  'PUT /api/events/:id/running-order/stage': { allow: organiser, params: ev },
  'PATCH /api/ceremony-batches/:id': { allow: organiser, params: { id: 'unknownId' } },
  'DELETE /api/ceremony-batches/:id': { allow: organiser, params: { id: 'unknownId' } },
  'POST /api/events/:id/screen-links': { allow: organiser, params: ev },
  'GET /api/events/:id/screen-links': { allow: organiser, params: ev },
  'POST /api/screen-links/:id/revoke': { allow: organiser, params: { id: 'screenLink' } },

  // ---- the supermarket ----
  'GET /api/events/:id/supermarket': { allow: members, params: ev },
  'POST /api/listings/:id/applications': {
    allow: participants,
    body: (f) => ({ needListingId: f.listingA }),
    params: { id: 'listingB' },
    note: 'a public product; the need must be the caller’s own (else 400 naming needListingId)',
  },
  'POST /api/applications/:id/answer': { allow: ['bank'], body: () => ({ accept: true }), params: { id: 'applicationAB' }, note: 'the product owner answers' },
  'GET /api/me/applications': { allow: members },
  'GET /api/events/:id/applications/overdue': { allow: organiser, params: ev },
  'GET /api/events/:id/applications/export.xlsx': { allow: organiser, params: ev },

  // ---- the producers' directory: published ones are public; organisers compile, edit and publish ----
  'GET /api/directories': { allow: everyone, note: 'published directories only' },
  'GET /api/directories/:id': { allow: everyone, params: { id: 'directory' }, note: 'a published directory; contacts only where agreed' },
  'GET /api/directories/:id/entries.xlsx': { allow: everyone, params: { id: 'directory' }, note: 'the published entries as .xlsx' },
  'GET /api/events/:id/directories': { allow: organiser, params: ev },
  'POST /api/sessions/:id/directory/compile': { allow: organiser, params: se, note: 'the fixture session has a directory: no version, 400' },
  'GET /api/directories/:id/review': { allow: organiser, params: { id: 'directory' } },
  'PATCH /api/directory-entries/:id': { allow: organiser, body: () => ({ version: 999 }), params: { id: 'unknownId' } },
  'POST /api/directories/:id/publish': { allow: organiser, body: () => ({ version: 999 }), params: { id: 'directory' } },
  'POST /api/directories/:id/unpublish': { allow: organiser, body: () => ({ version: 999 }), params: { id: 'directory' } },

  // ---- meetings ----
  'POST /api/meeting-requests': { allow: participants },
  'GET /api/me/meeting-requests': { allow: members },
  'POST /api/meeting-requests/:id/answer': {
    allow: ['bank'],
    body: () => ({ accept: true }),
    params: { id: 'meetingRequestAB' },
    note: 'the asked party answers',
  },
  'POST /api/meeting-requests/:id/cancel': { allow: ['enterprise'], params: { id: 'meetingRequestAB' }, note: 'the asker cancels' },
  'POST /api/sessions/:id/schedule-runs': { allow: organiser, params: se },
  'GET /api/sessions/:id/schedule-runs/latest': { allow: organiser, params: se },
  'GET /api/sessions/:id/meetings': { allow: members, params: se, note: 'each sees its own meetings' },
  'GET /api/sessions/:id/meetings/export.xlsx': { allow: organiser, params: se, note: 'the console export: every meeting' },
  'GET /api/sessions/:id/slots': { allow: members, params: se },
  'GET /api/sessions/:id/availability': { allow: participants, params: se },
  'PUT /api/sessions/:id/availability': { allow: participants, params: se },
  'GET /api/sessions/:id/availability/:organisationId': { allow: organiser, params: { id: 'session', organisationId: 'orgA' } },
  'PUT /api/sessions/:id/availability/:organisationId': { allow: organiser, params: { id: 'session', organisationId: 'orgA' } },
  'POST /api/sessions/:id/meetings/publish': { allow: organiser, params: se },
  'GET /api/meetings/:id/free-slots': { allow: partiesAB, params: { id: 'meetingAB' }, note: 'parties' },
  'POST /api/meetings/:id/book': {
    allow: ['enterprise', 'bank'],
    body: () => ({ slot: 1000 }),
    params: { id: 'meetingAB' },
    note: 'parties; organisers pin instead',
  },
  'POST /api/meetings/:id/release': { allow: partiesAB, params: { id: 'meetingAB' }, note: 'parties' },
  'POST /api/meetings/:id/pin': { allow: organiser, params: { id: 'meetingAB' } },
  'POST /api/meetings/:id/unpin': { allow: organiser, params: { id: 'meetingAB' } },
  'POST /api/meetings/:id/attendance': { allow: organiser, params: { id: 'meetingAB' } },
  'PUT /api/meetings/:id/outcome': {
    allow: ['enterprise', 'bank'],
    params: { id: 'meetingAB' },
    body: () => ({ outcome: 'follow_up', version: 999 }),
    note: 'each party records its own outcome; organisers do not record for a party',
  },
  'GET /api/sessions/:id/meeting-stats': { allow: organiser, params: se },
  'GET /api/me/agenda': { allow: members },
  'GET /api/me/agenda.ics': { allow: members },
  'GET /api/me/agenda.pdf': { allow: members },

  // ---- ratings of institutions by the enterprises that dealt with them ----
  'GET /api/me/ratable-dealings': { allow: members, note: "the caller's organisation's dealings; none for institutions and organisers" },
  'POST /api/institution-ratings': {
    allow: ['enterprise', 'other'],
    body: (f) => ({ dealing: 'meeting', dealingId: f.meetingAB, speed: 3, attitude: 3, terms: 3 }),
    note: "enterprises on their own dealings: the fixture meeting is not held (404), other's is not its own (404); institutions 403",
  },
  'GET /api/me/institution-ratings': { allow: ['bank'], note: 'institutions only, their own ratings without the raters; enterprises 403' },
  'GET /api/events/:id/institution-ratings': { allow: organiser, params: ev },

  // ---- statistics institutions report (统计报表): periods, forms filed and reviewed ----
  'GET /api/events/:id/reward-periods': { allow: organiser, params: ev },
  'POST /api/events/:id/reward-periods': { allow: organiser, params: ev },
  'GET /api/reward-periods/:id': { allow: organiser, params: { id: 'rewardPeriod' } },
  'POST /api/reward-periods/:id/close': { allow: organiser, params: { id: 'rewardPeriod' }, body: () => ({ version: 999 }) },
  'GET /api/reward-periods/:id/forms': { allow: organiser, params: { id: 'rewardPeriod' } },
  'GET /api/reward-periods/:id/forms.xlsx': { allow: organiser, params: { id: 'rewardPeriod' } },
  'GET /api/me/statistics-forms': { allow: members, note: "the caller's own organisation's" },
  'GET /api/statistics-forms/:id': {
    allow: ['enterprise', 'organiser'],
    params: { id: 'statisticsFormA' },
    note: 'the institution that owes it (A) and organisers; others 404',
  },
  'PUT /api/statistics-forms/:id': {
    allow: ['enterprise'],
    body: () => ({ figures: {}, version: 999 }),
    params: { id: 'statisticsFormA' },
    note: 'the institution that owes it (A) only; organisers review (403)',
  },
  'POST /api/statistics-forms/:id/submit': {
    allow: ['enterprise'],
    body: () => ({ figures: {}, version: 999 }),
    params: { id: 'statisticsFormA' },
    note: 'the institution that owes it (A) only; organisers review (403)',
  },

  // ---- rewards: programs, calculation runs, approval and payment, notices (organisers of the event) ----
  'GET /api/events/:id/reward-programs': { allow: organiser, params: ev },
  'POST /api/events/:id/reward-programs': { allow: organiser, params: ev },
  'GET /api/reward-programs/default': { allow: organiser },
  'POST /api/reward-programs/check': { allow: organiser },
  'GET /api/reward-programs/:id': { allow: organiser, params: { id: 'rewardProgram' }, note: "organisers of the program's event; of another event 404" },
  'PUT /api/reward-programs/:id': {
    allow: organiser,
    params: { id: 'rewardProgram' },
    body: () => ({ name: '矩阵办法', content: { rules: [], schemes: [] }, version: 999 }),
  },
  'POST /api/reward-programs/:id/publish': { allow: organiser, params: { id: 'rewardProgram' }, body: () => ({ version: 999 }) },
  'POST /api/reward-programs/:id/new-version': {
    allow: organiser,
    params: { id: 'rewardProgram' },
    note: 'the fixture is a draft: answered as the open draft',
  },
  'GET /api/reward-periods/:id/runs': { allow: organiser, params: { id: 'rewardPeriod' } },
  'POST /api/reward-periods/:id/runs': { allow: organiser, params: { id: 'rewardPeriod' } },
  'GET /api/reward-runs/:id': { allow: organiser, params: { id: 'rewardRun' } },
  'GET /api/reward-runs/:id/awards': { allow: organiser, params: { id: 'rewardRun' } },
  'POST /api/reward-runs/:id/approve': {
    allow: organiser,
    params: { id: 'rewardRun' },
    body: () => ({ version: 999 }),
    note: 'organisers within a step-up grant (none here: 403 step_up_required, rewards.int-spec)',
  },
  'POST /api/reward-runs/:id/awards/:organisationId/payment': { allow: organiser, params: { id: 'rewardRun', organisationId: 'orgA' } },
  'GET /api/reward-runs/:id/awards.xlsx': { allow: organiser, params: { id: 'rewardRun' } },
  'GET /api/reward-runs/:id/praise.pdf': { allow: organiser, params: { id: 'rewardRun' }, note: 'the fixture run is not approved: 409' },
  'GET /api/reward-runs/:id/criticism.pdf': { allow: organiser, params: { id: 'rewardRun' }, note: 'the fixture run is not approved: 409' },
  'GET /api/me/reward-awards': { allow: members, note: "the caller's organisation's awards in approved runs" },

  // ---- the public scoreboard ----
  'GET /api/events/:id/scoreboard': { allow: everyone, params: ev, note: 'public once a session of the event is out of draft (404 before)' },
  'PUT /api/events/:id/scoreboard': { allow: organiser, params: ev, body: () => ({ figure: 'platform.signedLoans' }) },

  // ---- audit and import ----
  'GET /api/audit/verify': { allow: organiser },
  'GET /api/audit': { allow: organiser },
  'GET /api/audit/export.xlsx': { allow: organiser },
  'GET /api/import/template.xlsx': { allow: organiser },
  'GET /api/import/template-organisations.csv': { allow: organiser },
  'GET /api/import/template-listings.csv': { allow: organiser },
  'POST /api/events/:id/import': { allow: organiser, params: ev },
  'GET /api/import-jobs/:id': { allow: organiser, params: { id: 'unknownId' } },
};

/** Socket messages: who may join a session's board and an event's ceremony figures. */
export const SOCKET_POLICY: Record<'connect' | 'board:join' | 'ceremony:join', readonly PrincipalKind[]> = {
  connect: ['screen', 'pending', ...members],
  'board:join': ['screen', ...members],
  'ceremony:join': ['screen', ...members],
};

/** The private rooms each principal's socket may be in (org rooms of others, never). */
export const ROOM_POLICY: Record<PrincipalKind, readonly ('own-org' | 'organisers' | 'event')[]> = {
  anonymous: [],
  screen: ['event'],
  pending: [],
  enterprise: ['own-org'],
  bank: ['own-org'],
  other: ['own-org'],
  organiser: ['own-org', 'organisers'],
};
