import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FinancingApplication, MeetingRequest } from '@duijie/shared';
import { useFailureHandler } from '../../../ui/use-failure';
import { useAnswerMeetingRequest, useCancelMeetingRequest } from '../../meetings/hooks/use-meeting-requests';
import { useAnswerApplication } from '../../supermarket/hooks/use-supermarket';

/** What the decline dialog is open for; null when it is closed. */
export type Declining = { kind: 'meeting'; request: MeetingRequest } | { kind: 'application'; application: FinancingApplication } | null;

/**
 * Answers to meeting requests and applications. One set of mutations for the tables and the
 * decline dialog, so a row shows busy whichever of them answered it.
 */
export function useRequestActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const answerMeeting = useAnswerMeetingRequest();
  const cancelMeeting = useCancelMeetingRequest();
  const answerApplication = useAnswerApplication();
  const onFailure = useFailureHandler();
  const [declining, setDeclining] = useState<Declining>(null);

  const submitDecline = (reason: string) => {
    if (!declining) return;
    const done = {
      onSuccess: () => {
        void message.success(t('requests.declined'));
        setDeclining(null);
      },
      onError: (error: unknown) => onFailure(error),
    };
    if (declining.kind === 'meeting') answerMeeting.mutate({ request: declining.request, input: { accept: false, reason } }, done);
    else answerApplication.mutate({ application: declining.application, input: { accept: false, reason } }, done);
  };

  return {
    busyMeeting: answerMeeting.isPending ? answerMeeting.variables.request.id : cancelMeeting.isPending ? cancelMeeting.variables.id : undefined,
    busyApplication: answerApplication.isPending ? answerApplication.variables.application.id : undefined,
    acceptMeeting: (request: MeetingRequest) =>
      answerMeeting.mutate(
        { request, input: { accept: true } },
        {
          onSuccess: () => void message.success(t('meetings.accepted', { name: request.from.organisationName })),
          onError: (error) => onFailure(error),
        },
      ),
    cancelMeeting: (request: MeetingRequest) =>
      cancelMeeting.mutate(request, {
        onSuccess: () => void message.success(t('meetings.cancelled')),
        onError: (error) => onFailure(error),
      }),
    acceptApplication: (application: FinancingApplication) =>
      answerApplication.mutate(
        { application, input: { accept: true } },
        {
          onSuccess: () => void message.success(t('applications.accepted', { name: application.need.organisationName })),
          onError: (error) => onFailure(error),
        },
      ),
    declining,
    setDeclining,
    declineBusy: answerMeeting.isPending || answerApplication.isPending,
    submitDecline,
  };
}

export type RequestActions = ReturnType<typeof useRequestActions>;
