import { Collapse, Divider, Form, Grid, Input, Modal, Select, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { LISTING_OPEN_STATUSES } from '@duijie/shared';
import type { ListingType, ListingView, MatchSession } from '@duijie/shared';
import { FormFooter } from '../../../ui/form-footer';
import { useLabels } from '../../../ui/labels';
import { useListingForm } from '../hooks/use-listing-form';
import { fromListing } from '../listing-values';
import type { ListingFormInit, ListingFormValues } from '../listing-values';
import { ConfidentialFields, CreditFields, FinancingFields, GoodsFields, GuaranteeFields, ListingTypeChoice } from './listing-type-fields';

/** A session my organisation takes part in, and the listing types its roles there allow. */
export type SessionChoice = { session: MatchSession; types: ListingType[] };

type Props = {
  open: boolean;
  choices: SessionChoice[];
  /** The listing to edit; a new one is created when absent. */
  listing?: ListingView;
  /** Preselects a session for a new listing (from the board's "post" button). */
  initialSessionId?: string;
  onClose: () => void;
};

/** On a phone the form takes the whole screen: no margins, its title and close button stay on top while its body scrolls. */
const FULL_SCREEN: { modal: CSSProperties; container: CSSProperties; body: CSSProperties } = {
  modal: { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 },
  container: { height: '100dvh', display: 'flex', flexDirection: 'column', borderRadius: 0, boxShadow: 'none' },
  body: { flex: 1, minHeight: 0, overflowY: 'auto', overscrollBehavior: 'contain' },
};

export function ListingFormModal({ open, choices, listing, initialSessionId, onClose }: Props) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  return (
    <Modal
      open={open}
      title={listing ? t('listing.editTitle') : t('listing.createTitle')}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={phone ? '100%' : 860}
      style={phone ? FULL_SCREEN.modal : undefined}
      styles={phone ? { container: FULL_SCREEN.container, body: FULL_SCREEN.body } : undefined}
    >
      <ListingForm choices={choices} listing={listing} initialSessionId={initialSessionId} onDone={onClose} />
    </Modal>
  );
}

type ListingFormProps = Omit<Props, 'open' | 'onClose'> & { onDone: () => void };

/** Creation defaults, so every switch and multi-select starts with a value. */
const CREATE_DEFAULTS: ListingFormInit = {
  financing: { guaranteeNeeded: false },
  credit: { targetSizes: [], targetIndustries: [], guaranteeRequirement: 'none' },
  guarantee: { targetIndustries: [], targetSizes: [] },
};

/** The listing to edit, or a new one in the preselected session (if open) with its only type. */
function initialValuesOf(choices: SessionChoice[], listing: ListingView | undefined, initialSessionId: string | undefined): ListingFormInit {
  if (listing) return fromListing(listing);
  const preset = choices.find((c) => c.session.id === initialSessionId && LISTING_OPEN_STATUSES.includes(c.session.status));
  return {
    ...CREATE_DEFAULTS,
    sessionId: preset?.session.id,
    type: preset && preset.types.length === 1 ? preset.types[0] : undefined,
  };
}

function ListingForm({ choices, listing, initialSessionId, onDone }: ListingFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { form, onValuesChange, onFinish, saving } = useListingForm({ choices, listing, onDone });

  const sessionId = Form.useWatch('sessionId', form);
  const type = Form.useWatch('type', form);
  const choice = choices.find((c) => c.session.id === (listing?.sessionId ?? sessionId));
  const types = listing ? [listing.type] : (choice?.types ?? []);

  const required = { required: true, message: t('validation.required') };
  const effectiveType = listing?.type ?? type;

  return (
    <Form<ListingFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValuesOf(choices, listing, initialSessionId)}
      onValuesChange={onValuesChange}
      onFinish={onFinish}
      scrollToFirstError
    >
      <Form.Item name="sessionId" label={t('fields.session')} rules={[required]}>
        <Select
          data-testid="listing-session"
          showSearch={{ optionFilterProp: 'label' }}
          disabled={listing !== undefined}
          placeholder={t('listing.chooseSession')}
          notFoundContent={t('listing.noSessions')}
          options={choices.map((c) => ({
            value: c.session.id,
            label: `${c.session.title} · ${labels.sessionKind(c.session.kind)} · ${labels.sessionStatus(c.session.status)}`,
            disabled: !LISTING_OPEN_STATUSES.includes(c.session.status),
          }))}
        />
      </Form.Item>
      {sessionId || listing ? (
        <Form.Item name="type" label={t('fields.listingType')} rules={[required]}>
          <ListingTypeChoice types={types} disabled={listing !== undefined} />
        </Form.Item>
      ) : null}
      {effectiveType ? (
        <>
          <Form.Item name="title" label={t('fields.listingTitle')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
            <Input data-testid="listing-title" />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {labels.listingType(effectiveType)}
          </Divider>
          {effectiveType === 'supply' || effectiveType === 'demand' ? <GoodsFields type={effectiveType} /> : null}
          {effectiveType === 'financing_need' ? <FinancingFields /> : null}
          {effectiveType === 'credit_offer' ? <CreditFields /> : null}
          {effectiveType === 'guarantee_offer' ? <GuaranteeFields /> : null}
          <Form.Item name="description" label={t('fields.description')} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={3} data-testid="listing-description" />
          </Form.Item>
          <ConfidentialSection type={effectiveType} />
        </>
      ) : null}
      <FormFooter submitText={listing ? t('common.save') : t('listing.submit')} loading={saving} onCancel={onDone} submitTestId="listing-submit" />
    </Form>
  );
}

type ConfidentialProps = { type: ListingType };

/** What only my organisation and the organisers see, folded away under the public fields. */
function ConfidentialSection({ type }: ConfidentialProps) {
  const { t } = useTranslation();
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'confidential',
          forceRender: true,
          label: (
            <>
              {t('listing.confidentialTitle')} <Typography.Text type="secondary">{t('listing.confidentialHint')}</Typography.Text>
            </>
          ),
          children: <ConfidentialFields type={type} />,
        },
      ]}
    />
  );
}
