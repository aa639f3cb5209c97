import { Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatchReason } from '@duijie/shared';
import { useGrades, type Grades } from '../../../ui/colours';
import { useLabels } from '../../../ui/labels';

type Props = { reasons: MatchReason[]; compact?: boolean };

/** "12.5" or "20": points with at most one decimal. */
function points(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Colour of a factor's bar by how much of its weight it earned. */
function fitColour(fit: number, grades: Grades): string {
  if (fit >= 0.8) return grades.strong;
  if (fit >= 0.4) return grades.good;
  if (fit > 0) return grades.weak;
  return grades.none;
}

/**
 * Why a recommendation scored what it did: each factor, the points it earned of its weight
 * (as a small bar), and the reason in words.
 */
export function MatchReasons({ reasons, compact = false }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const grades = useGrades();
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
              <Progress className="match-reason-bar" percent={Math.round(fit * 100)} showInfo={false} size="small" strokeColor={fitColour(fit, grades)} />
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
