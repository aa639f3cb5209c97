import { EditOutlined, PlusOutlined, ShopOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Grid, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { regionLabel } from '@duijie/shared';
import type { MatchSession } from '@duijie/shared';
import { useMe } from '../../app/auth';
import { useLanguage } from '../../app/use-language';
import { formatDateRange } from '../../ui/dates';
import { ZoneNote } from '../../ui/zone-note';

import { Money } from '../../ui/money';
import { PageState } from '../../ui/page-state';
import { EventSummaryDownloads } from '../event-summary/components/event-summary-downloads';
import { EventSummaryPanel } from '../event-summary/components/event-summary-panel';
import { EventFormModal } from './components/event-form-modal';
import { SessionFormModal } from './components/session-form-modal';
import { SessionsTable } from './components/sessions-table';
import { useEventDetail, useMyParticipations } from './hooks/use-events';

type SessionDialog = { open: false } | { open: true; session?: MatchSession };

export function EventPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id } = useParams();
  const me = useMe();
  const isOrganiser = me.role === 'organiser';
  const event = useEventDetail(id);
  const participations = useMyParticipations(!isOrganiser);
  const [editingEvent, setEditingEvent] = useState(false);
  const [sessionDialog, setSessionDialog] = useState<SessionDialog>({ open: false });
  // On a phone the event's name wraps whole across the card and its buttons go under it, not beside it.
  const phone = Grid.useBreakpoint().md === false;

  const data = event.data;
  // The supermarket shelves credit and guarantee products: events with a bank–enterprise session.
  const hasSupermarket = (data?.sessions ?? []).some((s) => s.kind === 'bank_enterprise');
  const eventActions = data ? (
    <Space wrap>
      {hasSupermarket ? (
        <Link to={`/events/${data.id}/supermarket`}>
          <Button icon={<ShopOutlined />} data-testid="event-supermarket">
            {t('supermarket.title')}
          </Button>
        </Link>
      ) : null}
      {isOrganiser ? (
        <Button icon={<EditOutlined />} onClick={() => setEditingEvent(true)} data-testid="event-edit">
          {t('common.edit')}
        </Button>
      ) : null}
    </Space>
  ) : null;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/events">{t('events.title')}</Link> }, { title: data?.name ?? '…' }]} />
      <PageState loading={event.isPending} error={event.error} onRetry={() => void event.refetch()}>
        {data ? (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Card
              title={
                <Typography.Title level={3} style={{ margin: 0 }}>
                  {data.name}
                </Typography.Title>
              }
              extra={phone ? undefined : eventActions}
              styles={phone ? { header: { paddingBlock: 12 }, title: { whiteSpace: 'normal' } } : undefined}
            >
              {phone ? <div style={{ marginBottom: 12 }}>{eventActions}</div> : null}
              <Descriptions column={{ xs: 1, md: 2, xl: 4 }} size="small">
                <Descriptions.Item label={t('fields.province')}>{regionLabel(data.province, lang)}</Descriptions.Item>
                <Descriptions.Item label={t('fields.eventDates')}>{formatDateRange(data.startDate, data.endDate)}</Descriptions.Item>
                <Descriptions.Item label={t('fields.targetAmount')}>
                  <Money yuan={data.targetAmount} />
                </Descriptions.Item>
                <Descriptions.Item label={t('events.organiser')}>{data.organiserName}</Descriptions.Item>
                {data.applicationAnswerHours ? (
                  <Descriptions.Item label={t('fields.applicationAnswerHours')}>
                    {t('units.hoursCount', { count: data.applicationAnswerHours })}
                  </Descriptions.Item>
                ) : null}
                {data.meetingAnswerHours ? (
                  <Descriptions.Item label={t('fields.meetingAnswerHours')}>{t('units.hoursCount', { count: data.meetingAnswerHours })}</Descriptions.Item>
                ) : null}
              </Descriptions>
              {data.description ? (
                <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{data.description}</Typography.Paragraph>
              ) : null}
            </Card>
            <Card
              title={t('sessions.title')}
              extra={
                isOrganiser ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setSessionDialog({ open: true })} data-testid="session-create">
                    {t('sessions.create')}
                  </Button>
                ) : null
              }
            >
              <PageState
                loading={!isOrganiser && participations.isPending}
                error={isOrganiser ? undefined : participations.error}
                empty={data.sessions.length === 0}
                emptyText={t('sessions.empty')}
                onRetry={() => void participations.refetch()}
              >
                <ZoneNote zone={data.timeZone} at={data.sessions[0]?.startsAt} variant="page" />
                <SessionsTable
                  sessions={data.sessions}
                  me={me}
                  participations={participations.data ?? []}
                  onEdit={(session) => setSessionDialog({ open: true, session })}
                />
              </PageState>
            </Card>
            {/* The supply and demand summary: organisers preview and publish it, participants download what was published. */}
            {isOrganiser ? <EventSummaryPanel eventId={data.id} /> : <EventSummaryDownloads eventId={data.id} />}
          </Space>
        ) : null}
      </PageState>
      {isOrganiser && data ? (
        <>
          <EventFormModal open={editingEvent} event={data} onClose={() => setEditingEvent(false)} />
          <SessionFormModal
            open={sessionDialog.open}
            eventId={data.id}
            session={sessionDialog.open ? sessionDialog.session : undefined}
            onClose={() => setSessionDialog({ open: false })}
          />
        </>
      ) : null}
    </>
  );
}
