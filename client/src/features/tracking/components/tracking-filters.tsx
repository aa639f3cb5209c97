import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDUSTRY_CHAINS, type MatchSession, type TrackingQuery } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { useOrganisations } from '../../organisation/hooks/use-organisations';

type Props = {
  sessions: MatchSession[];
  query: TrackingQuery;
  onChange: (query: TrackingQuery) => void;
};

/** Session, chain, organisation (any party) and bank (the lender) filters of the tracking table. */
export function TrackingFilters({ sessions, query, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [search, setSearch] = useState('');
  const banks = useOrganisations({ status: 'approved', kind: 'bank', pageSize: 100 });
  const organisations = useOrganisations({ status: 'approved', q: search || undefined, pageSize: 50 });
  const set = (patch: Partial<TrackingQuery>) => onChange({ ...query, ...patch, page: 1 });
  const filtered = query.sessionId || query.chain || query.organisationId || query.bankId || query.state;

  return (
    <Space wrap>
      <Select<string>
        allowClear
        style={{ width: 220 }}
        placeholder={t('tracking.filterSession')}
        value={query.sessionId}
        onChange={(sessionId) => set({ sessionId })}
        options={sessions.map((s) => ({ value: s.id, label: s.title }))}
        data-testid="tracking-filter-session"
      />
      <Select<string>
        allowClear
        style={{ width: 220 }}
        placeholder={t('tracking.filterChain')}
        value={query.chain}
        onChange={(chain) => set({ chain })}
        options={[
          ...INDUSTRY_CHAINS.map((c) => ({ value: c.code, label: lang === 'en' ? c.nameEn : c.name })),
          { value: 'other', label: t('tracking.chainOther') },
        ]}
        popupMatchSelectWidth={false}
        data-testid="tracking-filter-chain"
      />
      <Select<string>
        allowClear
        showSearch={{ filterOption: false, onSearch: setSearch }}
        style={{ width: 220 }}
        placeholder={t('tracking.filterOrganisation')}
        value={query.organisationId}
        onChange={(organisationId) => set({ organisationId })}
        loading={organisations.isFetching}
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        data-testid="tracking-filter-organisation"
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 200 }}
        placeholder={t('tracking.filterBank')}
        value={query.bankId}
        onChange={(bankId) => set({ bankId })}
        loading={banks.isPending}
        options={(banks.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        data-testid="tracking-filter-bank"
      />
      {filtered ? (
        <Button onClick={() => onChange({ page: 1, pageSize: query.pageSize })} data-testid="tracking-filter-reset">
          {t('tracking.resetFilters')}
        </Button>
      ) : null}
    </Space>
  );
}
