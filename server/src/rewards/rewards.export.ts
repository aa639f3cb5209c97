// What a run's workbook and notices print, made from the run, its program and its awards: the
// reasons as Chinese text, the rankings with their ties, the totals per rule and per class, the
// praise list (institutions awarded) and the notice of criticism (a gate failed, a form not filed
// or filed late).
import { INSTITUTION_CLASSES, type InstitutionClass, type RewardAward, type RewardProgramContent, type RewardRun } from '@duijie/shared';
import type { XlsxColumn, XlsxSheet } from '../common/xlsx';
import type { RewardNoticeData } from './rewards-notices-pdf';
import type { RewardRunEntity } from './rewards.entities';

export const CLASS_ZH: Record<InstitutionClass, string> = {
  bank: '银行',
  guarantor: '担保机构',
  microlender: '小额贷款公司',
  insurer: '保险机构',
  enterprise: '企业',
  construction_unit: '施工/建设单位',
};

type Names = { rules: Map<string, string>; schemes: Map<string, string> };

export function namesOf(content: RewardProgramContent): Names {
  return {
    rules: new Map((content.rules ?? []).map((r) => [r.id, r.name.zh])),
    schemes: new Map((content.schemes ?? []).map((s) => [s.id, s.name.zh])),
  };
}

/** Each rule's lines (or, for the praise list, those of the rules that paid) and each scheme's score, one line each, in Chinese. */
export function reasonLines(award: RewardAward, names: Names, opts: { paidOnly?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const o of award.outcomes) {
    if (opts.paidOnly && o.amount <= 0) continue;
    // The praise list says how the amount was reached; the conditions met go without saying there.
    const shown = opts.paidOnly ? o.lines.filter((l) => !l.zh.startsWith('条件满足')) : o.lines;
    lines.push(`${names.rules.get(o.ruleId) ?? o.ruleId}：${shown.map((l) => l.zh).join('；')}`);
  }
  if (!opts.paidOnly) {
    for (const s of award.scores) {
      const rank = s.tied > 1 ? `并列第${s.rank}名` : `第${s.rank}名`;
      const head = s.gated ? '未达门槛，计0分' : `得分${s.score.toFixed(2)}，${rank}`;
      lines.push(`${names.schemes.get(s.schemeId) ?? s.schemeId}：${head}${s.lines.length ? `；${s.lines.map((l) => l.zh).join('；')}` : ''}`);
    }
  }
  return lines;
}

const classOrder = (c: InstitutionClass) => INSTITUTION_CLASSES.indexOf(c);

type RankRow = {
  table: string;
  kind: string;
  rank: number;
  tied: number;
  name: string;
  class: InstitutionClass;
  score: number | null;
  amount: number | null;
  gated: boolean;
};
type TotalRow = { group: string; name: string; class: InstitutionClass | null; institutions: number; amount: number };

/** The three sheets of a run's workbook: 奖励 (per institution), 排名 (per scheme and ranking rule, ties shown), 合计 (per rule and class). */
export function runSheets(
  run: RewardRun,
  content: RewardProgramContent,
  awards: RewardAward[],
): [XlsxSheet<RewardAward>, XlsxSheet<RankRow>, XlsxSheet<TotalRow>] {
  const names = namesOf(content);
  const awardColumns: XlsxColumn<RewardAward>[] = [
    { header: '机构', width: 30, value: (a) => a.organisationName },
    { header: '类别', value: (a) => CLASS_ZH[a.class] },
    { header: '奖励金额（万元）', format: 'wan', value: (a) => a.amount },
    { header: '付款确认时间', format: 'datetime', value: (a) => a.paidAt },
    { header: '付款凭证号', width: 18, value: (a) => a.paymentReference },
    { header: '奖励依据', width: 100, value: (a) => reasonLines(a, names).join('\n') },
  ];

  const ranks: RankRow[] = [];
  for (const scheme of content.schemes ?? []) {
    const rows = awards.flatMap((a) => a.scores.filter((s) => s.schemeId === scheme.id).map((s) => ({ a, s })));
    rows.sort((x, y) => x.s.rank - y.s.rank || x.a.organisationName.localeCompare(y.a.organisationName, 'zh-CN'));
    for (const { a, s } of rows)
      ranks.push({
        table: scheme.name.zh,
        kind: '考核评分',
        rank: s.rank,
        tied: s.tied,
        name: a.organisationName,
        class: a.class,
        score: s.score,
        amount: null,
        gated: s.gated,
      });
  }
  for (const rule of (content.rules ?? []).filter((r) => r.kind === 'rank_prize')) {
    const rows = awards.flatMap((a) => a.outcomes.filter((o) => o.ruleId === rule.id && o.rank !== null).map((o) => ({ a, o })));
    rows.sort((x, y) => x.o.rank! - y.o.rank! || x.a.organisationName.localeCompare(y.a.organisationName, 'zh-CN'));
    for (const { a, o } of rows)
      ranks.push({
        table: rule.name.zh,
        kind: '排名奖励',
        rank: o.rank!,
        tied: o.tied,
        name: a.organisationName,
        class: a.class,
        score: null,
        amount: o.amount,
        gated: false,
      });
  }
  const rankColumns: XlsxColumn<RankRow>[] = [
    { header: '考核方案/奖励规则', width: 28, value: (r) => r.table },
    { header: '类型', value: (r) => r.kind },
    { header: '名次', format: 'integer', value: (r) => r.rank },
    { header: '并列', value: (r) => (r.tied > 1 ? `${r.tied}家并列` : '') },
    { header: '机构', width: 30, value: (r) => r.name },
    { header: '类别', value: (r) => CLASS_ZH[r.class] },
    { header: '得分', value: (r) => r.score },
    { header: '奖励金额（万元）', format: 'wan', value: (r) => r.amount },
    { header: '未达门槛', value: (r) => (r.gated ? '是' : '') },
  ];

  const totals: TotalRow[] = [];
  for (const rule of content.rules ?? []) {
    const earning = awards.filter((a) => a.outcomes.some((o) => o.ruleId === rule.id && o.amount > 0)).length;
    totals.push({ group: '按规则', name: rule.name.zh, class: rule.class, institutions: earning, amount: run.totals.byRule[rule.id] ?? 0 });
  }
  for (const cls of INSTITUTION_CLASSES) {
    const inClass = awards.filter((a) => a.class === cls);
    if (inClass.length === 0 && !run.totals.byClass[cls]) continue;
    totals.push({
      group: '按类别',
      name: CLASS_ZH[cls],
      class: cls,
      institutions: inClass.filter((a) => a.amount > 0).length,
      amount: run.totals.byClass[cls] ?? 0,
    });
  }
  totals.push({ group: '合计', name: '全部', class: null, institutions: awards.filter((a) => a.amount > 0).length, amount: run.totals.total });
  const totalColumns: XlsxColumn<TotalRow>[] = [
    { header: '分组', value: (r) => r.group },
    { header: '规则/类别', width: 30, value: (r) => r.name },
    { header: '机构类别', value: (r) => (r.class ? CLASS_ZH[r.class] : '') },
    { header: '获奖机构数', format: 'integer', value: (r) => r.institutions },
    { header: '奖励金额（万元）', format: 'wan', value: (r) => r.amount },
  ];
  return [
    { name: '奖励', columns: awardColumns, rows: awards },
    { name: '排名', columns: rankColumns, rows: ranks },
    { name: '合计', columns: totalColumns, rows: totals },
  ];
}

/** Why an institution left out of the run is criticised; null when it is not (not due yet, filed on time and awaiting review, waived). */
function unconfirmedReason(u: { state: string; timing: string }): string | null {
  if (u.timing !== 'overdue') return null;
  if (u.state === 'open') return '逾期未报送统计数据';
  if (u.state === 'returned') return '统计报表被退回后逾期未重新报送';
  if (u.state === 'submitted') return '逾期报送统计数据';
  return null;
}

/** The praise list's and the notice of criticism's rows of an approved run. */
export function noticeRows(
  entity: Pick<RewardRunEntity, 'unconfirmed' | 'late'>,
  content: RewardProgramContent,
  awards: RewardAward[],
): Pick<RewardNoticeData, 'praise' | 'criticism'> {
  const names = namesOf(content);
  const praise = awards
    .filter((a) => a.amount > 0)
    .sort((x, y) => classOrder(x.class) - classOrder(y.class) || y.amount - x.amount || x.organisationName.localeCompare(y.organisationName, 'zh-CN'))
    .map((a) => ({ class: a.class, name: a.organisationName, amount: a.amount, reasons: reasonLines(a, names, { paidOnly: true }) }));

  const reasons = new Map<string, { class: InstitutionClass; name: string; reasons: string[] }>();
  const add = (organisationId: string, cls: InstitutionClass, name: string, reason: string) => {
    const entry = reasons.get(organisationId) ?? { class: cls, name, reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    reasons.set(organisationId, entry);
  };
  for (const a of awards) {
    for (const s of a.scores.filter((x) => x.gated)) {
      // The line that names the failed gate, where the engine wrote one; else every line.
      const gateLines = s.lines.filter((l) => l.zh.includes('门槛'));
      const why = (gateLines.length ? gateLines : s.lines).map((l) => l.zh).join('；');
      add(a.organisationId, a.class, a.organisationName, `${names.schemes.get(s.schemeId) ?? s.schemeId}未达考核门槛${why ? `（${why}）` : ''}`);
    }
  }
  for (const u of entity.unconfirmed) {
    const reason = unconfirmedReason(u);
    if (reason) add(u.organisationId, u.class, u.name, reason);
  }
  for (const l of entity.late) add(l.organisationId, l.class, l.name, '逾期报送统计数据');
  const criticism = [...reasons.values()]
    .sort((x, y) => classOrder(x.class) - classOrder(y.class) || x.name.localeCompare(y.name, 'zh-CN'))
    .map((r) => ({ class: r.class, name: r.name, reason: r.reasons.join('；') }));
  return { praise, criticism };
}
