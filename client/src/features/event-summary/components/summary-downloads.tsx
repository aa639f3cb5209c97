import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@duijie/shared';
import { download } from '../../../api/client';
import { ExportButton } from '../../../ui/export-button';
import { useFailureHandler } from '../../../ui/use-failure';

type Props = {
  eventId: string;
  eventName: string;
  /** A publication's version; omitted: the organisers' live preview. */
  version?: number;
};

/** The table as .xlsx (streamed, with progress) and as PDF. */
export function SummaryDownloads({ eventId, eventName, version }: Props) {
  const { t } = useTranslation();
  const onFailure = useFailureHandler();
  const [busy, setBusy] = useState(false);
  const name = version === undefined ? 'preview' : `v${version}`;
  const query = version === undefined ? {} : { version };
  const file = version === undefined ? t('eventSummary.filePreview', { event: eventName }) : t('eventSummary.fileVersion', { event: eventName, version });
  return (
    <Space wrap size="small">
      <ExportButton route={routes.eventSummary.xlsx} args={{ params: { id: eventId }, query }} table={`event-summary-${name}`} />
      <Button
        icon={<FilePdfOutlined />}
        loading={busy}
        data-testid={`event-summary-${name}-pdf`}
        onClick={() => {
          setBusy(true);
          download(routes.eventSummary.pdf, { params: { id: eventId }, query }, `${file}.pdf`)
            .catch((error: unknown) => onFailure(error))
            .finally(() => setBusy(false));
        }}
      >
        {t('eventSummary.pdf')}
      </Button>
    </Space>
  );
}
