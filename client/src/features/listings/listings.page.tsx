import { BulbOutlined, EditOutlined, HistoryOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LISTING_OPEN_STATUSES, LISTING_TYPES, LISTING_TYPES_BY_ROLE } from '@duijie/shared';
import type { ListingType, ListingView } from '@duijie/shared';
import { useMe } from '../../app/auth';
import { formatDateTime } from '../../ui/dates';
import { useLabels } from '../../ui/labels';
import { PageState } from '../../ui/page-state';
import { ReasonModal } from '../../ui/reason-modal';
import { ListingStatusTag } from '../../ui/status-tag';
import { rowTestId } from '../../ui/test-id';
import { useFailureHandler } from '../../ui/use-failure';
import { useMyParticipations } from '../events/hooks/use-events';
import { RecommendationsDrawer } from '../matching/components/recommendations-drawer';
import { HistoryDrawer } from './components/history-drawer';
import { ListingDetails, ListingKeyFields } from './components/listing-fields';
import { ListingFormModal } from './components/listing-form-modal';
import type { SessionChoice } from './components/listing-form-modal';
import { useMyListings, useReloadListings, useSessionsById, useWithdrawListing } from './hooks/use-listings';

type Dialog = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; listing: ListingView };

export function MyListingsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const presetSession = params.get('session') ?? undefined;
  const listings = useMyListings();
  const participations = useMyParticipations(me.role !== 'organiser');
  const withdraw = useWithdrawListing();
  const reload = useReloadListings();
  const onFailure = useFailureHandler();
  const [dialog, setDialog] = useState<Dialog>(() => (presetSession ? { kind: 'create' } : { kind: 'none' }));
  const [withdrawing, setWithdrawing] = useState<ListingView | null>(null);
  const [historyOf, setHistoryOf] = useState<ListingView | null>(null);
  // The listing whose recommendations are open lives in the URL (?matches=id), so a match notice can link to it.
  const matchesOf = params.get('matches');
  const recommendationsFor = (listings.data ?? []).find((l) => l.id === matchesOf) ?? null;
  const showMatches = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id === null) next.delete('matches');
    else next.set('matches', id);
    setParams(next, { replace: id === null });
  };

  const approved = useMemo(() => (participations.data ?? []).filter((p) => p.status === 'approved'), [participations.data]);
  const sessions = useSessionsById([...approved.map((p) => p.sessionId), ...(listings.data ?? []).map((l) => l.sessionId)]);

  const choices: SessionChoice[] = [];
  for (const sessionId of new Set(approved.map((p) => p.sessionId))) {
    const session = sessions.get(sessionId);
    if (!session) continue;
    const allowed = new Set<ListingType>(approved.filter((p) => p.sessionId === sessionId).flatMap((p) => LISTING_TYPES_BY_ROLE[p.role]));
    choices.push({ session, types: LISTING_TYPES.filter((type) => allowed.has(type)) });
  }
  const canCreate = choices.some((c) => LISTING_OPEN_STATUSES.includes(c.session.status));

  const closeDialog = () => {
    setDialog({ kind: 'none' });
    if (presetSession) {
      const next = new URLSearchParams(params);
      next.delete('session');
      setParams(next, { replace: true });
    }
  };

  const sessionEditable = (listing: ListingView) => {
    const session = sessions.get(listing.sessionId);
    return listing.status === 'open' && (!session || LISTING_OPEN_STATUSES.includes(session.status));
  };

  const columns: TableColumnsType<ListingView> = [
    {
      title: t('fields.session'),
      dataIndex: 'sessionId',
      render: (_v, l) => {
        const session = sessions.get(l.sessionId);
        return <Link to={`/sessions/${l.sessionId}/board`}>{session?.title ?? t('listing.sessionLink')}</Link>;
      },
    },
    { title: t('fields.listingType'), dataIndex: 'type', render: (_v, l) => <Tag>{labels.listingType(l.type)}</Tag> },
    { title: t('fields.listingTitle'), dataIndex: 'title' },
    { title: t('board.keyFields'), key: 'fields', render: (_v, l) => <ListingKeyFields listing={l} /> },
    { title: t('fields.status'), dataIndex: 'status', render: (_v, l) => <ListingStatusTag status={l.status} /> },
    {
      title: t('fields.updatedAt'),
      dataIndex: 'updatedAt',
      render: (_v, l) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(l.updatedAt)}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, l) => {
        const editable = sessionEditable(l);
        return (
          <Space size={4} wrap>
            <Tooltip title={l.status === 'open' ? undefined : t('matching.onlyOpen')}>
              <Button
                size="small"
                type="primary"
                ghost
                icon={<BulbOutlined />}
                disabled={l.status !== 'open'}
                onClick={() => showMatches(l.id)}
                data-testid="listing-matches"
              >
                {t('matching.open')}
              </Button>
            </Tooltip>
            <Tooltip title={editable ? undefined : t('listing.notEditable')}>
              <Button
                size="small"
                icon={<EditOutlined />}
                disabled={!editable}
                onClick={() => setDialog({ kind: 'edit', listing: l })}
                data-testid="listing-edit"
              >
                {t('common.edit')}
              </Button>
            </Tooltip>
            <Button size="small" danger icon={<StopOutlined />} disabled={!editable} onClick={() => setWithdrawing(l)} data-testid="listing-withdraw">
              {t('listing.withdraw')}
            </Button>
            <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistoryOf(l)} data-testid="listing-history">
              {t('listing.history')}
            </Button>
          </Space>
        );
      },
    },
  ];

  const createButton = (
    <Tooltip title={canCreate ? undefined : t('listing.createBlocked')}>
      <Button type="primary" icon={<PlusOutlined />} disabled={!canCreate} onClick={() => setDialog({ kind: 'create' })} data-testid="listing-create">
        {t('listing.create')}
      </Button>
    </Tooltip>
  );

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('listing.myTitle')}
        </Typography.Title>
        {me.role === 'organiser' ? null : createButton}
      </Flex>
      <PageState
        loading={listings.isPending}
        error={listings.error}
        empty={listings.data?.length === 0}
        emptyText={t('listing.empty')}
        onRetry={() => void listings.refetch()}
      >
        <Table<ListingView>
          rowKey="id"
          columns={columns}
          dataSource={listings.data}
          onRow={(l) => rowTestId('my-listing-row', { 'data-listing-id': l.id })}
          expandable={{ expandedRowRender: (l) => <ListingDetails listing={l} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
        />
      </PageState>
      <ListingFormModal
        open={dialog.kind !== 'none'}
        choices={choices}
        listing={dialog.kind === 'edit' ? dialog.listing : undefined}
        initialSessionId={presetSession}
        onClose={closeDialog}
      />
      <ReasonModal
        open={withdrawing !== null}
        title={t('listing.withdrawTitle')}
        description={withdrawing ? t('listing.withdrawBody', { title: withdrawing.title }) : undefined}
        required={false}
        okText={t('listing.withdraw')}
        loading={withdraw.isPending}
        onCancel={() => setWithdrawing(null)}
        onSubmit={(reason) => {
          if (!withdrawing) return;
          const listing = withdrawing;
          withdraw.mutate(
            { listing, input: { version: listing.version, reason: reason === '' ? undefined : reason } },
            {
              onSuccess: () => {
                void message.success(t('listing.withdrawn'));
                setWithdrawing(null);
              },
              onError: (error) =>
                onFailure(error, {
                  onStale: () => {
                    void reload(listing);
                    setWithdrawing(null);
                  },
                }),
            },
          );
        }}
      />
      <RecommendationsDrawer listing={recommendationsFor} onClose={() => showMatches(null)} />
      <HistoryDrawer listingId={historyOf?.id ?? null} title={historyOf?.title} onClose={() => setHistoryOf(null)} />
    </>
  );
}
