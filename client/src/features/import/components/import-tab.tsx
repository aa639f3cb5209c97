import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Result, Select, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportRefused, ImportReport } from '@duijie/shared';
import { downloadFile, isApiFailure } from '../../../api/client';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useEvents } from '../../events/hooks/use-events';
import { useImportDryRun, useImportJob, useStartImport } from '../hooks/use-import';
import { ImportProblems, ImportReportView } from './import-report';

const TEMPLATES = [
  { key: 'xlsx', path: '/import/template.xlsx', file: 'templateXlsxFile' },
  { key: 'organisations', path: '/import/template-organisations.csv', file: 'templateOrganisationsFile' },
  { key: 'listings', path: '/import/template-listings.csv', file: 'templateListingsFile' },
] as const;

/** The 422 of a real import refused for its problems carries the report. */
function refusedReport(error: unknown): ImportReport | null {
  if (!isApiFailure(error) || error.status !== 422) return null;
  return (error.body as Partial<ImportRefused>).report ?? null;
}

type Picked = { uid: string; file: File };

/**
 * The organiser's bulk import: pick an event, download a template, upload the filled-in
 * workbook (or CSV files), check it (a dry run that shows every problem), then import it and
 * watch the job's progress to the end.
 */
export function ImportTab() {
  const { t } = useTranslation();
  const events = useEvents();
  const onFailure = useFailureHandler();
  const [eventId, setEventId] = useState<string | undefined>(undefined);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const dryRun = useImportDryRun();
  const start = useStartImport();
  const job = useImportJob(jobId);

  const reset = () => {
    setReport(null);
    setJobId(null);
  };
  const files = picked.map((p) => p.file);
  const fileList: UploadFile[] = picked.map((p) => ({ uid: p.uid, name: p.file.name, status: 'done' }));

  const check = () => {
    if (!eventId) return;
    reset();
    dryRun.mutate({ eventId, files }, { onSuccess: setReport, onError: (error) => onFailure(error) });
  };

  const importNow = () => {
    if (!eventId) return;
    start.mutate(
      { eventId, files },
      {
        onSuccess: (started) => setJobId(started.id),
        onError: (error) => {
          const refused = refusedReport(error);
          if (refused) setReport(refused);
          else onFailure(error);
        },
      },
    );
  };

  const running = job.data;
  const percent = running && running.total > 0 ? Math.floor((running.processed / running.total) * 100) : running?.state === 'succeeded' ? 100 : 0;
  const sessions = new Map((running?.report?.listings.rows ?? []).filter((r) => r.action === 'create').map((r) => [r.sessionId, r.sessionTitle]));
  const nothingToDo =
    report !== null && report.organisations.create + report.listings.create + report.participations.create + report.participations.approve === 0;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Select<string>
        style={{ width: 320 }}
        placeholder={t('console.pickEvent')}
        loading={events.isPending}
        value={eventId}
        onChange={(id) => {
          setEventId(id);
          reset();
        }}
        options={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="import-event-picker"
      />
      <Card size="small" title={t('import.templatesTitle')}>
        <Typography.Paragraph type="secondary">{t('import.templatesHint')}</Typography.Paragraph>
        <Space wrap>
          {TEMPLATES.map((template) => (
            <Button
              key={template.key}
              icon={<DownloadOutlined />}
              onClick={() => void downloadFile(template.path, t(`import.${template.file}`)).catch((error: unknown) => onFailure(error))}
              data-testid={`import-template-${template.key}`}
            >
              {t(`import.template.${template.key}`)}
            </Button>
          ))}
        </Space>
      </Card>
      {eventId ? (
        <Card size="small" title={t('import.uploadTitle')}>
          <div data-testid="import-upload">
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple
              maxCount={2}
              fileList={fileList}
              beforeUpload={(file) => {
                setPicked((before) => [...before, { uid: file.uid, file }].slice(-2));
                reset();
                return false;
              }}
              onRemove={(file) => {
                setPicked((before) => before.filter((p) => p.uid !== file.uid));
                reset();
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.uploadText')}</p>
              <p className="ant-upload-hint">{t('import.uploadHint')}</p>
            </Upload.Dragger>
          </div>
          <Space style={{ marginTop: 12 }}>
            <Button onClick={check} disabled={files.length === 0 || jobId !== null} loading={dryRun.isPending} data-testid="import-check">
              {t('import.check')}
            </Button>
            <Button
              type="primary"
              onClick={importNow}
              disabled={report === null || report.problems.length > 0 || nothingToDo || jobId !== null}
              loading={start.isPending}
              data-testid="import-confirm"
            >
              {t('import.confirm')}
            </Button>
          </Space>
        </Card>
      ) : (
        <PageState loading={false} empty emptyText={t('import.pickEventFirst')} />
      )}
      {running ? (
        <Card size="small" title={t('import.progressTitle')} data-testid="import-job" data-state={running.state} data-percent={percent}>
          <Progress
            percent={percent}
            status={running.state === 'failed' ? 'exception' : running.state === 'succeeded' ? 'success' : 'active'}
            data-testid="import-progress"
          />
          <Typography.Text type="secondary" data-testid="import-progress-text">
            {t('import.progress', { processed: running.processed, total: running.total })}
          </Typography.Text>
          {running.state === 'succeeded' && running.report ? (
            <Result
              status="success"
              title={t('import.done')}
              subTitle={t('import.doneDetail', {
                organisations: running.report.organisations.create,
                listings: running.report.listings.create,
                skipped: running.report.listings.skip,
              })}
              extra={[...sessions].map(([id, title]) => (
                <Link key={id} to={`/sessions/${id}/board`} data-testid="import-board-link">
                  {t('import.openBoard', { title })}
                </Link>
              ))}
            />
          ) : null}
          {running.state === 'failed' ? (
            <>
              <Alert type="error" showIcon title={running.error ?? t('import.failed')} style={{ marginTop: 12 }} />
              {running.report && running.report.problems.length > 0 ? <ImportProblems items={running.report.problems} kind="problem" /> : null}
            </>
          ) : null}
        </Card>
      ) : null}
      {report && !running ? (
        <>
          {report.problems.length === 0 ? (
            <Alert type={nothingToDo ? 'info' : 'success'} showIcon title={t(nothingToDo ? 'import.nothingToDo' : 'import.ready')} />
          ) : null}
          <ImportReportView report={report} />
        </>
      ) : null}
    </Space>
  );
}
