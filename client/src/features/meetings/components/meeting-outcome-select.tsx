import { App, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MEETING_OUTCOMES, routes, type Meeting, type MeetingOutcomeKind } from '@duijie/shared';
import { call, newIdempotencyKey } from '../../../api/client';
import { useFailureHandler } from '../../../ui/use-failure';
import { useInvalidateMeetings } from '../hooks/use-meetings';

/** Whether the meeting's time has come, so its parties may say what came of it. */
export function meetingStarted(m: Pick<Meeting, 'startsAt' | 'status'>, now = Date.now()): boolean {
  return m.status !== 'cancelled' && m.startsAt !== null && Date.parse(m.startsAt) <= now;
}

type Props = { meeting: Meeting };

/** 洽谈结果: my organisation's outcome of a meeting that has started (not held, no interest, follow-up, agreement drafted). */
export function MeetingOutcomeSelect({ meeting }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onFailure = useFailureHandler();
  const invalidate = useInvalidateMeetings();
  const record = useMutation({
    mutationFn: (outcome: MeetingOutcomeKind) =>
      call(
        routes.meetings.outcome,
        { params: { id: meeting.id }, body: { outcome, note: meeting.myOutcome?.note ?? '', version: meeting.myOutcome?.version ?? 0 } },
        { headers: { 'Idempotency-Key': newIdempotencyKey() } },
      ),
    onSettled: () => invalidate(meeting.sessionId),
  });
  if (!meetingStarted(meeting)) {
    return (
      <Typography.Text type="secondary" data-testid="meeting-outcome-not-yet">
        {t('meetingOutcome.notYet')}
      </Typography.Text>
    );
  }
  return (
    <Select<MeetingOutcomeKind>
      size="small"
      style={{ minWidth: 140 }}
      placeholder={t('meetingOutcome.placeholder')}
      value={meeting.myOutcome?.outcome}
      loading={record.isPending}
      disabled={record.isPending}
      options={MEETING_OUTCOMES.map((o) => ({ value: o, label: t(`meetingOutcome.options.${o}`) }))}
      onChange={(outcome) =>
        record.mutate(outcome, {
          onSuccess: () => void message.success(t('meetingOutcome.saved')),
          onError: (error) => onFailure(error, { onStale: () => void invalidate(meeting.sessionId) }),
        })
      }
      data-testid="meeting-outcome"
      data-outcome={meeting.myOutcome?.outcome ?? ''}
      aria-label={t('meetingOutcome.label')}
    />
  );
}
