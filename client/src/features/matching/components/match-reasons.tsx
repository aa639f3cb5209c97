import { Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatchReason } from '@duijie/shared';
import { useLabels } from '../../../ui/labels';

type Props = { reasons: MatchReason[]; compact?: boolean };

/** "12.5" or "20": points with at most one decimal. */
function points(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Colour of a factor's bar by how much of its weight it earned. */
function fitColour(fit: number): string {
  if (fit >= 0.8) return '#52c41a';
  if (fit >= 0.4) return '#1f5fae';
  if (fit > 0) return '#faad14';
  return '#ff4d4f';
}

/**
 * Why a recommendation scored what it did: each factor, the points it earned of its weight
 * (as a small bar), and the reason in words.
 */
export function MatchReasons({ reasons, compact = false }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <div className={compact ? 'match-reasons match-reasons-compact' : 'match-reasons'} data-testid="match-reasons">
      {reasons.map((reason) => {
        const fit = reason.weight > 0 ? reason.contribution / reason.weight : 0;
        return (
          <div
            key={reason.factor}
            className="match-reason"
            data-testid="match-reason"
            data-factor={reason.factor}
            data-contribution={reason.contribution}
            data-weight={reason.weight}
          >
            <Typography.Text className="match-reason-factor">{labels.matchFactor(reason.factor)}</Typography.Text>
            <Tooltip title={t('matching.pointsOf', { got: points(reason.contribution), of: points(reason.weight) })}>
              <Progress className="match-reason-bar" percent={Math.round(fit * 100)} showInfo={false} size="small" strokeColor={fitColour(fit)} />
            </Tooltip>
            <Typography.Text type="secondary" className="match-reason-points">
              {points(reason.contribution)}/{points(reason.weight)}
            </Typography.Text>
            <Typography.Text className="match-reason-text" data-testid="match-reason-text">
              {reason.text}
            </Typography.Text>
          </div>
        );
      })}
    </div>
  );
}
