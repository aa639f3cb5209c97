// The published producers' directories (生产企业名录): public, no login.
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dayInZone } from '@duijie/shared';
import { PageState } from '../../ui/page-state';
import { PublicShell } from './components/public-shell';
import { usePublicDirectories } from './hooks/use-directory';
import './directory.css';

export function DirectoryListPage() {
  const { t } = useTranslation();
  const list = usePublicDirectories();
  const items = list.data?.items ?? [];
  return (
    <PublicShell>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('directory.listTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('directory.listIntro')}</Typography.Paragraph>
      <PageState loading={list.isPending} error={list.error} onRetry={() => void list.refetch()} empty={items.length === 0} emptyText={t('directory.noneYet')}>
        <List
          grid={{ gutter: 16, xs: 1, sm: 1, md: 2, lg: 3 }}
          dataSource={items}
          renderItem={(d) => (
            <List.Item>
              <Link to={`/directory/${d.id}`} data-testid="directory-card">
                <Card hoverable title={d.title} size="small">
                  <Typography.Paragraph style={{ marginBottom: 4 }}>{d.eventName}</Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {t('directory.cardMeta', { count: d.entryCount, date: d.publishedAt ? dayInZone(d.publishedAt, d.timeZone) : '—' })}
                  </Typography.Text>
                </Card>
              </Link>
            </List.Item>
          )}
        />
      </PageState>
    </PublicShell>
  );
}
