import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Money } from '../../ui/money';
import { PageState } from '../../ui/page-state';
import { EVENT_TIME_ZONE, formatDateTime } from '../../ui/dates';
import { AwardReasons } from './components/award-reasons';
import { useMyRewardAwards } from './hooks/use-rewards';
import { byPeriod } from './reward-values';

/**
 * 我的奖励: the caller's organisation's awards in approved runs, by period, each under the program
 * it was computed by, with every rule's and scheme's name, amount and the lines that explain it.
 */
export function MyRewardsPage() {
  const { t } = useTranslation();
  const awards = useMyRewardAwards();
  const list = awards.data ?? [];
  const total = list.reduce((sum, a) => sum + a.amount, 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('rewards.myTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('rewards.myHint')}</Typography.Paragraph>
      <PageState
        loading={awards.isPending}
        error={awards.error}
        onRetry={() => void awards.refetch()}
        empty={list.length === 0}
        emptyText={t('rewards.myEmpty')}
      >
        <Typography.Text>
          {t('rewards.myTotal')}
          <Typography.Text strong data-testid="my-rewards-total">
            <Money yuan={total} />
          </Typography.Text>
        </Typography.Text>
        {byPeriod(list).map((group) => (
          <section key={group.periodName} style={{ marginTop: 16 }} data-testid="my-rewards-period">
            <Space wrap align="baseline" style={{ marginBottom: 8 }}>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {group.periodName}
              </Typography.Title>
              {group.awards.length > 1 ? (
                <Typography.Text type="secondary">
                  {t('rewards.myPeriodTotal')}
                  <Money yuan={group.amount} />
                </Typography.Text>
              ) : null}
            </Space>
            {group.awards.map((a) => (
              <Card
                key={a.runId}
                size="small"
                style={{ marginBottom: 12 }}
                // The amount, class and program wrap over several lines on a phone: room above and below them.
                styles={{ header: { paddingBlock: 8 } }}
                data-testid={`my-reward-${a.runId}`}
                title={
                  <Space wrap size={[8, 0]} style={{ whiteSpace: 'normal' }}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      <Money yuan={a.amount} />
                    </Typography.Text>
                    <Tag>{t(`rewards.classes.${a.class}`)}</Tag>
                    <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                      {t('rewards.myProgram', { name: a.programName })}
                    </Typography.Text>
                  </Space>
                }
                extra={
                  a.paidAt ? (
                    <Tag color="green">{t('rewards.paidOn', { at: formatDateTime(a.paidAt, EVENT_TIME_ZONE) })}</Tag>
                  ) : (
                    <Tag color="gold">{t('rewards.awaitingPayment')}</Tag>
                  )
                }
              >
                <AwardReasons award={a} />
              </Card>
            ))}
          </section>
        ))}
      </PageState>
    </Space>
  );
}
