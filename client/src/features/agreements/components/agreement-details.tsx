import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Space, Tag, theme, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { findCategory } from '@duijie/shared';
import type { Agreement, AgreementParty } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { formatDateTime } from '../../../ui/dates';
import { ZoneNote } from '../../../ui/zone-note';
import { useEventTimeZone } from '../../events/hooks/use-event-time-zone';
import { useLabels } from '../../../ui/labels';
import { Money } from '../../../ui/money';
import { formatQuantity } from '../../../ui/quantity';
import { LedgerPanel } from './ledger-panel';

type HashProps = { hash: string };

/** The content hash, shortened, with a copy button for the full value. */
export function ContentHash({ hash }: HashProps) {
  const short = hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
  return (
    <Typography.Text code copyable={{ text: hash }} data-testid="agreement-hash" data-hash={hash}>
      {short}
    </Typography.Text>
  );
}

type PartiesProps = { parties: AgreementParty[] };

/** Each party with a signed / pending mark. */
export function PartyList({ parties }: PartiesProps) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Space orientation="vertical" size={2}>
      {parties.map((p) => (
        <span key={p.organisationId} data-testid="agreement-party" data-signed={p.signature ? 'true' : 'false'}>
          {p.signature ? (
            <CheckCircleFilled style={{ color: token.colorSuccess }} aria-label={t('agreement.signed')} />
          ) : (
            <ClockCircleOutlined style={{ color: token.colorWarning }} aria-label={t('agreement.pending')} />
          )}{' '}
          {p.organisationName} <Typography.Text type="secondary">({labels.partyRole(p.role)})</Typography.Text>
        </span>
      ))}
    </Space>
  );
}

type TermsProps = { agreement: Agreement };

/** The terms as the parties sign them. */
export function AgreementTerms({ agreement: a }: TermsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const lang = useLanguage();
  const category = a.product ? findCategory(a.product) : undefined;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      <Descriptions.Item label={t('agreement.title')} span={2}>
        {a.title}
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.kind')}>{labels.agreementKind(a.kind)}</Descriptions.Item>
      <Descriptions.Item label={t('agreement.amount')}>
        <Money yuan={a.amount} />
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.termMonths')}>{a.termMonths === null ? '—' : t('agreement.months', { count: a.termMonths })}</Descriptions.Item>
      {a.product ? (
        <Descriptions.Item label={t('fields.category')}>{category ? (lang === 'en' ? category.nameEn : category.name) : a.product}</Descriptions.Item>
      ) : null}
      {a.quantity !== null ? (
        <Descriptions.Item label={t('fields.quantity')}>
          {formatQuantity(a.quantity, lang)} {a.unit ?? ''}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('agreement.parties')} span={2}>
        <PartyList parties={a.parties} />
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.keyTerms')} span={2}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="agreement-key-terms">
          {a.keyTerms}
        </Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.contentHash')} span={2}>
        <ContentHash hash={a.contentHash} />
      </Descriptions.Item>
    </Descriptions>
  );
}

type DetailsProps = { agreement: Agreement };

/** Terms, hash and the signature timeline (the expanded row). */
export function AgreementDetails({ agreement: a }: DetailsProps) {
  const { t } = useTranslation();
  const zone = useEventTimeZone(a.eventId);
  const signatures = a.parties
    .flatMap((p) => (p.signature ? [{ party: p, signature: p.signature }] : []))
    .sort((x, y) => x.signature.signedAt.localeCompare(y.signature.signedAt));
  const items = [
    { key: 'created', color: 'gray', content: t('agreement.timelineCreated', { at: formatDateTime(a.createdAt, zone) }) },
    ...signatures.map(({ party, signature }) => ({
      key: `sig-${party.organisationId}`,
      color: 'green',
      content: (
        <span data-testid="agreement-signature">
          {t('agreement.timelineSigned', {
            org: party.organisationName,
            user: signature.userName,
            at: formatDateTime(signature.signedAt, zone),
          })}
        </span>
      ),
    })),
    ...(a.signedAt ? [{ key: 'signed', color: 'blue', content: t('agreement.timelineAllSigned', { at: formatDateTime(a.signedAt, zone) }) }] : []),
    ...(a.confirmedAt ? [{ key: 'confirmed', color: 'green', content: t('agreement.timelineConfirmed', { at: formatDateTime(a.confirmedAt, zone) }) }] : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <AgreementTerms agreement={a} />
      {a.voidedSignatures > 0 ? (
        <Alert type="warning" showIcon title={t('agreement.voided', { count: a.voidedSignatures })} data-testid="agreement-voided" />
      ) : null}
      <div>
        <Typography.Title level={5}>
          {t('agreement.timeline')} <Tag>{t('agreement.version', { version: a.version })}</Tag>
        </Typography.Title>
        <ZoneNote zone={zone} at={a.signedAt ?? a.createdAt} variant="page" />

        <Timeline items={items} />
      </div>
      <LedgerPanel agreement={a} />
    </Space>
  );
}
