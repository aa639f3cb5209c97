// One published producers' directory (生产企业名录): public, no login. Filters by category,
// region (a prefecture includes its counties) and text; prints on A4 (every filtered entry, no
// chrome) and downloads as .xlsx. Builders ask a producer for a meeting from its entry.
import { App, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { dayInZone, routes, type DirectoryExportQuery } from '@duijie/shared';
import { download, isApiFailure } from '../../api/client';
import { PageState } from '../../ui/page-state';
import { useFailureHandler } from '../../ui/use-failure';
import { MeetingRequestModal, type MeetingTarget } from '../meetings/components/meeting-request-modal';
import { useMayAskMeetings } from './components/ask-meeting';
import { DirectoryFilters } from './components/directory-filters';
import { EntryList } from './components/entry-list';
import { PrintLayout } from './components/print-layout';
import { PublicShell } from './components/public-shell';
import { useAllPublicEntries, usePublicDirectory } from './hooks/use-directory';
import './directory.css';

const PAGE_SIZE = 20;

/** Opens the print dialog once every filtered entry is in; `done` when it closes. */
function usePrintWhenReady(ready: boolean, done: () => void) {
  useEffect(() => {
    if (!ready) return;
    window.addEventListener('afterprint', done, { once: true });
    const timer = window.setTimeout(() => window.print(), 50);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('afterprint', done);
    };
  }, [ready, done]);
}

export function DirectoryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onFailure = useFailureHandler();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filters: DirectoryExportQuery = {
    category: params.get('category') ?? undefined,
    region: params.get('region') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const view = usePublicDirectory(id, { ...filters, page, pageSize: PAGE_SIZE });
  const [printing, setPrinting] = useState(false);
  const all = useAllPublicEntries(id, filters, printing);
  const [asking, setAsking] = useState<MeetingTarget | null>(null);
  const [exporting, setExporting] = useState(false);
  const directory = view.data?.directory;
  const access = useMayAskMeetings(directory?.eventId ?? '');
  const notFound = isApiFailure(view.error) && view.error.status === 404;
  const [stopPrinting] = useState(() => () => setPrinting(false));
  usePrintWhenReady(printing && all.data !== undefined, stopPrinting);

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  const exportXlsx = async () => {
    if (!directory) return;
    setExporting(true);
    try {
      await download(routes.directory.publicExport, { params: { id }, query: filters }, `${directory.title}.xlsx`);
      void message.success(t('directory.exported'));
    } catch (error) {
      onFailure(error);
    } finally {
      setExporting(false);
    }
  };

  const published = directory?.publishedAt ? dayInZone(directory.publishedAt, directory.timeZone) : '—';
  return (
    <PublicShell>
      <PageState
        loading={view.isPending}
        error={notFound ? undefined : view.error}
        onRetry={() => void view.refetch()}
        empty={notFound}
        emptyText={t('directory.notFound')}
        emptyAction={<Link to="/directory">{t('directory.allDirectories')}</Link>}
      >
        {directory && view.data ? (
          <>
            <div className="directory-no-print">
              <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }} data-testid="directory-title">
                {directory.title}
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                {t('directory.meta', { event: directory.eventName, session: directory.sessionTitle, date: published })}
              </Typography.Paragraph>
              <DirectoryFilters
                filters={filters}
                onFilter={setParam}
                printing={printing && all.isFetching}
                onPrint={() => setPrinting(true)}
                exporting={exporting}
                onExport={() => void exportXlsx()}
              />
              <Typography.Paragraph type="secondary" data-testid="directory-total">
                {t('directory.total', { count: view.data.entries.total })}
              </Typography.Paragraph>
              <EntryList
                entries={view.data.entries.items}
                total={view.data.entries.total}
                page={page}
                pageSize={PAGE_SIZE}
                loading={view.isFetching}
                onPage={(next) => setParam('page', String(next))}
                access={access}
                onAsk={setAsking}
              />
            </div>
            <PrintLayout
              title={directory.title}
              subtitle={t('directory.printMeta', { event: directory.eventName, date: published, count: (all.data ?? view.data.entries.items).length })}
              entries={all.data ?? view.data.entries.items}
            />
          </>
        ) : null}
      </PageState>
      <MeetingRequestModal target={asking} onClose={() => setAsking(null)} />
    </PublicShell>
  );
}
