import { PlayCircleOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Popconfirm, Progress, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchSession, MeetingStats, ScheduleRun } from '@duijie/shared';
import { isApiFailure } from '../../../api/client';
import { formatDateTime } from '../../../ui/dates';
import { useEventTimeZone } from '../../events/hooks/use-event-time-zone';
import { useFailureHandler } from '../../../ui/use-failure';
import { useLatestScheduleRun, usePublishMeetings, useStartScheduleRun } from '../hooks/use-meetings';

type Props = { session: MatchSession; stats: MeetingStats | undefined };

type RunProps = { run: ScheduleRun; timeZone: string };

function RunResult({ run, timeZone }: RunProps) {
  const { t } = useTranslation();
  const percent = Math.round(run.fraction * 100);
  const running = run.status === 'running';
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="schedule-run" data-status={run.status} data-run-id={run.id}>
      <Progress
        percent={running ? Math.min(percent, 99) : run.status === 'done' ? 100 : percent}
        status={running ? 'active' : run.status === 'failed' ? 'exception' : 'success'}
        data-testid="schedule-progress"
      />
      <Typography.Text type="secondary">
        {running
          ? t('meetingPlan.runRunning', { phase: run.phase ? t(`meetingPlan.phase.${run.phase}`) : '…', name: run.startedByName })
          : t('meetingPlan.runFinished', { at: formatDateTime(run.finishedAt, timeZone), name: run.startedByName })}
      </Typography.Text>
      {run.status === 'failed' ? <Alert type="error" showIcon title={t('meetingPlan.runFailed', { error: run.error ?? '' })} /> : null}
      {run.status !== 'failed' ? (
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} bordered>
          <Descriptions.Item label={t('meetingPlan.scheduledCount')}>
            <span data-testid="run-scheduled">{run.scheduled}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('meetingPlan.unscheduledCount')}>
            <span data-testid="run-unscheduled">{run.unscheduled.length}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('meetingPlan.breaks')}>
            <span data-testid="run-breaks">{run.breaks ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('meetingPlan.lowerBound')}>
            <span data-testid="run-lower-bound">{run.lowerBound ?? '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {!running && run.breaks !== null && run.lowerBound !== null && run.breaks <= run.lowerBound ? (
        <Typography.Text type="success">{t('meetingPlan.optimal')}</Typography.Text>
      ) : null}
    </Space>
  );
}

/** 运行排程 (with or without moving published meetings), its live progress and result, and 发布. */
export function SchedulePanel({ session, stats }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useLatestScheduleRun(session.id);
  const zone = useEventTimeZone(session.eventId);

  const start = useStartScheduleRun();
  const publish = usePublishMeetings();
  const onFailure = useFailureHandler();
  const [allowMoves, setAllowMoves] = useState(false);
  // Self-booking sessions have no scheduler runs: participants book, the organiser pins.
  const scheduler = session.meetingMode === 'scheduled';
  const running = run.data?.status === 'running';
  const toPublish = stats ? stats.scheduled - stats.published : 0;
  const publishConfirm: ButtonProps & { 'data-testid': string } = { 'data-testid': 'publish-confirm' };

  const onStart = () =>
    start.mutate(
      { sessionId: session.id, allowMoves },
      {
        onError: (error) => {
          if (isApiFailure(error) && error.body.code === 'run_in_progress') {
            void message.info(t('meetingPlan.alreadyRunning'));
            return;
          }
          onFailure(error);
        },
      },
    );

  const onPublish = () =>
    publish.mutate(session.id, {
      onSuccess: () => void message.success(t('meetingPlan.publishedDone')),
      onError: (error) => onFailure(error),
    });

  return (
    <Card size="small" title={t('meetingPlan.scheduleTitle')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Flex gap={12} wrap align="center">
          {scheduler ? (
            <Checkbox checked={allowMoves} onChange={(e) => setAllowMoves(e.target.checked)} disabled={running} data-testid="schedule-allow-moves">
              {t('meetingPlan.allowMoves')}
            </Checkbox>
          ) : null}
          {scheduler ? (
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={start.isPending}
              disabled={running}
              onClick={onStart}
              data-testid="schedule-run-start"
            >
              {running ? t('meetingPlan.running') : t('meetingPlan.runSchedule')}
            </Button>
          ) : null}
          <Popconfirm
            title={t('meetingPlan.publishTitle')}
            description={t('meetingPlan.publishBody', { count: toPublish })}
            okText={t('meetingPlan.publish')}
            okButtonProps={publishConfirm}
            cancelText={t('common.cancel')}
            onConfirm={onPublish}
            disabled={running || toPublish === 0}
          >
            <Button icon={<SendOutlined />} loading={publish.isPending} disabled={running || toPublish === 0} data-testid="meetings-publish">
              {t('meetingPlan.publish')}
              {toPublish > 0 ? ` (${toPublish})` : ''}
            </Button>
          </Popconfirm>
        </Flex>
        <Typography.Text type="secondary">
          {session.meetingMode === 'self_booking' ? t('meetingPlan.selfBookingNote') : t('meetingPlan.scheduledNote')}
        </Typography.Text>
        {run.data ? (
          <RunResult run={run.data} timeZone={zone} />
        ) : scheduler ? (
          <Typography.Text type="secondary">{t('meetingPlan.noRunYet')}</Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}
