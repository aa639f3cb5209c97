import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { routes, type AgreementVerification } from '@duijie/shared';
import { call } from '../../api/client';
import { formatDateTime } from '../../ui/dates';
import { checkProofs } from './check-proof';

type Props = { verification: AgreementVerification; certificateHash: string };

/**
 * That the agreement's signing is in the audit log, checked in this browser: the published tree
 * head (GET /api/audit/tree-head) and its key, the head's signature, and each record's audit path.
 */
export function LogProof({ verification, certificateHash }: Props) {
  const { t } = useTranslation();
  const published = useQuery({ queryKey: ['audit-tree-head'], queryFn: ({ signal }) => call(routes.audit.treeHead, {}, { signal }) });
  const check = useQuery({
    queryKey: ['verify-proof', verification.agreementId, certificateHash, verification.treeHead?.size, published.data?.head?.size],
    queryFn: () => checkProofs(verification, published.data!, certificateHash),
    enabled: published.data !== undefined,
  });
  const head = verification.treeHead;
  if (published.isError) return <Alert type="warning" showIcon title={t('verify.proof.unreachable')} data-testid="verify-proof-unreachable" />;
  if (!check.data) return <Alert type="info" showIcon title={t('verify.proof.checking')} />;
  const result = check.data;
  const fingerprint = published.data?.keyFingerprint.slice(0, 16).match(/.{4}/g)?.join(' ');
  const details = head ? (
    <div style={{ wordBreak: 'break-all' }}>
      <div>{t('verify.proof.head', { size: head.size, at: formatDateTime(head.signedAt, verification.timeZone), fingerprint })}</div>
      <Typography.Text code style={{ fontSize: 12 }}>
        {head.rootHash}
      </Typography.Text>
    </div>
  ) : null;
  if (result.state === 'valid')
    return (
      <Alert
        type="success"
        showIcon
        data-testid="verify-proof-valid"
        title={t('verify.proof.valid', { positions: result.positions.map((p) => `#${p}`).join('、') })}
        description={details}
      />
    );
  if (result.state === 'invalid')
    return (
      <Alert
        type="error"
        showIcon
        data-testid="verify-proof-invalid"
        title={t(`verify.proof.invalid.${result.reason}`, { position: result.position === undefined ? '' : `#${result.position}` })}
        description={details}
      />
    );
  if (result.state === 'unsupported')
    return <Alert type="warning" showIcon data-testid="verify-proof-unsupported" title={t('verify.proof.unsupported')} description={details} />;
  return <Alert type="info" showIcon data-testid="verify-proof-pending" title={t('verify.proof.pending')} />;
}
