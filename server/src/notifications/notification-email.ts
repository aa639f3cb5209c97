import type { NotificationKind } from '@duijie/shared';

/**
 * The emails' words, in Chinese (the recipients' default locale), per kind: a subject and a
 * sentence with the notification's params (`{title}`, `{organisation}`, `{dueOn}` …). A param a
 * capability did not pass is left out rather than shown as a placeholder.
 */
const TEMPLATES: Record<NotificationKind, { subject: string; body: string }> = {
  'meeting.requested': { subject: '新的洽谈请求', body: '{organisation}向贵单位发起了洽谈请求：{title}。' },
  'meeting.answered': { subject: '洽谈请求已答复', body: '{organisation}{decision}贵单位的洽谈请求：{title}。' },
  'participation.applied': { subject: '新的参会申请', body: '{organisation}申请参加{title}，请审核。' },
  'participation.decided': { subject: '参会申请已审核', body: '贵单位参加{title}的申请{decision}。' },
  'application.submitted': { subject: '新的融资申请', body: '{organisation}以融资需求“{need}”申请贵单位的产品：{title}，请于{answerBy}前答复。' },
  'application.answered': { subject: '融资申请已答复', body: '{organisation}{decision}贵单位对产品“{title}”的融资申请（{reason}）。' },
  'agreement.awaiting_signature': { subject: '协议待签署', body: '协议“{title}”等待贵单位签署。' },
  'agreement.signed': { subject: '协议已签署', body: '协议“{title}”已由各方签署完成。' },
  'obligation.owed': { subject: '新的待办事项', body: '贵单位需在{dueOn}前提交：{title}。' },
  'obligation.reminder': { subject: '待办事项即将到期', body: '提醒：{title}将于{dueOn}到期，请及时提交。' },
  'obligation.overdue': { subject: '待办事项已逾期', body: '{title}已于{dueOn}逾期，请尽快提交。' },
  'obligation.returned': { subject: '提交的材料被退回', body: '贵单位提交的{title}已被退回：{reason}' },
  'obligation.accepted': { subject: '提交的材料已通过', body: '贵单位提交的{title}已通过审核。' },
  'supervision.issued': { subject: '督办通知', body: '就{title}向贵单位发出督办，请于{deadlineOn}前回复。' },
  'supervision.acknowledged': { subject: '督办已回复', body: '{organisation}已回复督办：{title}。' },
  'supervision.overdue': { subject: '督办已逾期', body: '{organisation}未在{deadlineOn}前回复督办“{title}”。' },
  'criticism.published': { subject: '通报批评', body: '就{title}对{organisation}发布了通报批评。' },
  'criticism.rectified': { subject: '整改已完成', body: '{organisation}已就{title}完成整改。' },
  'problem.raised': { subject: '新的问题反映', body: '{organisation}反映了问题：{title}。' },
  'problem.routed': { subject: '问题已转办', body: '{organisation}反映的问题“{title}”已转至贵单位办理，请于{deadlineOn}前答复。' },
  'problem.answered': { subject: '问题已答复', body: '贵单位反映的问题“{title}”已由{organisation}答复。' },
  'liaison.urgent': { subject: '紧急联络', body: '{name}紧急联络：{title}' },
  'summary.weekly': { subject: '每周工作摘要', body: '每周工作摘要：{title}（逾期待办{count}项）。' },
  'briefing.sent': { subject: '对接工作简报', body: '{name}对接工作简报第{seq}期（{title}）已发送，请登录查阅。' },
  'survey.sent': { subject: '需求调查', body: '请于{deadlineOn}前填写需求调查：{title}。' },
  'event_summary.published': { subject: '供需对接情况汇总表已发布', body: '{title}供需对接情况汇总表（第{version}版）已发布，请登录下载。' },
  'reward.approved': { subject: '考核奖励已审批', body: '贵单位在“{title}”中的奖励已审批，请登录查看金额与计算依据。' },
};

/** The organisers' summaries: a count and no title. */
const COUNTS: Partial<Record<NotificationKind, { subject: string; body: string }>> = {
  'obligation.overdue': { subject: '待办逾期汇总', body: '有{count}项待办已逾期，请跟进。' },
};

/** How a `decision` param reads. */
const DECISIONS: Record<string, string> = { accepted: '已接受', declined: '已拒绝', approved: '已通过', rejected: '未通过' };

export type EmailMessage = { subject: string; text: string };

/** The subject and plain-text body of one notification's email. */
export function renderEmail(input: {
  kind: NotificationKind;
  params: Record<string, string | number>;
  createdAt: Date;
  timeZone: string | null;
  link: string | null;
  publicUrl: string;
  displayName: string;
}): EmailMessage {
  const summary = input.params.title === undefined && input.params.count !== undefined ? COUNTS[input.kind] : undefined;
  const template = summary ?? TEMPLATES[input.kind] ?? { subject: '新通知', body: '{title}' };
  const params = { ...input.params };
  if (typeof params.decision === 'string') params.decision = DECISIONS[params.decision] ?? params.decision;
  const body = fill(template.body, params);
  const at = new Intl.DateTimeFormat('zh-CN', {
    timeZone: input.timeZone ?? 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(input.createdAt);
  const lines = [`${input.displayName}，您好：`, '', body, '', `时间：${at}`];
  if (input.link) lines.push(`查看详情：${input.publicUrl}${input.link.startsWith('/') ? '' : '/'}${input.link}`);
  lines.push('', '此邮件由对接平台自动发送，请勿直接回复。');
  const title = typeof input.params.title === 'string' ? input.params.title.replace(/[\r\n]+/g, ' ').slice(0, 80) : '';
  return { subject: `【对接平台】${template.subject}${title ? `：${title}` : ''}`, text: lines.join('\n') };
}

/** `{name}` → the param; unknown names vanish; line breaks in params are flattened (no header injection from a title). */
function fill(text: string, params: Record<string, string | number>): string {
  return text
    .replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? '' : String(params[name]).replace(/[\r\n]+/g, ' ')))
    .replace(/：。/g, '。')
    .replace(/（）/g, '')
    .replace(/“”/g, '');
}
