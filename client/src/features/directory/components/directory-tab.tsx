// The organisers' place for the producers' directory (企业名录): pick an event and a session
// (its building-materials session first), compile, review and edit the entries, publish.
import { ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Select, Space, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DirectoryCompileResult } from '@duijie/shared';
import { useLabels } from '../../../ui/labels';
import { PageState } from '../../../ui/page-state';
import { useFailureHandler } from '../../../ui/use-failure';
import { useEventDetail, useEvents } from '../../events/hooks/use-events';
import { pickedOrOnly } from '../../events/only-choice';
import { useCompileDirectory, useDirectoryReview, useEventDirectories, usePublishDirectory } from '../hooks/use-directory';
import { DirectoryEntries } from './directory-entries';
import { formatDateTime } from '../../../ui/dates';

/** The confirm dialog's OK button, for browser tests (built outside a literal: data-* has no index signature). */
const confirmTestId: Record<`data-${string}`, string> = { 'data-testid': 'directory-confirm-ok' };

export function DirectoryTab() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { modal, message } = App.useApp();
  const onFailure = useFailureHandler();
  const events = useEvents();
  const [pickedEvent, setEventId] = useState<string | undefined>(undefined);
  // With one event the tab opens on it.
  const eventId = pickedOrOnly(pickedEvent, events.data);

  const [sessionId, setSessionId] = useState<string | undefined>(undefined);
  const event = useEventDetail(eventId);
  const directories = useEventDirectories(eventId);
  const directory = (directories.data ?? []).find((d) => d.sessionId === sessionId);
  const review = useDirectoryReview(directory?.id);
  const compile = useCompileDirectory();
  const publish = usePublishDirectory();
  const [result, setResult] = useState<DirectoryCompileResult | null>(null);

  // The building-materials session is the directory's usual home: picked first.
  useEffect(() => {
    const sessions = event.data?.sessions ?? [];
    if (sessionId && sessions.some((s) => s.id === sessionId)) return;
    const preferred = sessions.find((s) => s.kind === 'building_materials') ?? sessions[0];
    setSessionId(preferred?.id);
  }, [event.data, sessionId]);

  const runCompile = () => {
    if (!sessionId) return;
    compile.mutate(
      { sessionId, version: directory?.version },
      {
        onSuccess: (answer) => {
          setResult(answer);
          void message.success(t('directory.compiled', { added: answer.added, refreshed: answer.refreshed }));
        },
        onError: (error) => onFailure(error, { onStale: () => void directories.refetch() }),
      },
    );
  };

  const confirmPublish = (publishIt: boolean) => {
    if (!directory) return;
    modal.confirm({
      title: publishIt ? t('directory.publishTitle') : t('directory.unpublishTitle'),
      content: publishIt ? t('directory.publishBody', { count: directory.entryCount }) : t('directory.unpublishBody'),
      okText: publishIt ? t('directory.publish') : t('directory.unpublish'),
      okButtonProps: { danger: !publishIt, ...confirmTestId },
      cancelText: t('common.cancel'),
      onOk: () =>
        publish.mutateAsync({ id: directory.id, version: directory.version, publish: publishIt }).then(
          () => void message.success(publishIt ? t('directory.published') : t('directory.unpublished')),
          (error: unknown) => onFailure(error, { onStale: () => void directories.refetch() }),
        ),
    });
  };

  const published = directory?.status === 'published';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select<string>
          style={{ width: 320 }}
          placeholder={t('console.pickEvent')}
          loading={events.isPending}
          value={eventId}
          onChange={(id) => {
            setEventId(id);
            setSessionId(undefined);
            setResult(null);
          }}
          options={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="directory-event-picker"
        />
        <Select<string>
          style={{ width: 320 }}
          placeholder={t('console.pickSession')}
          value={sessionId}
          onChange={(id) => {
            setSessionId(id);
            setResult(null);
          }}
          options={(event.data?.sessions ?? []).map((s) => ({ value: s.id, label: `${s.title}（${labels.sessionKind(s.kind)}）` }))}
          disabled={!eventId}
          data-testid="directory-session-picker"
        />
      </Space>
      {!eventId || !sessionId ? (
        <Empty description={t('console.pickSessionFirst')} />
      ) : (
        <PageState loading={directories.isPending} error={directories.error} onRetry={() => void directories.refetch()}>
          {!directory ? (
            <Empty description={t('directory.noDirectory')}>
              <Button type="primary" loading={compile.isPending} onClick={runCompile} data-testid="directory-compile">
                {t('directory.compile')}
              </Button>
            </Empty>
          ) : (
            <Card
              size="small"
              title={
                <Space>
                  <span>{directory.title}</span>
                  <Tag color={published ? 'green' : 'default'} data-testid="directory-status">
                    {t(`directory.status.${directory.status}`)}
                  </Tag>
                </Space>
              }
              extra={
                <Space wrap>
                  <Tooltip title={published ? t('directory.recompilePublished') : t('directory.recompileHint')}>
                    <Button icon={<ReloadOutlined />} disabled={published} loading={compile.isPending} onClick={runCompile} data-testid="directory-compile">
                      {t('directory.recompile')}
                    </Button>
                  </Tooltip>
                  {published ? (
                    <>
                      <Link to={`/directory/${directory.id}`} target="_blank">
                        <Button icon={<ExportOutlined />}>{t('directory.openPublic')}</Button>
                      </Link>
                      <Button danger onClick={() => confirmPublish(false)} data-testid="directory-unpublish">
                        {t('directory.unpublish')}
                      </Button>
                    </>
                  ) : (
                    <Button type="primary" disabled={directory.entryCount === 0} onClick={() => confirmPublish(true)} data-testid="directory-publish">
                      {t('directory.publish')}
                    </Button>
                  )}
                </Space>
              }
            >
              <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('directory.included')}>{directory.entryCount}</Descriptions.Item>
                <Descriptions.Item label={t('directory.excludedCount')}>{directory.excludedCount}</Descriptions.Item>
                <Descriptions.Item label={t('directory.lapsedCount')}>{directory.lapsedCount}</Descriptions.Item>
                <Descriptions.Item label={t('directory.compiledAt')}>{formatDateTime(directory.compiledAt, directory.timeZone)}</Descriptions.Item>
              </Descriptions>
              {result && result.directory.id === directory.id ? <CompileResult result={result} onClose={() => setResult(null)} /> : null}
              <PageState
                loading={review.isPending}
                error={review.error}
                onRetry={() => void review.refetch()}
                empty={(review.data?.entries.length ?? 0) === 0}
                emptyText={t('directory.noEntries')}
              >
                <DirectoryEntries entries={review.data?.entries ?? []} onStale={() => void review.refetch()} />
              </PageState>
            </Card>
          )}
        </PageState>
      )}
    </Space>
  );
}

/** What the last compile did: added, refreshed, lapsed, and the producers left out with why. */
function CompileResult({ result, onClose }: { result: DirectoryCompileResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      closable
      onClose={onClose}
      style={{ marginBottom: 12 }}
      data-testid="directory-compile-result"
      title={t('directory.compileResult', { added: result.added, refreshed: result.refreshed, lapsed: result.lapsed })}
      description={
        result.skipped.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {result.skipped.map((s) => (
              <li key={s.organisationId}>
                {s.name}：{t(`directory.skipped.${s.reason}`)}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
