import { COMMON_EVENT_TIME_ZONES } from '@duijie/shared';
import type { TFunction } from 'i18next';

export type TimeZoneOption = { value: string; label: string };

/**
 * The zones an event may be held in, Asia/Shanghai first, each named in the user's language with
 * its IANA name; a zone set through the API that the list lacks is kept so an edit does not lose it.
 */
export function timeZoneOptions(t: TFunction, current?: string): TimeZoneOption[] {
  const common: readonly string[] = COMMON_EVENT_TIME_ZONES;
  const zones = current && !common.includes(current) ? [...common, current] : common;
  return zones.map((zone) => {
    const name = t(`fields.timeZones.${zone}`, { defaultValue: zone });
    return { value: zone, label: name === zone ? zone : `${name} · ${zone}` };
  });
}
