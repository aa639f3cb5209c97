import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlatformFigure } from '@duijie/shared';
import { Money, Rate } from '../../../ui/money';
import { platformEntries, platformFigureType } from '../statistics-values';

/** One platform figure: an amount, a share, or a number (rating average to two decimals, a count). */
export function PlatformValue({ figure, value }: { figure: PlatformFigure; value: number }) {
  const type = platformFigureType(figure);
  if (type === 'yuan') return <Money yuan={value} />;
  if (type === 'bp') return <Rate bp={value} />;
  return <span>{figure === 'platform.ratingAverage' ? value.toFixed(2) : String(value)}</span>;
}

/** What the platform itself knows of the institution, read-only beside the figures it reports (平台数据). */
export function PlatformFigures({ platform, compact = false }: { platform: Partial<Record<PlatformFigure, number>>; compact?: boolean }) {
  const { t } = useTranslation();
  const entries = platformEntries(platform);
  const body =
    entries.length === 0 ? (
      <Typography.Text type="secondary">{t('statistics.platformNone')}</Typography.Text>
    ) : (
      <Descriptions
        size="small"
        column={1}
        items={entries.map(({ key, value }) => ({
          key,
          label: t(`statistics.platform.${key.slice('platform.'.length)}`),
          children: <PlatformValue figure={key} value={value} />,
        }))}
      />
    );
  if (compact) return body;
  return (
    <Card size="small" title={t('statistics.platformTitle')} data-testid="statistics-platform" style={{ background: 'rgba(0,0,0,0.02)' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('statistics.platformHint')}
      </Typography.Paragraph>
      {body}
    </Card>
  );
}
