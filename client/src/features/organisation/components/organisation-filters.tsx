import { Input, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, ORGANISATION_STATUSES } from '@duijie/shared';
import type { OrganisationKind, OrganisationStatus } from '@duijie/shared';
import { useLabels } from '../../../ui/labels';

export type OrganisationStatusFilter = OrganisationStatus | 'all';

type Props = {
  status: OrganisationStatusFilter;
  onStatusChange: (status: OrganisationStatusFilter) => void;
  kind: OrganisationKind | undefined;
  onKindChange: (kind: OrganisationKind | undefined) => void;
  /** The search text, trimmed; undefined when cleared. */
  onSearch: (q: string | undefined) => void;
};

/** Narrows the organisations by status, kind and a search in their names. */
export function OrganisationFilters({ status, onStatusChange, kind, onKindChange, onSearch }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Space wrap>
      <Segmented<OrganisationStatusFilter>
        value={status}
        onChange={onStatusChange}
        options={[...ORGANISATION_STATUSES.map((s) => ({ value: s, label: labels.orgStatus(s) })), { value: 'all', label: t('board.allStatuses') }]}
      />
      <Select<OrganisationKind>
        allowClear
        style={{ width: 180 }}
        placeholder={t('console.allKinds')}
        value={kind}
        onChange={onKindChange}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: labels.orgKind(k) }))}
      />
      <Input.Search
        allowClear
        style={{ width: 260 }}
        placeholder={t('console.searchOrg')}
        onSearch={(value) => onSearch(value.trim() === '' ? undefined : value.trim())}
      />
    </Space>
  );
}
