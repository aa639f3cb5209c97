import type {
  ListingQuery,
  OrganisationKind,
  OrganisationStatus,
  ParticipationStatus,
  SupermarketQuery,
  SupervisionListQuery,
  TrackingQuery,
  FiguresQuery,
} from '@duijie/shared';

export type OrganisationListQuery = {
  status?: OrganisationStatus;
  kind?: OrganisationKind;
  q?: string;
  page?: number;
  pageSize?: number;
};

export type AuditQuery = { entityType?: string; entityId?: string; page?: number; pageSize?: number };

/** Every react-query key in one place, so invalidations match what the queries use. */
export const keys = {
  me: ['me'] as const,
  /** My notifications: the prefix of the bell's figure and every page of the list. */
  notifications: ['me', 'notifications'] as const,
  notificationCount: ['me', 'notifications', 'count'] as const,
  notificationList: (query: { unread: boolean; page: number; pageSize: number }) => ['me', 'notifications', 'list', query] as const,
  events: ['events'] as const,
  event: (id: string) => ['events', id] as const,
  /** Every session's queries (participants, listings, meetings …): the prefix to invalidate when which session is not known. */
  sessionsAll: ['sessions'] as const,
  /** Also the prefix of the session's participants and listing pages: invalidating it refreshes all. */
  session: (id: string) => ['sessions', id] as const,
  participants: (sessionId: string, status?: ParticipationStatus) => ['sessions', sessionId, 'participants', status ?? 'all'] as const,
  listings: (sessionId: string, query: ListingQuery) => ['sessions', sessionId, 'listings', query] as const,
  /** A session's live board, kept current by the socket (not under the session prefix: nothing refetches it). */
  boardLive: (sessionId: string) => ['board-live', sessionId] as const,
  listing: (id: string) => ['listings', id] as const,
  listingHistory: (id: string) => ['listings', id, 'history'] as const,
  /** Every language's recommendations for a listing: the prefix to invalidate. */
  matchesOf: (listingId: string) => ['listings', listingId, 'matches'] as const,
  matches: (listingId: string, lang: string, includeIneligible = false) =>
    ['listings', listingId, 'matches', lang, includeIneligible ? 'all' : 'eligible'] as const,
  /** Good-match counts for the listings of a board page (under the session: a resync refreshes them). */
  matchCounts: (sessionId: string, ids: readonly string[], boardSeq: number) => ['sessions', sessionId, 'match-counts', ids, boardSeq] as const,
  myListings: ['me', 'listings'] as const,
  myParticipations: ['me', 'participations'] as const,
  myAgreements: ['me', 'agreements'] as const,
  agreement: (id: string) => ['agreements', id] as const,
  /** Under the agreement's prefix: refreshing an agreement refreshes its ledger. */
  ledger: (agreementId: string) => ['agreements', agreementId, 'ledger'] as const,
  /** A session's agreements (organisers); under the session prefix so session refreshes include it. */
  sessionAgreements: (sessionId: string) => ['sessions', sessionId, 'agreements'] as const,
  /** The matchmaking supermarket's shelf of an event, one filtered page. */
  supermarket: (eventId: string, query: SupermarketQuery) => ['events', eventId, 'supermarket', query] as const,
  overdueApplications: (eventId: string) => ['events', eventId, 'applications-overdue'] as const,
  myApplications: ['me', 'applications'] as const,
  myMeetingRequests: ['me', 'meeting-requests'] as const,
  /** A session's meetings (organisers: all; participants: their own), under the session prefix. */
  sessionMeetings: (sessionId: string) => ['sessions', sessionId, 'meetings'] as const,
  meetingStats: (sessionId: string) => ['sessions', sessionId, 'meeting-stats'] as const,
  /** The latest scheduler run of a session, kept current by `schedule:progress`. */
  scheduleRun: (sessionId: string) => ['sessions', sessionId, 'schedule-run'] as const,
  /** One's own availability in a session, or (organisers) a participant's. */
  availability: (sessionId: string, organisationId?: string) => ['sessions', sessionId, 'availability', organisationId ?? 'own'] as const,
  availabilityAll: (sessionId: string) => ['sessions', sessionId, 'availability'] as const,
  /** Every meeting's free slots: the prefix to invalidate when any seat changes. */
  freeSlotsAll: ['meeting-free-slots'] as const,
  freeSlots: (meetingId: string) => ['meeting-free-slots', meetingId] as const,
  /** Every event's agenda of my organisation: the prefix to invalidate. */
  myAgendaAll: ['me', 'agenda'] as const,
  myAgenda: (eventId: string) => ['me', 'agenda', eventId] as const,
  runningOrder: (eventId: string) => ['events', eventId, 'running-order'] as const,
  screenLinks: (eventId: string) => ['events', eventId, 'screen-links'] as const,
  organisationsAll: ['organisations'] as const,
  organisations: (query: OrganisationListQuery) => ['organisations', 'list', query] as const,
  organisation: (id: string) => ['organisations', id] as const,
  organisationUsers: (id: string) => ['organisations', id, 'users'] as const,
  audit: (query: AuditQuery) => ['audit', query] as const,
  invitation: (token: string) => ['invitations', token] as const,
  importJob: (id: string) => ['import-jobs', id] as const,
  /** An event's 跟踪落实 page (organisers); under the event prefix. */
  tracking: (eventId: string, query: TrackingQuery) => ['events', eventId, 'tracking', query] as const,
  trackingAll: (eventId: string) => ['events', eventId, 'tracking'] as const,
  figures: (eventId: string, query: FiguresQuery) => ['events', eventId, 'figures', query] as const,
  figuresAll: (eventId: string) => ['events', eventId, 'figures'] as const,
  /** The ladder of an event (supervision notices, the notice of criticism and its candidates): the prefix to invalidate. */
  supervisionAll: (eventId: string) => ['events', eventId, 'supervision'] as const,
  supervisionNotices: (eventId: string, query: SupervisionListQuery) => ['events', eventId, 'supervision', 'notices', query] as const,
  criticismCandidates: (eventId: string) => ['events', eventId, 'supervision', 'candidates'] as const,
  criticismNotices: (eventId: string) => ['events', eventId, 'supervision', 'criticism'] as const,
  mySupervisionNotices: ['me', 'supervision-notices'] as const,
  followUpPlan: (eventId: string) => ['events', eventId, 'follow-up-plan'] as const,
  /** An agreement's report schedule; under the agreement prefix. */
  agreementFollowUp: (agreementId: string) => ['agreements', agreementId, 'follow-up'] as const,
  obligationReports: (obligationId: string) => ['obligations', obligationId, 'reports'] as const,
  obligationEvidence: (obligationId: string) => ['obligations', obligationId, 'evidence'] as const,
  myObligations: ['me', 'obligations'] as const,
  /** Coordination of an event (departments, problems, liaisons, weekly summaries): the prefix to invalidate. */
  coordinationAll: (eventId: string) => ['events', eventId, 'coordination'] as const,
  departments: (eventId: string) => ['events', eventId, 'coordination', 'departments'] as const,
  problems: (eventId: string, query: object) => ['events', eventId, 'coordination', 'problems', query] as const,
  liaisons: (eventId: string) => ['events', eventId, 'coordination', 'liaisons'] as const,
  liaisonReports: (eventId: string, query: object) => ['events', eventId, 'coordination', 'liaison-reports', query] as const,
  weeklySummaries: (eventId: string) => ['events', eventId, 'coordination', 'weekly-summaries'] as const,
  weeklySummary: (id: string) => ['weekly-summaries', id] as const,
  briefings: (eventId: string) => ['events', eventId, 'briefings'] as const,
  /** An event's supply and demand summary table: its publications. */
  eventSummary: (eventId: string) => ['events', eventId, 'summary'] as const,
  myProblems: ['me', 'problems'] as const,
  myLiaisonReports: ['me', 'liaison-reports'] as const,
  /** An event's needs surveys (organisers); under the event prefix. */
  surveys: (eventId: string) => ['events', eventId, 'surveys'] as const,
  survey: (id: string) => ['surveys', id] as const,
  /** Under the survey's prefix: refreshing a survey refreshes its responses. */
  surveyResponses: (id: string) => ['surveys', id, 'responses'] as const,
  surveyExclusions: ['survey-exclusions'] as const,
  demandGuidance: (eventId: string) => ['events', eventId, 'demand-guidance'] as const,
  mySurveys: ['me', 'surveys'] as const,
  /** Ratings of institutions: the enterprise's dealings to rate, the institution's own received (every page), an event's averages (organisers). */
  myRatableDealings: ['me', 'ratable-dealings'] as const,
  myInstitutionRatings: ['me', 'institution-ratings'] as const,
  eventInstitutionRatings: (eventId: string) => ['events', eventId, 'institution-ratings'] as const,
  /** The producers' directories: the public list and pages, and the organisers' review (one prefix to refresh). */
  directoriesAll: ['directories'] as const,
  publicDirectories: ['directories', 'public'] as const,
  publicDirectory: (id: string, query: object) => ['directories', 'public', id, query] as const,
  eventDirectories: (eventId: string) => ['directories', 'event', eventId] as const,
  directoryReview: (id: string) => ['directories', 'review', id] as const,
  /** Reward programs of an event (every version), one program, a period's runs, one run and its award pages. */
  rewardPrograms: (eventId: string) => ['events', eventId, 'reward-programs'] as const,
  rewardProgram: (id: string) => ['reward-programs', id] as const,
  rewardDefaultProgram: ['reward-programs', 'default'] as const,
  rewardRuns: (periodId: string) => ['reward-periods', periodId, 'runs'] as const,
  rewardRun: (id: string) => ['reward-runs', id] as const,
  rewardAwards: (runId: string, query: object) => ['reward-runs', runId, 'awards', query] as const,
  myRewardAwards: ['me', 'reward-awards'] as const,
  /** An event's reporting periods (统计期) with their progress; a period's form pages under the period's prefix. */
  rewardPeriods: (eventId: string) => ['events', eventId, 'reward-periods'] as const,
  statisticsForms: (periodId: string) => ['reward-periods', periodId, 'forms'] as const,
  statisticsForm: (id: string) => ['statistics-forms', id] as const,
  myStatisticsForms: ['me', 'statistics-forms'] as const,
  /** An event's public scoreboard (排行榜), read again when the socket says it changed. */
  scoreboard: (eventId: string) => ['scoreboard', eventId] as const,
};
