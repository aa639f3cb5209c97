import { Button, Card, Col, Flex, List, Rate, Row, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatableDealing } from '@duijie/shared';
import { useMe } from '../../app/auth';
import { EVENT_TIME_ZONE, formatDateTime } from '../../ui/dates';
import { PageState } from '../../ui/page-state';
import { RateModal } from './components/rate-modal';
import { Scores } from './components/scores';
import { useMyInstitutionRatings, useRatableDealings } from './hooks/use-ratings';
import { formatAverage, RATED_KINDS, RATER_KINDS, starsOf } from './kinds';

/** 服务评价: enterprises rate the institutions they dealt with; institutions read what they received. */
export function MyRatingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (RATER_KINDS.includes(me.organisation.kind)) return <RateInstitutions />;
  if (RATED_KINDS.includes(me.organisation.kind)) return <ReceivedRatings />;
  return <PageState loading={false} empty emptyText={t('ratings.notForKind')} />;
}

type Show = 'todo' | 'done';

/** The enterprise's dealings with institutions: the ones still to rate, and the ratings given. */
function RateInstitutions() {
  const { t } = useTranslation();
  const dealings = useRatableDealings();
  const [show, setShow] = useState<Show>('todo');
  const [rating, setRating] = useState<RatableDealing | null>(null);
  const all = dealings.data ?? [];
  const todo = all.filter((d) => d.rating === null);
  const done = all.filter((d) => d.rating !== null);
  const items = show === 'todo' ? todo : done;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('ratings.rateTitlePage')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('ratings.rateIntro')}</Typography.Text>
      </div>
      <PageState
        loading={dealings.isPending}
        error={dealings.error}
        onRetry={() => void dealings.refetch()}
        empty={all.length === 0}
        emptyText={t('ratings.noDealings')}
      >
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Segmented<Show>
            value={show}
            onChange={setShow}
            options={[
              { value: 'todo', label: t('ratings.toRate', { count: todo.length }) },
              { value: 'done', label: t('ratings.ratedTab', { count: done.length }) },
            ]}
            data-testid="ratings-show"
          />
          <Card size="small" styles={{ body: { paddingBlock: 0 } }}>
            <List
              dataSource={items}
              locale={{ emptyText: show === 'todo' ? t('ratings.allRated') : t('ratings.noneRated') }}
              renderItem={(d) => <DealingRow dealing={d} onRate={() => setRating(d)} />}
            />
          </Card>
        </Space>
      </PageState>
      <RateModal dealing={rating} onClose={() => setRating(null)} />
    </Space>
  );
}

function DealingRow({ dealing, onRate }: { dealing: RatableDealing; onRate: () => void }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid={`dealing-${dealing.dealingId}`}>
      <Flex wrap justify="space-between" align="center" gap="small" style={{ width: '100%' }}>
        <Space orientation="vertical" size={2} style={{ minWidth: 0, flex: '1 1 280px' }}>
          <Typography.Text strong>{dealing.institutionName}</Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: dealing.title }}>
            <Tag>{t(`ratings.dealing.${dealing.dealing}`)}</Tag>
            {dealing.title} · {formatDateTime(dealing.at, EVENT_TIME_ZONE)}
          </Typography.Text>
          {dealing.rating?.comment ? <Typography.Text italic>“{dealing.rating.comment}”</Typography.Text> : null}
        </Space>
        {dealing.rating ? (
          <Space orientation="vertical" size={0} align="end" data-testid="dealing-rating">
            <Rate disabled allowHalf value={starsOf(dealing.rating)} style={{ fontSize: 16 }} />
            <Typography.Text type="secondary">{t('ratings.ratedOn', { at: formatDateTime(dealing.rating.createdAt, EVENT_TIME_ZONE) })}</Typography.Text>
          </Space>
        ) : (
          <Button type="primary" onClick={onRate} data-testid={`rate-open-${dealing.dealingId}`}>
            {t('ratings.rate')}
          </Button>
        )}
      </Flex>
    </List.Item>
  );
}

const PAGE_SIZE = 10;

/** The institution's own average and the ratings it received, newest first, without the raters. */
function ReceivedRatings() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const mine = useMyInstitutionRatings(page, PAGE_SIZE);
  const summary = mine.data?.summary;
  const ratings = mine.data?.ratings;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('ratings.receivedTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('ratings.receivedIntro')}</Typography.Text>
      </div>
      <PageState loading={mine.isPending} error={mine.error} onRetry={() => void mine.refetch()}>
        {summary && ratings ? (
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Card size="small" data-testid="ratings-summary">
              <Row gutter={[16, 16]}>
                <Col xs={24} md={8}>
                  <Statistic title={t('ratings.overall')} value={formatAverage(summary.overall)} suffix={summary.overall === null ? undefined : '/ 5'} />
                  <Rate disabled allowHalf value={summary.overall === null ? 0 : Math.round(summary.overall * 2) / 2} />
                  <div>
                    <Typography.Text type="secondary">{t('ratings.count', { count: summary.count })}</Typography.Text>
                  </div>
                </Col>
                {(['speed', 'attitude', 'terms'] as const).map((field) => (
                  <Col key={field} xs={8} md={5}>
                    <Statistic title={t(`ratings.fields.${field}`)} value={formatAverage(summary[field])} />
                  </Col>
                ))}
              </Row>
            </Card>
            <Card size="small" title={t('ratings.comments')} styles={{ body: { paddingBlock: 0 } }}>
              <List
                dataSource={ratings.items}
                locale={{ emptyText: t('ratings.noneReceived') }}
                pagination={
                  ratings.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: ratings.total, onChange: setPage, showSizeChanger: false } : false
                }
                renderItem={(r) => (
                  <List.Item data-testid={`received-${r.id}`}>
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <Flex wrap justify="space-between" gap="small">
                        <Space size="small">
                          <Tag>{t(`ratings.dealing.${r.dealing}`)}</Tag>
                          <Typography.Text type="secondary">{formatDateTime(r.createdAt, EVENT_TIME_ZONE)}</Typography.Text>
                        </Space>
                        <Rate disabled allowHalf value={starsOf(r)} style={{ fontSize: 14 }} />
                      </Flex>
                      <Scores rating={r} />
                      {r.comment ? (
                        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.comment}</Typography.Paragraph>
                      ) : (
                        <Typography.Text type="secondary">{t('ratings.noComment')}</Typography.Text>
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Space>
        ) : null}
      </PageState>
    </Space>
  );
}
