import type { ErrorCode } from './error-codes';
// Request and response shapes of the HTTP API under /api. The server's DTO classes
// implement the *Input types, so a field cannot drift between client and server.
//
// Money: every amount is an exact integer number of yuan (元). Prices are yuan per unit.
// Rates are basis points (1% = 100). Dates are ISO 8601 strings; days are YYYY-MM-DD.
import type {
  LedgerEntryKind,
  AgreementKind,
  AgreementPartyRole,
  AgreementStatus,
  FinancingPurpose,
  ApplicationStatus,
  MeetingRequestStatus,
  GuaranteeRequirement,
  ListingStatus,
  ListingType,
  OrganisationKind,
  OrganisationSize,
  OrganisationStatus,
  ParticipantRole,
  ParticipationStatus,
  RegistrationMode,
  SessionKind,
  SessionStatus,
  UserRole,
} from './domain';
import type { MeetingMode } from './meetings';

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** Every 4xx/5xx body. `fields` names each bad input field (dotted path for nested ones). */
export type ApiError = {
  statusCode: number;
  code: ErrorCode;
  message: string;
  fields?: { field: string; messages: string[] }[];
};

// ---- accounts and organisations ----

export type OrganisationInput = {
  name: string;
  creditCode: string;
  kind: OrganisationKind;
  /** GB/T 4754 division code, a section letter and two digits, e.g. "C31". */
  industry: string;
  /** GB/T 2260 six-digit code, e.g. "630100". */
  region: string;
  size: OrganisationSize;
  contactName: string;
  contactPhone: string;
};

export type OrganisationUpdateInput = Partial<Omit<OrganisationInput, 'creditCode' | 'kind'>>;

/** Filters of the organisations list (organisers filter by status; others see approved ones and their own). */
export type OrganisationQuery = { status?: OrganisationStatus; kind?: OrganisationKind; q?: string; page?: number; pageSize?: number };
/** The organisations list's filters without paging: what its export takes. */
export type OrganisationExportQuery = Omit<OrganisationQuery, 'page' | 'pageSize'>;

export type Organisation = OrganisationInput & {
  id: string;
  status: OrganisationStatus;
  rejectReason: string | null;
  createdAt: string;
};

export type SelfRegistrationInput = {
  organisation: OrganisationInput;
  admin: { email: string; displayName: string; password: string };
};

/** A self-registration's answer: the pending organisation and its admin account. */
export type SelfRegistrationResult = { organisation: Organisation; user: User };

export type LoginInput = { email: string; password: string };

export type Me = {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  organisation: Pick<Organisation, 'id' | 'name' | 'kind' | 'status'>;
};

export type LoginResult = { accessToken: string; expiresIn: number; user: Me };

export type User = {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  active: boolean;
  organisationId: string;
  createdAt: string;
};

export type UserUpdateInput = { role?: UserRole; active?: boolean; displayName?: string };

/** An organiser's unlock of an account's logins: whether it was protected. */
export type LoginUnlockResult = { wasProtected: boolean };

export type InvitationInput = { email: string; role: UserRole };
export type InvitationCreated = { token: string; url: string; email: string; role: UserRole; expiresAt: string };
/** Organisers create other organiser departments; the first user joins through the invitation. */
export type OrganiserDepartmentInput = { organisation: OrganisationInput; admin: { email: string } };
export type OrganiserDepartmentCreated = { organisation: Organisation; invitation: InvitationCreated };
export type InvitationInfo = { email: string; role: UserRole; organisationName: string; expiresAt: string };
export type InvitationAcceptInput = { displayName: string; password: string };

export type RejectInput = { reason: string };

// ---- events and sessions ----

export type EventInput = {
  name: string;
  /** GB/T 2260 province code, e.g. "630000" for Qinghai. */
  province: string;
  startDate: string;
  endDate: string;
  targetAmount: number;
  description?: string;
  /** Hours a bank has to answer an application from the matchmaking supermarket (default 72). */
  applicationAnswerHours?: number;
  /** Hours a participant has to answer a meeting request before it expires (default 48). */
  meetingAnswerHours?: number;
  /**
   * IANA time zone the event is held in (default Asia/Shanghai): its days, due dates and times
   * are read in this zone whatever the browser's or server's zone.
   */
  timeZone?: string;
};

export type EventUpdateInput = Partial<EventInput>;

export type MatchEvent = EventInput & {
  id: string;
  timeZone: string;
  organiserOrganisationId: string;
  organiserName: string;
  description: string;
  createdAt: string;
  sessionCount: number;
};

export type SessionInput = {
  kind: SessionKind;
  title: string;
  leadDepartment: string;
  venue: string;
  startsAt: string;
  endsAt: string;
  slotMinutes: number;
  tableCount: number;
  ceremonyAt?: string | null;
  registrationMode: RegistrationMode;
  /** How meetings get their slots (default: the organiser's scheduler). */
  meetingMode?: MeetingMode;
  /** A break without meetings (午休), both or neither, inside the session. */
  breakStartsAt?: string | null;
  breakEndsAt?: string | null;
};

export type SessionUpdateInput = Partial<SessionInput> & { version: number };

export type MatchSession = Omit<SessionInput, 'ceremonyAt' | 'meetingMode' | 'breakStartsAt' | 'breakEndsAt'> & {
  meetingMode: MeetingMode;
  breakStartsAt: string | null;
  breakEndsAt: string | null;
  id: string;
  eventId: string;
  ceremonyAt: string | null;
  status: SessionStatus;
  version: number;
};

export type EventDetail = MatchEvent & { sessions: MatchSession[] };

export type SessionTransitionInput = { to: SessionStatus; version: number };

export type ParticipationInput = { role: ParticipantRole };
export type SessionInvitationInput = { organisationId: string; role: ParticipantRole };
export type ParticipationQuery = { status?: ParticipationStatus };

export type Participation = {
  id: string;
  sessionId: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  role: ParticipantRole;
  status: ParticipationStatus;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
};

// ---- listings ----

export type GoodsFields = {
  /** Product category code from the taxonomy in taxonomy.ts. */
  category: string;
  specification?: string;
  quantity: number;
  unit: string;
  priceMin?: number | null;
  priceMax?: number | null;
  deliveryFrom?: string | null;
  deliveryTo?: string | null;
  /** GB/T 2260 code where the goods are, or are wanted. */
  region: string;
};

export type FinancingNeedFields = {
  amount: number;
  termMonths: number;
  purpose: FinancingPurpose;
  collateral?: string;
  guaranteeNeeded: boolean;
};

export type CreditOfferFields = {
  amountMin: number;
  amountMax: number;
  totalLine: number;
  termMinMonths: number;
  termMaxMonths: number;
  rateMinBp: number;
  rateMaxBp: number;
  targetIndustries: string[];
  targetSizes: OrganisationSize[];
  guaranteeRequirement: GuaranteeRequirement;
};

export type GuaranteeOfferFields = {
  capacity: number;
  feeRateBp: number;
  targetIndustries: string[];
  /** Enterprise sizes the guarantee product serves (面向企业规模); empty or absent: every size. */
  targetSizes?: OrganisationSize[];
};

/** Seen only by the owning organisation and organisers. */
export type ListingConfidential = {
  /** Free-text internal notes: a bank's internal terms, an enterprise's situation. */
  notes?: string;
  /** An enterprise's financial details (yuan). */
  annualRevenue?: number;
  totalAssets?: number;
  debtRatioPercent?: number;
  /** A bank's internal floor rate, basis points. */
  internalRateFloorBp?: number;
};

export type ListingInput = {
  type: ListingType;
  title: string;
  description?: string;
  goods?: GoodsFields;
  financing?: FinancingNeedFields;
  credit?: CreditOfferFields;
  guarantee?: GuaranteeOfferFields;
  confidential?: ListingConfidential;
};

export type ListingUpdateInput = Omit<Partial<ListingInput>, 'type'> & { version: number };
export type ListingWithdrawInput = { version: number; reason?: string };

/** What everyone sees of a listing. */
export type ListingPublic = {
  id: string;
  sessionId: string;
  eventId: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  organisationRegion: string;
  organisationSize: OrganisationSize;
  organisationIndustry: string;
  type: ListingType;
  title: string;
  description: string;
  status: ListingStatus;
  version: number;
  goods: GoodsFields | null;
  financing: FinancingNeedFields | null;
  credit: CreditOfferFields | null;
  guarantee: GuaranteeOfferFields | null;
  createdAt: string;
  updatedAt: string;
};

/** What the owner and organisers see: the public view plus the confidential part. */
export type ListingView = ListingPublic & { confidential?: ListingConfidential | null };

export type ListingQuery = {
  type?: ListingType;
  category?: string;
  q?: string;
  status?: ListingStatus;
  organisationId?: string;
  page?: number;
  pageSize?: number;
};

export type ListingChange = {
  id: string;
  action: string;
  version: number | null;
  actorName: string | null;
  at: string;
  changes: Record<string, unknown> | null;
};

/** Aggregates for a session's board. Quantities are summed per category and unit. */
export type BoardTotals = {
  sessionId: string;
  participantsApproved: number;
  listingsOpen: number;
  byType: Record<ListingType, number>;
  goods: { category: string; unit: string; supplyQuantity: number; demandQuantity: number }[];
  financingNeeded: number;
  creditOffered: number;
  guaranteeCapacity: number;
  /** Published meetings with a slot and table: scheduled, held or no-show. */
  meetingsScheduled: number;
  /** Meetings the organisers marked as held. */
  meetingsHeld: number;
};

export type AuditEntry = {
  id: string;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown> | null;
};

/** Filters of the audit log (organisers). */
export type AuditQuery = { entityType?: string; entityId?: string; action?: string; page?: number; pageSize?: number };
/** `full=true`: recompute the whole log, not only what was placed since the last check. */
export type AuditVerifyOptions = { full?: boolean };

/** The audit log's filters without paging: what its export takes. */
export type AuditExportFilter = Omit<AuditQuery, 'page' | 'pageSize'>;

/**
 * A check of the audit log against its latest signed tree head: the records placed since the
 * last check (`fromSize`, 0 when from the start) recomputed, the tree proven consistent with the
 * head checked before, every signed head's signature; the first position that does not match, if any.
 */
export type AuditVerification = {
  ok: boolean;
  /** Log positions whose records were recomputed in this check. */
  checked: number;
  /** Where this check started: the size of the head verified last (0: from the start). */
  fromSize: number;
  /** The size of the signed tree head checked against (0 when none is signed yet). */
  treeSize: number;
  /** Signed tree heads whose signature and root were checked. */
  signedHeads: number;
  /** Records written but not placed in the log yet (the sequencer places them within seconds). */
  pending: number;
  /** Rows of other modules (agreements) whose content was recomputed against what the log recorded. */
  contentChecked: number;
  /** `position` is the log position; `id` the audit record's id, or the entity's when `entityType` is set. */
  firstBroken: { position?: number; id: string; reason: string; entityType?: string } | null;
};

export type Health = { status: 'ok'; database: 'embedded' | 'external'; version: string };

// ---- agreements ----

export type AgreementPartyInput = { organisationId: string; role: AgreementPartyRole };

export type AgreementTermsInput = {
  title: string;
  /** Yuan. */
  amount: number;
  /** Product category for goods agreements. */
  product?: string | null;
  quantity?: number | null;
  unit?: string | null;
  termMonths?: number | null;
  keyTerms: string;
  /** The listings the deal came from. */
  listingIds?: string[];
};

export type AgreementInput = AgreementTermsInput & { kind: AgreementKind; parties: AgreementPartyInput[] };
export type AgreementUpdateInput = Partial<AgreementTermsInput> & { version: number };
export type SignInput = { contentHash: string };
export type StepUpInput = { password: string };
export type SigningGrant = { grantedUntil: string };

export type AgreementSignature = {
  organisationId: string;
  userId: string;
  userName: string;
  signedAt: string;
  contentHash: string;
};

export type AgreementParty = AgreementPartyInput & {
  organisationName: string;
  signature: AgreementSignature | null;
};

export type Agreement = Required<Omit<AgreementTermsInput, 'listingIds'>> & {
  id: string;
  eventId: string;
  sessionId: string;
  kind: AgreementKind;
  listingIds: string[];
  status: AgreementStatus;
  version: number;
  contentHash: string;
  draftedByOrganisationId: string;
  parties: AgreementParty[];
  /** Signatures voided by edits after they were given, oldest first. */
  voidedSignatures: number;
  signedAt: string | null;
  confirmedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type LedgerEntryInput = {
  kind: LedgerEntryKind;
  /** Yuan; required for approved, disbursed and delivered. */
  amount?: number | null;
  /** YYYY-MM-DD. */
  occurredOn: string;
  /** What proves it: a loan number, a delivery note. */
  evidence?: string;
  /** Required to close the ledger (performed, terminated). */
  reason?: string;
};

/** An organiser withdraws the closing entry, with a reason: the ledger is open again. */
export type LedgerReopenInput = { reason: string };

export type LedgerEntry = Required<LedgerEntryInput> & {
  id: string;
  agreementId: string;
  recordedBy: string;
  recordedAt: string;
  /** A closing entry an organiser withdrew (it no longer closes the ledger). */
  reopened: { at: string; by: string; reason: string } | null;
};

/** Per agreement: what was signed, and separately what followed. */
export type AgreementFigures = {
  agreementId: string;
  title: string;
  kind: AgreementKind;
  status: AgreementStatus;
  signed: number;
  approved: number;
  disbursed: number;
  delivered: number;
  outcome: 'open' | 'performed' | 'terminated';
};

export type EventAgreementFigures = {
  eventId: string;
  agreements: AgreementFigures[];
  totals: { signedCount: number; signed: number; approved: number; disbursed: number; delivered: number };
};

// ---- the signing ceremony's running order ----

/** An agreement as the running order and the big screen show it. */
export type CeremonyAgreement = {
  agreementId: string;
  title: string;
  kind: AgreementKind;
  sessionId: string;
  /** Industry chain code of the product ('other' when none). */
  chain: string;
  amount: number;
  status: AgreementStatus;
  parties: string[];
};

/** One batch of the ceremony (一批签约): the agreements signed together on stage. */
export type CeremonyBatch = {
  id: string;
  eventId: string;
  /** 1-based place in the running order. */
  position: number;
  title: string;
  /** The session or chain the batch was built from, if any. */
  sessionId: string | null;
  chain: string | null;
  version: number;
  onStage: boolean;
  agreements: CeremonyAgreement[];
};

export type RunningOrder = {
  eventId: string;
  onStageBatchId: string | null;
  batches: CeremonyBatch[];
  /** Agreements of the event in no batch yet. */
  unbatched: CeremonyAgreement[];
};

export type CeremonyBatchInput = { title: string; sessionId?: string | null; chain?: string | null; agreementIds: string[] };
export type CeremonyBatchUpdate = { version: number; title?: string; agreementIds?: string[] };
/** Builds one batch per session or per chain from the agreements in no batch yet. */
export type RunningOrderGenerateInput = { by: 'session' | 'chain' };
export type RunningOrderSequenceInput = { batchIds: string[] };
export type StageInput = { batchId: string | null };

/**
 * A tree head of the audit log (its size and Merkle root, RFC 9162) signed with the platform's
 * Ed25519 key, which is kept outside the database. Anyone can check it with the published key:
 * crypto.verify(null, Buffer.from(message), publicKeyPem, Buffer.from(signature, 'base64')).
 */
export type SignedTreeHead = {
  /** Records in the log when signed. */
  size: number;
  /** The Merkle tree hash of those records' leaves, 64 hex characters. */
  rootHash: string;
  signedAt: string;
  keyFingerprint: string;
  /** Exactly the signed text: `duijie-audit-tree-head/v1\n{size}\n{rootHash}\n{signedAt}`. */
  message: string;
  signature: string;
};

/** GET /api/audit/tree-head (public): the key to check tree heads with, and the latest one. */
export type AuditHeadInfo = { algorithm: 'Ed25519'; publicKeyPem: string; keyFingerprint: string; head: SignedTreeHead | null };

/**
 * That an audit record is in the log: its leaf (the record's canonical content, whose RFC 9162
 * leaf hash is `leafHash`), its position and the audit path to the root of a signed tree head.
 */
export type AuditInclusionProof = {
  recordId: string;
  action: string;
  position: number;
  /** The canonical JSON the leaf commits to: SHA-256(0x00 ‖ UTF-8 of it) is leafHash. */
  leafData: string;
  leafHash: string;
  /** Sibling hashes from the leaf up (RFC 9162 2.1.3.1). */
  path: string[];
};

/** Why a certificate check found the platform's records changed since signing. */
export type TamperFinding = 'terms_changed' | 'hash_changed' | 'signatures_changed' | 'audit_record_changed' | 'not_signed_in_audit';

/** The public certificate check: the content hash printed on the certificate. */
export type AgreementVerifyQuery = { hash: string };

/** What anyone holding a certificate can check: that these terms were signed by these parties. */
export type AgreementVerification = {
  /** 'tampered': the stored agreement no longer matches what was signed; the figures below are not to be trusted. */
  integrity: 'valid' | 'tampered';
  findings: TamperFinding[];
  /** The latest signed tree head of the audit log, which the proofs lead to; null before the first is signed. */
  treeHead: SignedTreeHead | null;
  /** The agreement's signing records in the log, each with its audit path to treeHead (empty until they are placed). */
  proofs: AuditInclusionProof[];
  agreementId: string;
  eventName: string;
  /** The event's IANA time zone (MatchEvent.timeZone): the signing times are shown on its clocks. */
  timeZone: string;
  title: string;
  kind: AgreementKind;
  amount: number;
  status: AgreementStatus;
  contentHash: string;
  parties: { name: string; role: AgreementPartyRole; signedAt: string }[];
  signedAt: string;
  confirmedAt: string | null;
};

// ---- big-screen links ----

export type ScreenLink = { id: string; eventId: string; label: string; createdAt: string; expiresAt: string; revokedAt: string | null };
/** Returned once, at creation: the token is not kept and cannot be shown again. */
export type ScreenLinkCreated = ScreenLink & { token: string; url: string };
/** expiresAt: when the link stops working; by default the day after the event ends. */
export type ScreenLinkInput = { label: string; expiresAt?: string };

// ---- matching ----

export type MatchFactor =
  'product' | 'quantity' | 'price' | 'delivery' | 'distance' | 'local' | 'amount' | 'term' | 'industry' | 'size' | 'security' | 'capacity' | 'wants_guarantee';

/** One factor behind a score: its weight (points), what it contributed, and why, in words. */
export type MatchReason = { factor: MatchFactor; weight: number; contribution: number; text: string };

export type Match = {
  /** The counterpart's public projection only. */
  listing: ListingPublic;
  /** 0–100. */
  score: number;
  reasons: MatchReason[];
  bookmarked: boolean;
  /** For a financing need and a bank that asks for security the enterprise lacks: the guarantor that completes a three-party deal. */
  guarantor: { listing: ListingPublic; score: number; reasons: MatchReason[] } | null;
  /** How the counterpart relates to the listing (goods along a chain are labelled so; financing is always direct). */
  relation: MatchRelation;
  /** False only for the near misses an organiser asks for (includeIneligible=true): they come after the eligible ones. */
  eligible: boolean;
  /** Why a near miss is ineligible, one sentence per broken rule, in the requested language; empty when eligible. Near misses score 0 and carry no factors. */
  ineligible: string[];
};

/**
 * direct: the same product bought and sold, or a financing counterpart. prospective_buyer: the
 * counterpart makes the next product down the chain from the listing's product (both supply).
 * prospective_supplier: the counterpart makes the listing's product's input (both supply).
 * chain_cooperation: a demand of a chain-cooperation session and a supply of its product's input.
 */
export type MatchRelation = 'direct' | 'prospective_buyer' | 'prospective_supplier' | 'chain_cooperation';

/**
 * Recommendations of a listing: how many (1–50, default 10), the language of their reasons
 * (default zh-CN), and, for organisers only (others get 403), the near misses after them.
 */
export type MatchesQuery = { limit?: number; lang?: 'zh-CN' | 'en'; includeIneligible?: 'true' | 'false' };

/** A board page's listings, by id: at most 100, comma-separated. */
export type MatchCountsQuery = { ids: string };

/** Per listing id: how many strong-enough counterparts (top 10, score ≥ 60) it has. */
export type MatchCounts = Record<string, number>;

// ---- the matchmaking supermarket (对接超市) ----

/** Filters of the supermarket's shelf of credit and guarantee products. */
export type SupermarketQuery = {
  type?: 'credit_offer' | 'guarantee_offer';
  /** Yuan: products that lend (or guarantee) this amount. */
  amount?: number;
  termMonths?: number;
  /** Basis points: products whose lowest rate is at most this. */
  maxRateBp?: number;
  /** GB/T 4754 division: products open to this industry. */
  industry?: string;
  guaranteeRequirement?: GuaranteeRequirement;
  page?: number;
  pageSize?: number;
};

export type ApplicationInput = { needListingId: string };
export type ApplicationAnswerInput = { accept: boolean; reason?: string };

/** An enterprise's application to a bank's (or guarantor's) product with one of its financing needs. */
export type FinancingApplication = {
  id: string;
  eventId: string;
  status: ApplicationStatus;
  need: ListingPublic;
  offer: ListingPublic;
  reason: string | null;
  /** When the bank must have answered. */
  answerBy: string;
  overdue: boolean;
  answeredAt: string | null;
  createdAt: string;
};

/** Per bank: applications still unanswered past their deadline. */
export type OverdueByOrganisation = { organisationId: string; organisationName: string; overdue: number; pending: number; oldestAnswerBy: string | null };

// ---- meeting requests (洽谈邀约) ----

export type MeetingRequestInput = {
  /** The counterpart's listing the meeting is about; the meeting is held in its session. */
  toListingId: string;
  /** The asker's own listing it matched, if any. */
  fromListingId?: string | null;
  /** What it is about, in a sentence. */
  topic: string;
};

export type MeetingRequestAnswerInput = { accept: boolean; reason?: string };

/** Whose agenda of which event: organisers may name another organisation (default: the caller's). */
export type AgendaQuery = { eventId: string; organisationId?: string };

export type MeetingRequest = {
  id: string;
  eventId: string;
  sessionId: string;
  status: MeetingRequestStatus;
  from: { organisationId: string; organisationName: string; listing: ListingPublic | null };
  to: { organisationId: string; organisationName: string; listing: ListingPublic };
  topic: string;
  reason: string | null;
  respondBy: string;
  answeredAt: string | null;
  createdAt: string;
};

// ---- bulk import (organisers) ----

/** The two sheets of an import: organisations (机构) and listings (发布). */
export type ImportSheet = 'organisations' | 'listings';

/**
 * One thing wrong with an import, where the user can find it: the sheet, the row number as
 * the spreadsheet shows it (the header is row 1; null for the file or sheet as a whole) and
 * the column by its header (null for the whole row).
 */
export type ImportProblem = { sheet: ImportSheet | null; row: number | null; column: string | null; message: string };

export type ImportOrganisationRow = {
  row: number;
  creditCode: string;
  name: string;
  /** create: new and approved; unchanged: already registered under this credit code, kept as it is. */
  action: 'create' | 'unchanged';
};

export type ImportListingRow = {
  row: number;
  creditCode: string;
  organisationName: string;
  sessionId: string;
  sessionTitle: string;
  role: ParticipantRole;
  type: ListingType;
  title: string;
  /** skip: the organisation already has an open listing of this type and title in the session. */
  action: 'create' | 'skip';
};

/**
 * What an import would do (a dry run) or did. Nothing is written while `problems` is not
 * empty; `warnings` never stop an import.
 */
export type ImportReport = {
  dryRun: boolean;
  eventId: string;
  files: string[];
  organisations: { create: number; unchanged: number; rows: ImportOrganisationRow[] };
  /** An organisation's place in a session in the role its listings need, approved by the import. */
  participations: { create: number; approve: number; unchanged: number };
  listings: { create: number; skip: number; rows: ImportListingRow[] };
  problems: ImportProblem[];
  warnings: ImportProblem[];
  /**
   * The lists above hold at most the first IMPORT_REPORT_LIMIT problems, warnings and rows of
   * each sheet; these are the full counts, and the problems counted by sheet and column.
   */
  counts: {
    problems: number;
    warnings: number;
    organisationRows: number;
    listingRows: number;
    problemsByColumn: { sheet: ImportSheet | null; column: string | null; count: number }[];
  };
};

/** At most this many problems, warnings and rows per sheet are listed in an import report. */
export const IMPORT_REPORT_LIMIT = 500;

/** An import is a dry run unless `dryRun=false`. */
export type ImportQuery = { dryRun?: 'true' | 'false' };

export type ImportJobState = 'running' | 'succeeded' | 'failed';

/** A real import runs as a job: one transaction, its progress readable while it runs. */
export type ImportJob = {
  id: string;
  eventId: string;
  state: ImportJobState;
  /** Rows written so far, of `total` to write. */
  processed: number;
  total: number;
  /** The report once the job has finished (its problems when it failed on them). */
  report: ImportReport | null;
  /** Why a failed job failed, when it was not problems in the file. */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** The body of the 422 that refuses a real import whose file has problems. */
export type ImportRefused = ApiError & { report: ImportReport };
