import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObligationState, ObligationTiming } from '@duijie/shared';
import { timingTag } from '../statistics-values';

const STATE_COLOURS: Record<ObligationState, string> = { open: 'default', submitted: 'blue', accepted: 'green', returned: 'orange', waived: 'default' };
const TIMING_COLOURS = { overdue: 'red', due_soon: 'gold', late: 'volcano' } as const;

/** A form's state (待填报, 待审核, 已确认, 已退回 …) and, while owed, 逾期 or 即将到期; once filed late, 逾期报送. */
export function FormStateTags({ state, timing }: { state: ObligationState; timing: ObligationTiming }) {
  const { t } = useTranslation();
  const tag = timingTag(state, timing);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color={STATE_COLOURS[state]} data-testid="statistics-state" data-state={state}>
        {t(`statistics.states.${state}`)}
      </Tag>
      {tag ? (
        <Tag color={TIMING_COLOURS[tag]} data-testid="statistics-timing" data-timing={tag}>
          {t(`statistics.timings.${tag}`)}
        </Tag>
      ) : null}
    </span>
  );
}
