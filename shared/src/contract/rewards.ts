import type { Page } from '../api';
import type {
  ProgramProblem,
  RewardAward,
  RewardAwardListQuery,
  RewardPaymentInput,
  RewardProgram,
  RewardProgramInput,
  RewardProgramUpdateInput,
  RewardRun,
  RewardRunApproveInput,
  RewardRunInput,
  Scoreboard,
  ScoreboardSettingsInput,
} from '../rewards';
import { route, type FileAnswer } from './route';

// Reward programs (奖励办法) as data, calculation runs over a period's confirmed figures, their
// approval and payment, the praise list and notice of criticism, and the public scoreboard.
export const rewards = {
  programs: route<{ output: RewardProgram[] }>()('GET', '/events/:id/reward-programs', {
    summary: "An event's reward programs, every version, newest first (organisers)",
  }),
  createProgram: route<{ body: RewardProgramInput; output: RewardProgram }>()('POST', '/events/:id/reward-programs', {
    summary: 'Creates a draft program; its content is checked (a 400 names the path of each problem) (organisers)',
    idempotent: true,
  }),
  defaultProgram: route<{ output: RewardProgram['content'] }>()('GET', '/reward-programs/default', {
    summary: "The seed's rules (金融支持工业经济平稳发展实施意见) as a program's content, to start a draft from (organisers)",
  }),
  program: route<{ output: RewardProgram }>()('GET', '/reward-programs/:id', { summary: 'One program version (organisers)' }),
  checkProgram: route<{ body: RewardProgramInput; output: ProgramProblem[] }>()('POST', '/reward-programs/check', {
    summary: "Checks a program's content without saving it: the problems found, none when it is valid (organisers)",
    status: 200,
  }),
  updateProgram: route<{ body: RewardProgramUpdateInput; output: RewardProgram }>()('PUT', '/reward-programs/:id', {
    summary: 'Edits a draft program (organisers; optimistic: the version read). A published program is frozen',
    errors: ['stale_version', 'program_frozen'],
  }),
  publishProgram: route<{ body: { version: number }; output: RewardProgram }>()('POST', '/reward-programs/:id/publish', {
    summary: 'Publishes a draft: it is frozen, and supersedes the published version of its lineage (organisers)',
    status: 200,
    errors: ['stale_version', 'program_frozen'],
  }),
  newVersion: route<{ output: RewardProgram }>()('POST', '/reward-programs/:id/new-version', {
    summary: 'Starts a new draft version of a published program, with its content (organisers)',
    idempotent: true,
    errors: ['invalid_state'],
  }),
  runs: route<{ output: RewardRun[] }>()('GET', '/reward-periods/:id/runs', {
    summary: "A period's calculation runs, newest first (organisers)",
  }),
  compute: route<{ body: RewardRunInput; output: RewardRun }>()('POST', '/reward-periods/:id/runs', {
    summary:
      "Runs a published program over the period's confirmed figures: every institution's awards with reasons, rankings with ties, totals, and the change from the previous run (organisers)",
    idempotent: true,
    errors: ['program_not_published', 'run_approved'],
  }),
  run: route<{ output: RewardRun }>()('GET', '/reward-runs/:id', { summary: 'One run with its totals and changes (organisers)' }),
  awards: route<{ query: RewardAwardListQuery; output: Page<RewardAward> }>()('GET', '/reward-runs/:id/awards', {
    summary: "A run's awards per institution with the lines that explain them, a page at a time (organisers)",
  }),
  approve: route<{ body: RewardRunApproveInput; output: RewardRun }>()('POST', '/reward-runs/:id/approve', {
    summary: 'Approves a run within a step-up grant (POST /auth/step-up): its awards are recorded for payment (organiser admins)',
    status: 200,
    errors: ['stale_version', 'step_up_required', 'run_approved', 'invalid_state'],
  }),
  confirmPayment: route<{ body: RewardPaymentInput; output: RewardAward }>()('POST', '/reward-runs/:id/awards/:organisationId/payment', {
    summary: "Records the finance department's confirmation that an approved award was paid, with its reference (organisers)",
    status: 200,
    idempotent: true,
    errors: ['invalid_state'],
  }),
  runExport: route<{ output: FileAnswer }>()('GET', '/reward-runs/:id/awards.xlsx', {
    summary: "A run's awards, rankings and totals as an .xlsx workbook, amounts in 万元 (organisers)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  praise: route<{ output: FileAnswer }>()('GET', '/reward-runs/:id/praise.pdf', {
    summary: 'The praise list (表扬名单) of an approved run, printable on A4 (organisers)',
    file: 'application/pdf',
    errors: ['invalid_state'],
  }),
  criticism: route<{ output: FileAnswer }>()('GET', '/reward-runs/:id/criticism.pdf', {
    summary: 'The notice of criticism (通报批评) of an approved run: institutions that failed a gate or did not file, printable on A4 (organisers)',
    file: 'application/pdf',
    errors: ['invalid_state'],
  }),
  mine: route<{ output: RewardAward[] }>()('GET', '/me/reward-awards', {
    summary: "The caller's organisation's awards in approved runs, with their reasons",
  }),
  scoreboard: route<{ output: Scoreboard }>()('GET', '/events/:id/scoreboard', {
    summary: "The event's public scoreboard: banks ranked by the figure the organisers chose (public)",
    public: true,
  }),
  scoreboardSettings: route<{ body: ScoreboardSettingsInput; output: Scoreboard }>()('PUT', '/events/:id/scoreboard', {
    summary: 'Chooses the figure that ranks the scoreboard (organisers)',
  }),
};
