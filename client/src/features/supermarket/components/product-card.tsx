import { CheckCircleOutlined, SendOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { regionLabel } from '@duijie/shared';
import type { FinancingApplication, ListingPublic, MeetingRequest } from '@duijie/shared';
import type { Language } from '../../../app/i18n';
import { useLanguage } from '../../../app/use-language';
import { industryLabel } from '../../../ui/industry-select';
import { useLabels } from '../../../ui/labels';
import { Money, MoneyRange, Rate } from '../../../ui/money';
import { ApplicationStatusTag } from '../../../ui/status-tag';

function months(min: number, max: number, t: TFunction): string {
  return min === max ? t('units.monthsCount', { count: min }) : t('units.monthsRange', { min, max });
}

/** The first few target industries by name, and how many more. */
function industriesText(codes: string[], lang: Language, t: TFunction): { short: string; full: string } {
  if (codes.length === 0) return { short: t('listing.anyIndustry'), full: t('listing.anyIndustry') };
  const names = codes.map((code) => industryLabel(code, lang));
  const short = names.length > 3 ? `${names.slice(0, 3).join('、')} ${t('supermarket.andMore', { count: names.length - 3 })}` : names.join('、');
  return { short, full: names.join('、') };
}

export type ApplyState =
  /** Not for this user: banks, guarantors, organisers, the product's own organisation. */
  | { kind: 'none' }
  /** An enterprise without an open financing need in the event. */
  | { kind: 'blocked'; reason: string }
  /** May apply with at least one need; `applications` are the live ones already sent to this product. */
  | { kind: 'open'; applications: FinancingApplication[] }
  /** Every open need has been sent to this product already. */
  | { kind: 'done'; applications: FinancingApplication[] };

type Props = {
  product: ListingPublic;
  apply: ApplyState;
  onApply: () => void;
  /** Whether this user may ask the product's organisation for a meeting, and the request already sent, if any. */
  canAsk: boolean;
  request: MeetingRequest | undefined;
  onAsk: () => void;
};

/** One product on the supermarket's shelf: who offers it, its terms, and applying to it. */
export function ProductCard({ product, apply, onApply, canAsk, request, onAsk }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  const { credit, guarantee } = product;
  const industries = industriesText(credit?.targetIndustries ?? guarantee?.targetIndustries ?? [], lang, t);
  const applications = apply.kind === 'open' || apply.kind === 'done' ? apply.applications : [];

  return (
    <Card
      size="small"
      style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
      styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column', gap: 8 } }}
      data-testid="product-card"
      data-listing-id={product.id}
      data-type={product.type}
      title={
        <Flex vertical gap={0} style={{ padding: '6px 0', whiteSpace: 'normal' }}>
          <Flex gap={6} align="center" wrap>
            <Tag color={product.type === 'credit_offer' ? 'blue' : 'purple'} style={{ marginInlineEnd: 0 }}>
              {labels.listingType(product.type)}
            </Tag>
            <Typography.Text strong data-testid="product-title">
              {product.title}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }} data-testid="product-org">
            {product.organisationName} · {labels.orgKind(product.organisationKind)} · {regionLabel(product.organisationRegion, lang)}
          </Typography.Text>
        </Flex>
      }
    >
      {credit ? (
        <Flex gap={16} wrap>
          <Figure label={t('listing.amountRange')}>
            <MoneyRange min={credit.amountMin} max={credit.amountMax} />
          </Figure>
          <Figure label={t('listing.rateRange')}>
            <Rate bp={credit.rateMinBp} maxBp={credit.rateMaxBp} />
          </Figure>
          <Figure label={t('listing.termRange')}>{months(credit.termMinMonths, credit.termMaxMonths, t)}</Figure>
        </Flex>
      ) : null}
      {guarantee ? (
        <Flex gap={16} wrap>
          <Figure label={t('fields.capacity')}>
            <Money yuan={guarantee.capacity} />
          </Figure>
          <Figure label={t('fields.feeRate')}>
            <Rate bp={guarantee.feeRateBp} />
          </Figure>
        </Flex>
      ) : null}
      <Descriptions size="small" column={1} styles={{ label: { whiteSpace: 'nowrap' } }}>
        {credit ? (
          <>
            <Descriptions.Item label={t('fields.totalLine')}>
              <Money yuan={credit.totalLine} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.guaranteeRequirement')}>{labels.guaranteeRequirement(credit.guaranteeRequirement)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.targetSizes')}>
              {credit.targetSizes.length > 0 ? credit.targetSizes.map((s) => labels.orgSize(s)).join('、') : t('listing.anySize')}
            </Descriptions.Item>
          </>
        ) : null}
        {guarantee ? (
          <Descriptions.Item label={t('fields.targetSizes')}>
            {guarantee.targetSizes && guarantee.targetSizes.length > 0 ? guarantee.targetSizes.map((s) => labels.orgSize(s)).join('、') : t('listing.anySize')}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('fields.targetIndustries')}>
          <Tooltip title={industries.full === industries.short ? undefined : industries.full}>
            <span>{industries.short}</span>
          </Tooltip>
        </Descriptions.Item>
      </Descriptions>
      {product.description ? (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: product.description }} style={{ marginBottom: 0, fontSize: 13 }}>
          {product.description}
        </Typography.Paragraph>
      ) : null}
      <div style={{ marginTop: 'auto', paddingTop: 8, width: '100%' }}>
        {applications.length > 0 ? (
          <Flex gap={4} wrap style={{ marginBottom: 8 }}>
            {applications.map((a) => (
              <Tooltip key={a.id} title={t('supermarket.appliedWith', { title: a.need.title })}>
                <span data-testid="product-applied" data-status={a.status}>
                  <ApplicationStatusTag status={a.status} />
                </span>
              </Tooltip>
            ))}
          </Flex>
        ) : null}
        <Flex gap={8} wrap justify="flex-end">
          {canAsk ? (
            <Button
              icon={request ? <CheckCircleOutlined /> : <TeamOutlined />}
              disabled={request !== undefined}
              onClick={onAsk}
              data-testid="product-ask"
              data-state={request?.status ?? 'none'}
            >
              {request ? t('matching.asked') : t('matching.ask')}
            </Button>
          ) : null}
          {apply.kind === 'open' ? (
            <Button type="primary" icon={<SendOutlined />} onClick={onApply} data-testid="product-apply" data-state="open">
              {t('supermarket.apply')}
            </Button>
          ) : null}
          {apply.kind === 'done' ? (
            <Button type="primary" icon={<CheckCircleOutlined />} disabled data-testid="product-apply" data-state="applied">
              {t('supermarket.applied')}
            </Button>
          ) : null}
          {apply.kind === 'blocked' ? (
            <Tooltip title={apply.reason}>
              <Button type="primary" icon={<SendOutlined />} disabled data-testid="product-apply" data-state="blocked">
                {t('supermarket.apply')}
              </Button>
            </Tooltip>
          ) : null}
        </Flex>
      </div>
    </Card>
  );
}

type FigureProps = { label: string; children: ReactNode };

/** A headline figure: a small label over a large value. */
function Figure({ label, children }: FigureProps) {
  return (
    <Flex vertical gap={0} style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text strong style={{ fontSize: 16 }}>
        {children}
      </Typography.Text>
    </Flex>
  );
}
