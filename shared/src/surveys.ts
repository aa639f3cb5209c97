// The needs survey before an event (摸底调查): organisers define a survey (a listing type's fields
// plus free questions), send it to organisations chosen by kind, industry, region or a list (a
// quota per prefecture, an exclusion list), each owes a response by the deadline (an obligation of
// kind `survey_response`), organisers follow the response rate by prefecture, download the summary,
// publish the demand guidance (需求导向) and the answers become listings each organisation confirms.
import type { FinancingNeedFields, GoodsFields } from './api';
import type { ListingType, OrganisationKind } from './domain';
import type { ObligationFilter, ObligationState, ObligationTiming } from './obligations';

export const SURVEY_STATES = ['draft', 'sent', 'closed'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

/**
 * What a survey collects as a listing, mapped onto the listing types: credit needs of projects and
 * enterprises (financing_need), product demand of investment, transport and housing projects and
 * the building-material demand by project for next year (demand), producers' output (supply).
 * Null: free questions only.
 */
export const SURVEY_LISTING_TYPES = ['financing_need', 'demand', 'supply'] as const satisfies readonly ListingType[];
export type SurveyListingType = (typeof SURVEY_LISTING_TYPES)[number];

export const SURVEY_QUESTION_TYPES = ['text', 'number', 'choice'] as const;
export type SurveyQuestionType = (typeof SURVEY_QUESTION_TYPES)[number];

export const MAX_SURVEY_QUESTIONS = 30;
export const MAX_SURVEY_CHOICES = 20;
export const MAX_SURVEY_TEXT_ANSWER = 2000;

export type SurveyQuestion = {
  /** Stable within the survey: q1, q2 … (answers are keyed by it). */
  id: string;
  label: string;
  type: SurveyQuestionType;
  required: boolean;
  /** For `choice`: the options offered. */
  options?: string[];
  /** For `choice`: several options may be picked. */
  multiple?: boolean;
  /** For `number`: the unit shown beside it (万元, 吨 …). */
  unit?: string;
};

/** Why an organisation is left out of every survey sent (it stays on the list until an organiser removes it). */
export const SURVEY_EXCLUSION_REASONS = ['dishonest', 'abnormal_operation', 'default'] as const;
export type SurveyExclusionReason = (typeof SURVEY_EXCLUSION_REASONS)[number];

export type SurveyExclusion = {
  id: string;
  organisationId: string;
  organisationName: string;
  reason: SurveyExclusionReason;
  note: string;
  createdAt: string;
};
export type SurveyExclusionInput = { organisationId: string; reason: SurveyExclusionReason; note?: string };

/** The deadline: a number of working days after the day it is sent, or a day, both in the event's zone. */
export type SurveyDeadline = { workingDays: number; on?: never } | { on: string; workingDays?: never };

export type SurveyInput = {
  title: string;
  description?: string;
  listingType: SurveyListingType | null;
  /** The session whose board the confirmed listings join. */
  sessionId?: string | null;
  questions: SurveyQuestion[];
  deadlineWorkingDays?: number | null;
  deadlineOn?: string | null;
};
export type SurveyUpdateInput = Partial<SurveyInput> & { version: number };

/** Who a survey goes to: every filter given must match (kinds, industries and regions each any of). */
export type SurveySelection = {
  kinds?: OrganisationKind[];
  /** Industry codes (GB/T 4754 section or division prefix). */
  industries?: string[];
  /** GB/T 2260 prefixes: 63 (province), 6301 (prefecture), 630102 (county). */
  regions?: string[];
  /** An explicit list; with filters, the union of the list and the filters' matches. */
  organisationIds?: string[];
  /** At most this many per prefecture, picked by size (large first), then by credit code. */
  quotaPerRegion?: number | null;
};
export type SurveySendInput = SurveySelection & { dryRun?: boolean };

export type SurveyLeftOut = {
  organisationId: string;
  organisationName: string;
  region: string;
  reason: SurveyExclusionReason | 'over_quota';
  note?: string;
};
export type SurveySendResult = {
  dryRun: boolean;
  /** Organisations the selection matched and that receive it (or would). */
  count: number;
  /** Of which newly invited by this send (0 on a dry run or a repeat). */
  invited: number;
  /** Invited before, by an earlier send. */
  alreadyInvited: number;
  byRegion: { region: string; count: number }[];
  leftOut: SurveyLeftOut[];
  survey: Survey;
};

export type SurveyRegionProgress = { region: string; invited: number; submitted: number; accepted: number; rate: number };
export type SurveyProgress = { invited: number; submitted: number; accepted: number; returned: number; rate: number; byRegion: SurveyRegionProgress[] };

export type Survey = {
  id: string;
  eventId: string;
  title: string;
  description: string;
  listingType: SurveyListingType | null;
  sessionId: string | null;
  questions: SurveyQuestion[];
  deadlineWorkingDays: number | null;
  deadlineOn: string | null;
  /** Fixed when first sent: the due day in the event's zone. */
  dueOn: string | null;
  timeZone: string;
  state: SurveyState;
  sentAt: string | null;
  closedAt: string | null;
  guidance: string | null;
  guidancePublishedAt: string | null;
  progress: SurveyProgress;
  version: number;
  createdAt: string;
};

/** The listing part of an answer: the listing type's own fields (goods or financing) and a title. */
export type SurveyListingAnswer = { title?: string; description?: string; goods?: GoodsFields; financing?: FinancingNeedFields };
export type SurveyAnswerValue = string | number | string[] | null;
export type SurveyAnswers = { listing?: SurveyListingAnswer | null; questions?: Record<string, SurveyAnswerValue> };

export type SurveyResponse = {
  id: string;
  surveyId: string;
  survey: Pick<Survey, 'id' | 'eventId' | 'title' | 'description' | 'listingType' | 'sessionId' | 'questions' | 'dueOn' | 'timeZone' | 'state'>;
  organisationId: string;
  organisationName: string;
  region: string;
  obligationId: string;
  /** The obligation's state and version: submit and review name the version read. */
  state: ObligationState;
  timing: ObligationTiming;
  obligationVersion: number;
  returnReason: string | null;
  submittedAt: string | null;
  answers: SurveyAnswers;
  /** The listing made from the answers once the organisation confirmed it. */
  listingId: string | null;
  /** Accepted with a listing part, not yet confirmed: the draft listing awaits one click. */
  draftListing: boolean;
  version: number;
  updatedAt: string;
};

/**
 * Organisers' list of a survey's responses (paged, at most 200 a page): by state (stored, or the
 * clock's: outstanding, due soon, overdue), by region (a GB/T 2260 prefix: 54, 5401, 540102) and
 * by the organisation's name.
 */
export type SurveyResponseListQuery = { state?: ObligationFilter; region?: string; q?: string; page?: number; pageSize?: number };

/** What a response answered, in a few fields; its full answers: GET /survey-responses/:id. */
export type SurveyAnswerSummary = {
  /** The listing part's title (at most 100 characters). */
  listingTitle: string | null;
  /** The product category (goods) or the purpose (financing). */
  category: string | null;
  /** Goods: the quantity and its unit. */
  quantity: number | null;
  unit: string | null;
  /** Financing: the amount, in yuan. */
  amount: number | null;
  /** The free questions answered, of the survey's. */
  answered: number;
};

/** A row of the organisers' list: a response without its answers (a summary instead) nor its survey. */
export type SurveyResponseRow = Omit<SurveyResponse, 'survey' | 'answers'> & { summary: SurveyAnswerSummary };

export type SurveyAnswersInput = { version: number; answers: SurveyAnswers };
export type SurveySubmitInput = { version: number; obligationVersion: number };
export type SurveyConfirmListingInput = { sessionId?: string };
export type SurveyGuidanceInput = { version: number; text: string };
export type SurveyCloseInput = { version: number };

/** One row of the demand guidance's table: what the responses accepted so far add up to. */
export type DemandGuidanceRow = {
  listingType: SurveyListingType;
  /** Product category for goods, purpose for financing. */
  key: string;
  unit: string | null;
  organisations: number;
  quantity: number | null;
  /** Yuan (financing amount). */
  amount: number | null;
};
export type DemandGuidance = { eventId: string; surveys: { surveyId: string; title: string; text: string; publishedAt: string; rows: DemandGuidanceRow[] }[] };
