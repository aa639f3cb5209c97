import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatOffset, zoneDiffersFromDevice, zoneOffsetMinutes } from './dates';

type Props = {
  /** The event's IANA zone (MatchEvent.timeZone). */
  zone: string;
  /** The instant the times are about (offsets differ around daylight-saving changes); now by default. */
  at?: string | Date | null;
  /** `inline` beside one time; `page` a line under a page's or card's title about all its times. */
  variant?: 'inline' | 'page';
};

/**
 * Names the event's time zone beside its times — only when the device's clocks differ from the
 * event's at that instant (a laptop set to UTC at an event in Xining); otherwise nothing.
 */
export function ZoneNote({ zone, at, variant = 'inline' }: Props) {
  const { t } = useTranslation();
  const instant = at ?? new Date();
  if (!zoneDiffersFromDevice(zone, instant)) return null;
  const name = t(`fields.timeZones.${zone}`, { defaultValue: zone });
  const offset = formatOffset(zoneOffsetMinutes(zone, instant));
  return (
    <Typography.Text
      type="secondary"
      className="zone-note"
      data-testid="zone-note"
      style={variant === 'inline' ? { fontSize: 12 } : { display: 'block', marginBottom: 8 }}
    >
      {variant === 'page' ? t('zone.page', { name, zone, offset }) : t('zone.inline', { name, offset })}
    </Typography.Text>
  );
}
