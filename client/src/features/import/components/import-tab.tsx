import { Alert, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageState } from '../../../ui/page-state';
import { useEvents } from '../../events/hooks/use-events';
import { useImportFlow } from '../hooks/use-import-flow';
import { ImportJobCard } from './import-job-card';
import { ImportReportView } from './import-report';
import { ImportTemplatesCard } from './import-templates-card';
import { ImportUploadCard } from './import-upload-card';

/**
 * The organiser's bulk import: pick an event, download a template, upload the filled-in
 * workbook (or CSV files), check it (a dry run that shows every problem), then import it and
 * watch the job's progress to the end.
 */
export function ImportTab() {
  const { t } = useTranslation();
  const events = useEvents();
  const flow = useImportFlow();
  const { report, running, nothingToDo } = flow;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Select<string>
        style={{ width: 320 }}
        placeholder={t('console.pickEvent')}
        loading={events.isPending}
        value={flow.eventId}
        onChange={flow.chooseEvent}
        options={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="import-event-picker"
      />
      <ImportTemplatesCard />
      {flow.eventId ? (
        <ImportUploadCard
          picked={flow.picked}
          onPick={flow.pick}
          onUnpick={flow.unpick}
          onCheck={flow.check}
          checking={flow.checking}
          canImport={report !== null && report.problems.length === 0 && !nothingToDo}
          onImport={flow.importNow}
          importing={flow.importing}
          started={flow.started}
        />
      ) : (
        <PageState loading={false} empty emptyText={t('import.pickEventFirst')} />
      )}
      {running ? <ImportJobCard job={running} /> : null}
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
