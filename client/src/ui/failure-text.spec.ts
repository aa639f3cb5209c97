import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/client';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { failureText } from './failure-text';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

const failure = (statusCode: number, code: ConstructorParameters<typeof ApiFailure>[0]['code'], message = 'server wording') =>
  new ApiFailure({ statusCode, code, message });

describe('failureText', () => {
  it('says what a known code means in the reader’s language, not the server’s English', () => {
    expect(failureText(failure(409, 'slot_taken'), i18n.t)).toBe(zhCN.errors.codes.slot_taken);
    expect(failureText(failure(429, 'login_protected'), i18n.getFixedT('en'))).toBe(en.errors.codes.login_protected);
  });

  it('falls back on the status when no ApiError came back', () => {
    expect(failureText(failure(0, 'network'), i18n.t)).toBe(zhCN.errors.network);
    expect(failureText(failure(502, 'unexpected_answer', 'Bad Gateway'), i18n.t)).toBe(zhCN.errors.server);
    expect(failureText(new Error('boom'), i18n.t)).toBe(zhCN.errors.unknown);
  });
});
