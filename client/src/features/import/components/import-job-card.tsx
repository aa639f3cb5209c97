import { Alert, Card, Progress, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportJob } from '@duijie/shared';
import { ImportProblems } from './import-report';

type Props = { job: ImportJob };

/** A real import's progress; when done, links to the boards of the sessions it posted listings to. */
export function ImportJobCard({ job }: Props) {
  const { t } = useTranslation();
  const percent = job.total > 0 ? Math.floor((job.processed / job.total) * 100) : job.state === 'succeeded' ? 100 : 0;
  const sessions = new Map((job.report?.listings.rows ?? []).filter((r) => r.action === 'create').map((r) => [r.sessionId, r.sessionTitle]));
  return (
    <Card size="small" title={t('import.progressTitle')} data-testid="import-job" data-state={job.state} data-percent={percent}>
      <Progress
        percent={percent}
        status={job.state === 'failed' ? 'exception' : job.state === 'succeeded' ? 'success' : 'active'}
        data-testid="import-progress"
      />
      <Typography.Text type="secondary" data-testid="import-progress-text">
        {t('import.progress', { processed: job.processed, total: job.total })}
      </Typography.Text>
      {job.state === 'succeeded' && job.report ? (
        <Result
          status="success"
          title={t('import.done')}
          subTitle={t('import.doneDetail', {
            organisations: job.report.organisations.create,
            listings: job.report.listings.create,
            skipped: job.report.listings.skip,
          })}
          extra={[...sessions].map(([id, title]) => (
            <Link key={id} to={`/sessions/${id}/board`} data-testid="import-board-link">
              {t('import.openBoard', { title })}
            </Link>
          ))}
        />
      ) : null}
      {job.state === 'failed' ? (
        <>
          <Alert type="error" showIcon title={job.error ?? t('import.failed')} style={{ marginTop: 12 }} />
          {job.report && job.report.problems.length > 0 ? <ImportProblems items={job.report.problems} kind="problem" /> : null}
        </>
      ) : null}
    </Card>
  );
}
