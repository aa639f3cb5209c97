import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus, Meeting } from '@duijie/shared';

type Props = {
  meeting: Meeting;
  /** Attendance can be marked once the meeting is published and its slot has begun. */
  canMark: boolean;
  /** The status being saved, if any. */
  marking: AttendanceStatus | undefined;
  onMark: (status: AttendanceStatus) => void;
};

/** Marks whether a scheduled meeting took place. */
export function AttendanceButtons({ meeting, canMark, marking, onMark }: Props) {
  const { t } = useTranslation();
  return (
    <Flex gap={8}>
      <Button
        icon={<CheckCircleOutlined />}
        disabled={!canMark || meeting.status === 'held'}
        loading={marking === 'held'}
        onClick={() => onMark('held')}
        data-testid="mark-held"
      >
        {t('meetingPlan.markHeld')}
      </Button>
      <Button
        danger
        icon={<CloseCircleOutlined />}
        disabled={!canMark || meeting.status === 'no_show'}
        loading={marking === 'no_show'}
        onClick={() => onMark('no_show')}
        data-testid="mark-no-show"
      >
        {t('meetingPlan.markNoShow')}
      </Button>
    </Flex>
  );
}
