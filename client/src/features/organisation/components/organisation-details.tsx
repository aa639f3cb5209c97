import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { regionLabel } from '@duijie/shared';
import type { Organisation } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { EVENT_TIME_ZONE, formatDateTime } from '../../../ui/dates';
import { industryLabel } from '../../../ui/industry-select';
import { useLabels } from '../../../ui/labels';
import { OrganisationStatusTag } from '../../../ui/status-tag';

type Props = { organisation: Organisation };

export function OrganisationDetails({ organisation: org }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      <Descriptions.Item label={t('fields.orgName')}>{org.name}</Descriptions.Item>
      <Descriptions.Item label={t('fields.status')}>
        <OrganisationStatusTag status={org.status} />
        {org.rejectReason ? ` ${org.rejectReason}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.creditCode')}>
        <span style={{ fontFamily: 'monospace' }}>{org.creditCode}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.orgKind')}>{labels.orgKind(org.kind)}</Descriptions.Item>
      <Descriptions.Item label={t('fields.industry')}>{industryLabel(org.industry, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('fields.orgSize')}>{labels.orgSize(org.size)}</Descriptions.Item>
      <Descriptions.Item label={t('fields.region')}>{regionLabel(org.region, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('fields.contactName')}>{org.contactName}</Descriptions.Item>
      <Descriptions.Item label={t('fields.contactPhone')}>{org.contactPhone}</Descriptions.Item>
      <Descriptions.Item label={t('fields.createdAt')}>{formatDateTime(org.createdAt, EVENT_TIME_ZONE)}</Descriptions.Item>
    </Descriptions>
  );
}
