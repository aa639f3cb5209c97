import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyResponse } from '@duijie/shared';

const COLOURS: Record<SurveyResponse['state'], string> = { open: 'default', submitted: 'blue', accepted: 'green', returned: 'orange', waived: 'default' };

/** A response's state, and overdue when it is still owed past its deadline. */
export function ResponseStateTag({ response }: { response: Pick<SurveyResponse, 'state' | 'timing'> }) {
  const { t } = useTranslation();
  const owed = response.state === 'open' || response.state === 'returned';
  return (
    <>
      <Tag color={COLOURS[response.state]}>{t(`surveys.responseStates.${response.state}`)}</Tag>
      {owed && response.timing === 'overdue' ? <Tag color="red">{t('surveys.overdue')}</Tag> : null}
      {owed && response.timing === 'due_soon' ? <Tag color="gold">{t('surveys.dueSoon')}</Tag> : null}
    </>
  );
}
