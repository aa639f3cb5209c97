import type { Page } from '../api';
import type {
  DemandGuidance,
  Survey,
  SurveyAnswersInput,
  SurveyCloseInput,
  SurveyConfirmListingInput,
  SurveyExclusion,
  SurveyExclusionInput,
  SurveyGuidanceInput,
  SurveyInput,
  SurveyResponse,
  SurveyResponseListQuery,
  SurveyResponseRow,
  SurveySendInput,
  SurveySendResult,
  SurveySubmitInput,
  SurveyUpdateInput,
} from '../surveys';
import { route, type FileAnswer } from './route';

// The needs survey before an event (摸底调查): organisers define, send and follow it; invited
// organisations answer it by the deadline; the answers become listings they confirm.
export const surveys = {
  list: route<{ output: Survey[] }>()('GET', '/events/:id/surveys', { summary: "An event's surveys, newest first (organisers)" }),
  create: route<{ body: SurveyInput; output: Survey }>()('POST', '/events/:id/surveys', {
    summary: 'Defines a survey (a draft): the listing type it collects, free questions and the deadline (organisers)',
    idempotent: true,
  }),
  get: route<{ output: Survey }>()('GET', '/surveys/:id', { summary: 'A survey with its response rate by prefecture (organisers)' }),
  update: route<{ body: SurveyUpdateInput; output: Survey }>()('PATCH', '/surveys/:id', {
    summary: 'Edits a draft survey (organisers; optimistic: the version read)',
    errors: ['stale_version', 'survey_not_draft'],
  }),
  send: route<{ body: SurveySendInput; output: SurveySendResult }>()('POST', '/surveys/:id/send', {
    summary:
      'Sends a survey to the organisations selected (by kind, industry, region, list; a quota per prefecture; the exclusion list left out with the reason): each owes a response by the deadline. dryRun previews who would get it. Sending again adds only the organisations not invited yet',
    status: 200,
    idempotent: true,
    errors: ['survey_closed'],
  }),
  close: route<{ body: SurveyCloseInput; output: Survey }>()('POST', '/surveys/:id/close', {
    summary: 'Closes a sent survey: responses not filed are no longer owed (organisers)',
    status: 200,
    errors: ['stale_version', 'invalid_state'],
  }),
  responses: route<{ query: SurveyResponseListQuery; output: Page<SurveyResponseRow> }>()('GET', '/surveys/:id/responses', {
    summary:
      "A survey's responses, a page at a time (at most 200), by prefecture then organisation, filtered by state, region and name: each with its state and a summary of its answers (the answers themselves: GET /survey-responses/:id) (organisers)",
  }),
  summary: route<{ output: FileAnswer }>()('GET', '/surveys/:id/summary.xlsx', {
    summary: 'The summary table: one row per response, Chinese headers, amounts in 万元 (organisers)',
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  publishGuidance: route<{ body: SurveyGuidanceInput; output: Survey }>()('POST', '/surveys/:id/guidance', {
    summary: 'Publishes the demand guidance (需求导向) of a survey: a text, with the table of accepted responses (organisers)',
    status: 200,
    errors: ['stale_version', 'invalid_state'],
  }),
  guidance: route<{ output: DemandGuidance }>()('GET', '/events/:id/demand-guidance', {
    summary: "The event's published demand guidance: each survey's text and the aggregated table",
  }),
  mine: route<{ output: SurveyResponse[] }>()('GET', '/me/surveys', {
    summary: "The surveys the caller's organisation was sent, soonest due first, with its answers and drafts to confirm",
  }),
  response: route<{ output: SurveyResponse }>()('GET', '/survey-responses/:id', {
    summary: 'One response (the organisation that owes it, and organisers)',
  }),
  saveAnswers: route<{ body: SurveyAnswersInput; output: SurveyResponse }>()('PUT', '/survey-responses/:id', {
    summary: 'Saves draft answers (the organisation that owes it, while open or returned; optimistic: the version read)',
    errors: ['stale_version', 'not_owed'],
  }),
  submit: route<{ body: SurveySubmitInput; output: SurveyResponse }>()('POST', '/survey-responses/:id/submit', {
    summary: 'Files the response: its answers are checked against the survey (a 400 names the field)',
    status: 200,
    idempotent: true,
    errors: ['stale_version', 'not_owed'],
  }),
  confirmListing: route<{ body: SurveyConfirmListingInput; output: SurveyResponse }>()('POST', '/survey-responses/:id/confirm-listing', {
    summary: "Posts the accepted response's draft listing on the survey's session board, with one click (the responding organisation)",
    status: 200,
    idempotent: true,
    errors: ['no_draft_listing', 'session_not_open'],
  }),
  exclusions: route<{ output: SurveyExclusion[] }>()('GET', '/survey-exclusions', {
    summary: 'Organisations left out of every survey sent (dishonest, abnormal operation, default), with the reason (organisers)',
  }),
  exclude: route<{ body: SurveyExclusionInput; output: SurveyExclusion }>()('POST', '/survey-exclusions', {
    summary: 'Puts an organisation on the exclusion list with its reason, or changes the reason (organisers)',
    status: 200,
    idempotent: true,
  }),
  unexclude: route<{ output: void }>()('DELETE', '/survey-exclusions/:id', {
    summary: 'Takes an organisation off the exclusion list (organisers)',
    status: 204,
  }),
};
