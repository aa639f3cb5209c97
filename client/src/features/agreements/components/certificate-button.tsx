import { FilePdfOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes, type Agreement } from '@duijie/shared';
import { download } from '../../../api/client';
import { useFailureHandler } from '../../../ui/use-failure';

type Props = { agreement: Pick<Agreement, 'id' | 'title' | 'status'> };

/** Downloads the certificate (PDF) of an agreement every party has signed. */
export function CertificateButton({ agreement }: Props) {
  const { t } = useTranslation();
  const onFailure = useFailureHandler();
  const [busy, setBusy] = useState(false);
  if (agreement.status === 'drafting') return null;
  return (
    <Button
      size="small"
      icon={<FilePdfOutlined />}
      loading={busy}
      data-testid="agreement-certificate"
      onClick={() => {
        setBusy(true);
        download(routes.agreements.certificate, { params: { id: agreement.id } }, `${t('agreement.certificateFile', { title: agreement.title })}.pdf`)
          .catch((error: unknown) => onFailure(error))
          .finally(() => setBusy(false));
      }}
    >
      {t('agreement.certificate')}
    </Button>
  );
}
