import { Descriptions, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { categoryLabel, collateralOffered, formatCny, regionLabel } from '@duijie/shared';
import type { GoodsFields, ListingView, OrganisationSize } from '@duijie/shared';
import type { Language } from '../../../app/i18n';
import { useLanguage } from '../../../app/use-language';
import { formatDateRange } from '../../../ui/dates';
import { industryLabel } from '../../../ui/industry-select';
import { useLabels } from '../../../ui/labels';
import { Money, MoneyRange, Rate } from '../../../ui/money';
import { formatQuantity } from '../../../ui/quantity';

/** "1,200 – 1,500元/吨"; one side alone when the other is missing. */
export function priceRangeText(goods: GoodsFields, lang: Language): string | null {
  const { priceMin, priceMax, unit } = goods;
  const price = (v: number) => formatCny(v, lang, { unit: 'yuan' });
  let text: string;
  if (priceMin !== null && priceMin !== undefined && priceMax !== null && priceMax !== undefined && priceMin !== priceMax) {
    text = `${price(priceMin)} – ${price(priceMax)}`;
  } else if (priceMin !== null && priceMin !== undefined) text = price(priceMin);
  else if (priceMax !== null && priceMax !== undefined) text = price(priceMax);
  else return null;
  return `${text}/${unit}`;
}

/** A need's collateral in a summary: its text when collateral is offered, else "no collateral" (无, none, "-" … included). */
export function collateralSummary(collateral: string | undefined, t: (key: 'listing.collateral' | 'listing.noCollateral') => string): string {
  return collateralOffered(collateral) ? `${t('listing.collateral')}: ${collateral?.trim()}` : t('listing.noCollateral');
}

function months(min: number, max: number | undefined, t: TFunction): string {
  if (max === undefined || max === min) return t('units.monthsCount', { count: min });
  return t('units.monthsRange', { min, max });
}

type Props = { listing: ListingView };

/** The few figures that identify a listing of its type, for a table cell. */
export function ListingKeyFields({ listing }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  const { goods, financing, credit, guarantee } = listing;
  if (goods) {
    const price = priceRangeText(goods, lang);
    return (
      <Space orientation="vertical" size={0}>
        <span>
          <Tag>{categoryLabel(goods.category, lang)}</Tag>
          <strong>
            {formatQuantity(goods.quantity, lang)} {goods.unit}
          </strong>
          {goods.specification ? <Typography.Text type="secondary"> · {goods.specification}</Typography.Text> : null}
        </span>
        <Typography.Text type="secondary">
          {price ? `${t('listing.price')} ${price} · ` : ''}
          {goods.deliveryFrom || goods.deliveryTo ? `${t('listing.delivery')} ${formatDateRange(goods.deliveryFrom, goods.deliveryTo)} · ` : ''}
          {regionLabel(goods.region, lang)}
        </Typography.Text>
      </Space>
    );
  }
  if (financing) {
    return (
      <Space orientation="vertical" size={0}>
        <strong>
          <Money yuan={financing.amount} /> · {months(financing.termMonths, undefined, t)}
        </strong>
        <Typography.Text type="secondary">
          {labels.purpose(financing.purpose)}
          {financing.guaranteeNeeded ? ` · ${t('listing.guaranteeNeeded')}` : ''}
          {` · ${collateralSummary(financing.collateral, t)}`}
        </Typography.Text>
      </Space>
    );
  }
  if (credit) {
    return (
      <Space orientation="vertical" size={0}>
        <strong>
          <MoneyRange min={credit.amountMin} max={credit.amountMax} /> · <Rate bp={credit.rateMinBp} maxBp={credit.rateMaxBp} />
        </strong>
        <Typography.Text type="secondary">
          {t('listing.totalLine')} <Money yuan={credit.totalLine} /> · {months(credit.termMinMonths, credit.termMaxMonths, t)}
          {credit.targetSizes.length > 0 ? ` · ${credit.targetSizes.map((size) => labels.orgSize(size)).join('、')}` : ''}
          {` · ${labels.guaranteeRequirement(credit.guaranteeRequirement)}`}
        </Typography.Text>
      </Space>
    );
  }
  if (guarantee) {
    return (
      <Space orientation="vertical" size={0}>
        <strong>
          {t('listing.capacity')} <Money yuan={guarantee.capacity} />
        </strong>
        <Typography.Text type="secondary">
          {t('listing.feeRate')} <Rate bp={guarantee.feeRateBp} />
          {guarantee.targetSizes && guarantee.targetSizes.length > 0 ? ` · ${guarantee.targetSizes.map((size) => labels.orgSize(size)).join('、')}` : ''}
        </Typography.Text>
      </Space>
    );
  }
  return <>—</>;
}

/** Every field of a listing, for an expanded row or a detail view. */
export function ListingDetails({ listing }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  const { goods, financing, credit, guarantee, confidential } = listing;
  const industries = (codes: string[]) => (codes.length > 0 ? codes.map((code) => industryLabel(code, lang)).join('、') : t('listing.anyIndustry'));
  // Absent or empty: the product serves every size.
  const sizes = (list: OrganisationSize[] | undefined) => (list && list.length > 0 ? list.map((s) => labels.orgSize(s)).join('、') : t('listing.anySize'));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
        <Descriptions.Item label={t('fields.organisation')}>{listing.organisationName}</Descriptions.Item>
        <Descriptions.Item label={t('fields.orgKind')}>{labels.orgKind(listing.organisationKind)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.region')}>{regionLabel(listing.organisationRegion, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.industry')}>{industryLabel(listing.organisationIndustry, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.orgSize')}>{labels.orgSize(listing.organisationSize)}</Descriptions.Item>
        {goods ? (
          <>
            <Descriptions.Item label={t('fields.category')}>{categoryLabel(goods.category, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.specification')}>{goods.specification || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.quantity')}>
              {formatQuantity(goods.quantity, lang)} {goods.unit}
            </Descriptions.Item>
            <Descriptions.Item label={t('listing.price')}>{priceRangeText(goods, lang) ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('listing.delivery')}>{formatDateRange(goods.deliveryFrom, goods.deliveryTo)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.goodsRegion')}>{regionLabel(goods.region, lang)}</Descriptions.Item>
          </>
        ) : null}
        {financing ? (
          <>
            <Descriptions.Item label={t('fields.amount')}>
              <Money yuan={financing.amount} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.termMonths')}>{months(financing.termMonths, undefined, t)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.purpose')}>{labels.purpose(financing.purpose)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.collateral')}>{financing.collateral || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.guaranteeNeeded')}>{financing.guaranteeNeeded ? t('common.yes') : t('common.no')}</Descriptions.Item>
          </>
        ) : null}
        {credit ? (
          <>
            <Descriptions.Item label={t('listing.amountRange')}>
              <MoneyRange min={credit.amountMin} max={credit.amountMax} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.totalLine')}>
              <Money yuan={credit.totalLine} />
            </Descriptions.Item>
            <Descriptions.Item label={t('listing.termRange')}>{months(credit.termMinMonths, credit.termMaxMonths, t)}</Descriptions.Item>
            <Descriptions.Item label={t('listing.rateRange')}>
              <Rate bp={credit.rateMinBp} maxBp={credit.rateMaxBp} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.targetSizes')}>{sizes(credit.targetSizes)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.guaranteeRequirement')}>{labels.guaranteeRequirement(credit.guaranteeRequirement)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.targetIndustries')} span="filled">
              {industries(credit.targetIndustries)}
            </Descriptions.Item>
          </>
        ) : null}
        {guarantee ? (
          <>
            <Descriptions.Item label={t('fields.capacity')}>
              <Money yuan={guarantee.capacity} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.feeRate')}>
              <Rate bp={guarantee.feeRateBp} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.targetSizes')}>{sizes(guarantee.targetSizes)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.targetIndustries')} span="filled">
              {industries(guarantee.targetIndustries)}
            </Descriptions.Item>
          </>
        ) : null}
        {listing.description ? (
          <Descriptions.Item label={t('fields.description')} span="filled">
            <span style={{ whiteSpace: 'pre-wrap' }}>{listing.description}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {confidential ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered title={t('listing.confidentialTitle')}>
          {confidential.annualRevenue !== undefined ? (
            <Descriptions.Item label={t('fields.annualRevenue')}>
              <Money yuan={confidential.annualRevenue} />
            </Descriptions.Item>
          ) : null}
          {confidential.totalAssets !== undefined ? (
            <Descriptions.Item label={t('fields.totalAssets')}>
              <Money yuan={confidential.totalAssets} />
            </Descriptions.Item>
          ) : null}
          {confidential.debtRatioPercent !== undefined ? (
            <Descriptions.Item label={t('fields.debtRatioPercent')}>{confidential.debtRatioPercent}%</Descriptions.Item>
          ) : null}
          {confidential.internalRateFloorBp !== undefined ? (
            <Descriptions.Item label={t('fields.internalRateFloor')}>
              <Rate bp={confidential.internalRateFloorBp} />
            </Descriptions.Item>
          ) : null}
          {confidential.notes ? (
            <Descriptions.Item label={t('fields.notes')} span="filled">
              <span style={{ whiteSpace: 'pre-wrap' }}>{confidential.notes}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
    </Space>
  );
}
