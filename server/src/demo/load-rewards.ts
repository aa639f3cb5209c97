import type { INestApplicationContext } from '@nestjs/common';
import { countWorkingDays, dayInZone, DEFAULT_REWARD_PROGRAM, YUAN_PER_YI, type StatisticsFigures } from '@duijie/shared';
import type { Principal } from '../access/principal';
import { ObligationsService } from '../obligations/obligations.service';
import { RewardProgramsService } from '../rewards/reward-programs.service';
import { RewardRunsService } from '../rewards/reward-runs.service';
import { StatisticsService } from '../statistics/statistics.service';

const YI = YUAN_PER_YI;

/**
 * The banks' statistics for last month (figures in yuan), as a provincial branch would report
 * them: ICBC well above last year (an award), ABC just above 5% (less than one whole 亿 over the
 * line), BOC below last year (the assessment's gate), CCB with a small/micro NPL ratio inside
 * the compensated band, Qinghai Bank returned for a figure to check, CDB not filed yet.
 */
const BANK_FORMS: Record<string, StatisticsFigures> = {
  'icbc-qh': bank(620, 48, 580, 40, 12, 9, 280),
  'abc-qh': bank(540, 35, 512, 33, 8.5, 7, 160),
  'boc-qh': bank(410, 22, 402, 23, 4, 5, 310),
  'ccb-qh': bank(580, 41, 550, 36, 10, 6, 420),
  qhbank: bank(260, 15, 236, 12, 6, 4, 240),
};

function bank(
  balance: number,
  increment: number,
  balanceLastYear: number,
  incrementLastYear: number,
  smallMicro: number,
  smallMicroLastYear: number,
  nplBp: number,
): StatisticsFigures {
  return {
    industryLoanBalance: Math.round(balance * YI),
    industryLoanIncrement: Math.round(increment * YI),
    industryLoanBalanceLastYear: Math.round(balanceLastYear * YI),
    industryLoanIncrementLastYear: Math.round(incrementLastYear * YI),
    smallMicroLoanIncrement: Math.round(smallMicro * YI),
    smallMicroLoanIncrementLastYear: Math.round(smallMicroLastYear * YI),
    smallMicroNplBp: nplBp,
  };
}

const RETURNED = 'qhbank';
const RETURN_REASON = '去年同期小微企业贷款增长额与人民银行统计口径不一致，请核对后重新报送。';

/**
 * Assessment and rewards: last month's reporting period for the banks, guarantee institutions
 * and the micro-loan company, most banks' forms filed and confirmed, one returned, the seed's
 * rules published as the event's program and a first calculation run waiting for approval.
 */
export async function loadRewards(
  app: Pick<INestApplicationContext, 'get'>,
  demo: { eventId: string; timeZone: string; principals: Map<string, Principal>; organiser: Principal },
) {
  const { eventId, timeZone, principals, organiser } = demo;
  const statistics = app.get(StatisticsService);
  const obligations = app.get(ObligationsService);
  const programs = app.get(RewardProgramsService);
  const runs = app.get(RewardRunsService);

  const today = dayInZone(new Date(), timeZone);
  const [year, month] = today.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const period = await statistics.openPeriod(organiser, eventId, {
    name: `${first.getUTCFullYear()}年${first.getUTCMonth() + 1}月金融支持工业经济统计`,
    startsOn: day(first),
    endsOn: day(last),
    cadence: 'monthly',
    dueOn: countWorkingDays(today, 7).day,
    classes: ['bank', 'guarantor', 'microlender'],
  });

  for (const [key, figures] of Object.entries(BANK_FORMS)) {
    const principal = principals.get(key)!;
    const [form] = (await statistics.mine(principal)).filter((f) => f.periodId === period.id);
    const filed = await statistics.submit(principal, form.id, { figures, version: form.obligation.version });
    await obligations.review(organiser, form.id, {
      version: filed.obligation.version,
      accept: key !== RETURNED,
      ...(key === RETURNED ? { reason: RETURN_REASON } : {}),
    });
  }

  const program = await programs.create(organiser, eventId, { name: '金融支持工业经济平稳发展奖励办法（省金融办）', content: DEFAULT_REWARD_PROGRAM });
  const published = await programs.publish(organiser, program.id, program.version);
  await runs.compute(organiser, period.id, published.id);
}
