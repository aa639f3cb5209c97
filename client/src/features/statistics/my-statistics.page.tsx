import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatisticsForm } from '@duijie/shared';
import { PageState } from '../../ui/page-state';
import { FormDrawer } from './components/form-drawer';
import { FormStateTags } from './components/form-tags';
import { useMyStatisticsForms } from './hooks/use-statistics';
import { formEditable } from './statistics-values';

/** The institution's 统计报表: the forms it owes or filed for each reporting period, soonest due first. */
export function MyStatisticsPage() {
  const { t } = useTranslation();
  const mine = useMyStatisticsForms();
  const [openId, setOpenId] = useState<string | null>(null);
  const items = mine.data ?? [];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('statistics.myTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('statistics.myIntro')}</Typography.Text>
      </div>
      <PageState loading={mine.isPending} error={mine.error} onRetry={() => void mine.refetch()} empty={items.length === 0} emptyText={t('statistics.myEmpty')}>
        <List<StatisticsForm>
          grid={{ gutter: 16, xs: 1, md: 2, xl: 3 }}
          dataSource={items}
          renderItem={(f) => {
            const o = f.obligation;
            const owed = formEditable(o.state);
            return (
              <List.Item>
                <Card
                  size="small"
                  title={f.periodName}
                  // A long period name wraps rather than being cut on a phone.
                  styles={{ title: { whiteSpace: 'normal' } }}
                  extra={<FormStateTags state={o.state} timing={o.timing} />}
                  data-testid={`statistics-my-${f.id}`}
                  actions={[
                    <Button key="open" type={owed ? 'primary' : 'link'} onClick={() => setOpenId(f.id)} data-testid={`statistics-open-${f.id}`}>
                      {o.state === 'returned' ? t('statistics.correct') : owed ? t('statistics.fill') : t('statistics.view')}
                    </Button>,
                  ]}
                >
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    <Typography.Text type="secondary">
                      {t(`statistics.classes.${f.class}`)} · {f.periodSpan.startsOn} ~ {f.periodSpan.endsOn}
                    </Typography.Text>
                    <Typography.Text>{t('statistics.dueLine', { day: o.dueOn, zone: o.timeZone })}</Typography.Text>
                    {f.versions.length > 0 ? (
                      <Typography.Text type="secondary">{t('statistics.versionsFiled', { count: f.versions.length })}</Typography.Text>
                    ) : null}
                    {o.state === 'returned' && o.returnReason ? (
                      <Alert type="error" showIcon title={t('statistics.returnedShort')} description={o.returnReason} />
                    ) : null}
                  </Space>
                </Card>
              </List.Item>
            );
          }}
        />
      </PageState>
      <FormDrawer formId={openId} onClose={() => setOpenId(null)} />
    </Space>
  );
}
