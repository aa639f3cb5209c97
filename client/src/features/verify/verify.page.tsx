// Public check of a printed certificate: the QR code and link on it lead here with the
// agreement's id and content hash; the platform answers only when both match, and says
// 'tampered' when its stored agreement no longer matches what the audit log recorded, and its
// signing records' inclusion proofs are checked in the browser (log-proof.tsx).
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Grid, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { routes } from '@duijie/shared';
import { call, isApiFailure } from '../../api/client';
import { AuthCard } from '../../ui/auth-card';
import { formatDateTime } from '../../ui/dates';
import { useLabels } from '../../ui/labels';
import { Money } from '../../ui/money';
import { PageState } from '../../ui/page-state';
import { ZoneNote } from '../../ui/zone-note';
import { LogProof } from './log-proof';

export function VerifyPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const hash = params.get('hash') ?? '';
  const verification = useQuery({
    queryKey: ['verify', id, hash],
    queryFn: ({ signal }) => call(routes.agreements.verify, { params: { id }, query: { hash } }, { signal }),
    retry: (count, error) => !(isApiFailure(error) && error.status < 500) && count < 2,
  });
  // On a phone each label sits above its value, so the long names and hashes get the full width.
  const narrow = Grid.useBreakpoint().md === false;
  const notFound = isApiFailure(verification.error) && verification.error.status < 500;

  return (
    <AuthCard title={t('verify.title')} width={640}>
      {notFound ? (
        <Result status="error" title={t('verify.invalid')} subTitle={t('verify.invalidHint')} data-testid="verify-invalid" />
      ) : (
        <PageState loading={verification.isPending} error={verification.error} onRetry={() => void verification.refetch()}>
          {verification.data && (
            <div data-testid={verification.data.integrity === 'valid' ? 'verify-valid' : 'verify-tampered'}>
              {verification.data.integrity === 'valid' ? (
                <Result status="success" title={t('verify.valid')} subTitle={verification.data.eventName} />
              ) : (
                <>
                  <Result status="error" title={t('verify.tampered')} subTitle={t('verify.tamperedHint')} />
                  <Alert
                    type="error"
                    style={{ marginBottom: 16 }}
                    title={
                      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                        {verification.data.findings.map((f) => (
                          <li key={f}>{t(`verify.findings.${f}`)}</li>
                        ))}
                      </ul>
                    }
                  />
                </>
              )}
              <ZoneNote zone={verification.data.timeZone} at={verification.data.signedAt} variant="page" />
              <Descriptions column={1} size="small" bordered layout={narrow ? 'vertical' : 'horizontal'}>
                <Descriptions.Item label={t('agreement.title')}>{verification.data.title}</Descriptions.Item>
                <Descriptions.Item label={t('agreement.kind')}>{labels.agreementKind(verification.data.kind)}</Descriptions.Item>
                <Descriptions.Item label={t('agreement.amount')}>
                  <Money yuan={verification.data.amount} />
                </Descriptions.Item>
                <Descriptions.Item label={t('fields.status')}>{labels.agreementStatus(verification.data.status)}</Descriptions.Item>
                <Descriptions.Item label={t('agreement.parties')}>
                  {verification.data.parties.map((p) => (
                    <div key={p.name} data-testid="verify-party">
                      {labels.partyRole(p.role)}：{p.name} · {t('verify.signedAt', { at: formatDateTime(p.signedAt, verification.data.timeZone) })}
                    </div>
                  ))}
                </Descriptions.Item>
                <Descriptions.Item label={t('agreement.contentHash')}>
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                    {verification.data.contentHash}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('verify.proof.label')}>
                  <LogProof verification={verification.data} certificateHash={hash} />
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                    {t('verify.headHint')}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            </div>
          )}
        </PageState>
      )}
    </AuthCard>
  );
}
