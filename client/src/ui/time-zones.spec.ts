import { COMMON_EVENT_TIME_ZONES, DEFAULT_EVENT_TIME_ZONE } from '@duijie/shared';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { timeZoneOptions } from './time-zones';

describe('time zone options of the event form', () => {
  let zh: TFunction;
  let english: TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN' });
    zh = i18n.getFixedT('zh-CN');
    english = i18n.getFixedT('en');
  });

  it('offers Asia/Shanghai first, named in both languages', () => {
    expect(timeZoneOptions(zh)[0]).toEqual({ value: DEFAULT_EVENT_TIME_ZONE, label: '北京时间 · Asia/Shanghai' });
    expect(timeZoneOptions(english)[0].label).toBe('China (Beijing time) · Asia/Shanghai');
  });

  it('names every offered zone in both locales', () => {
    for (const messages of [zhCN, en]) {
      const names = messages.fields.timeZones as Record<string, string>;
      expect(COMMON_EVENT_TIME_ZONES.filter((zone) => !names[zone]?.trim())).toEqual([]);
    }
  });

  it("keeps an event's zone that the list lacks, under its IANA name", () => {
    const options = timeZoneOptions(english, 'Asia/Kolkata');
    expect(options.at(-1)).toEqual({ value: 'Asia/Kolkata', label: 'Asia/Kolkata' });
    expect(timeZoneOptions(english, 'Asia/Tokyo')).toHaveLength(COMMON_EVENT_TIME_ZONES.length);
  });
});
