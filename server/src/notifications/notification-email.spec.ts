import { NOTIFICATION_KINDS } from '@duijie/shared';
import { renderEmail } from './notification-email';

const base = {
  createdAt: new Date('2026-12-10T01:30:00Z'),
  timeZone: 'Asia/Shanghai',
  link: '/my/todo',
  publicUrl: 'https://duijie.example.cn',
  displayName: '张三',
};

describe('notification emails', () => {
  it('word every kind in Chinese with its params, a greeting, the time in the event zone and the link', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const mail = renderEmail({
        ...base,
        kind,
        params: { title: '季度报告', organisation: '青海银行', dueOn: '2026-12-31', deadlineOn: '2026-12-20', count: 3, name: '西宁' },
      });
      expect(mail.subject).toMatch(/^【对接平台】.+：季度报告$/);
      expect(mail.text).toContain('张三，您好');
      expect(mail.text).toContain('季度报告');
      expect(mail.text).not.toMatch(/\{\w+\}/);
    }
    const mail = renderEmail({ ...base, kind: 'obligation.reminder', params: { title: '季度报告', dueOn: '2026-12-31' } });
    expect(mail.text).toContain('2026/12/10 09:30');
    expect(mail.text).toContain('https://duijie.example.cn/my/todo');
  });

  it('words a decision, an organisers’ count summary, and keeps line breaks in a title out of the subject', () => {
    expect(renderEmail({ ...base, kind: 'meeting.answered', params: { organisation: '青海银行', title: '技改', decision: 'declined' } }).text).toContain(
      '青海银行已拒绝贵单位的洽谈请求：技改。',
    );
    const answered = { organisation: '青海银行', title: '抵押经营贷', decision: 'declined' };
    expect(renderEmail({ ...base, kind: 'application.answered', params: { ...answered, reason: '额度已满' } }).text).toContain(
      '青海银行已拒绝贵单位对产品“抵押经营贷”的融资申请（额度已满）。',
    );
    expect(renderEmail({ ...base, kind: 'application.answered', params: answered }).text).toContain('青海银行已拒绝贵单位对产品“抵押经营贷”的融资申请。');
    expect(renderEmail({ ...base, kind: 'obligation.overdue', params: { count: 5 } })).toMatchObject({ subject: '【对接平台】待办逾期汇总' });
    const mail = renderEmail({ ...base, kind: 'agreement.signed', params: { title: '合同\r\nBcc: x@example.com' } });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
