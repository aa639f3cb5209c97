import i18next, { type i18n as I18n } from 'i18next';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '@duijie/shared';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { formatSentAt, notificationText } from './notification-text';

async function translator(lng: 'zh-CN' | 'en'): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance;
}

describe('notification text', () => {
  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('%s words every kind of notification', (_lng, messages) => {
    const kinds = (messages as { notifications: { kind: Record<string, string> } }).notifications.kind;
    expect(NOTIFICATION_KINDS.filter((kind) => !kinds[kind]?.trim())).toEqual([]);
    expect(Object.keys(kinds).filter((kind) => !(NOTIFICATION_KINDS as readonly string[]).includes(kind))).toEqual([]);
  });

  it('fills the params in and words a decision in the language shown', async () => {
    const zh = await translator('zh-CN');
    expect(notificationText(zh.t, { kind: 'meeting.answered', params: { organisation: '青海银行', title: '技改贷款', decision: 'accepted' } }, zh)).toBe(
      '青海银行已接受贵单位的洽谈请求：技改贷款',
    );
    const english = await translator('en');
    expect(notificationText(english.t, { kind: 'participation.decided', params: { title: '金融专场', decision: 'rejected' } }, english)).toBe(
      'Your application to take part in "金融专场" was rejected',
    );
    expect(notificationText(english.t, { kind: 'obligation.reminder', params: { title: '<b>季度报告</b>', dueOn: '2026-12-31' } }, english)).toBe(
      'Reminder: <b>季度报告</b> is due on 2026-12-31',
    );
    // The organisers' summary (a count, no title) has its own words.
    expect(notificationText(zh.t, { kind: 'obligation.overdue', params: { count: 5 } }, zh)).toBe('有5项待办已逾期，请跟进');
    expect(notificationText(zh.t, { kind: 'obligation.overdue', params: { title: '季度报告', dueOn: '2026-12-31', count: 1 } }, zh)).toBe(
      '季度报告已于2026-12-31逾期，请尽快提交',
    );
  });

  it("shows when it was sent in the event's time zone", () => {
    expect(formatSentAt('2026-12-10T01:30:00Z', 'Asia/Shanghai')).toBe('2026-12-10 09:30');
    expect(formatSentAt('2026-12-10T01:30:00Z', 'Asia/Urumqi')).toBe('2026-12-10 07:30');
    expect(formatSentAt('2026-12-09T17:30:00Z', null)).toBe('2026-12-10 01:30');
  });
});
