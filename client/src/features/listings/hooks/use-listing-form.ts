import { App, Form } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { findCategory } from '@duijie/shared';
import type { ListingType, ListingView } from '@duijie/shared';
import { isApiFailure, newIdempotencyKey } from '../../../api/client';
import { useFailureHandler } from '../../../ui/use-failure';
import type { SessionChoice } from '../components/listing-form-modal';
import { toListingInput, toListingUpdate } from '../listing-values';
import type { ListingFormValues } from '../listing-values';
import { useCreateListing, useReloadListings, useUpdateListing } from './use-listings';

type Options = { choices: SessionChoice[]; listing?: ListingView; onDone: () => void };

/** The listing form's instance and submit: updates the listing, or creates one exactly once however often it is retried. */
export function useListingForm({ choices, listing, onDone }: Options) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ListingFormValues>();
  const create = useCreateListing();
  const update = useUpdateListing();
  const reload = useReloadListings();
  const onFailure = useFailureHandler();
  // One key per submission: a retry after a lost answer reuses it, so the server creates one listing.
  const idempotencyKey = useRef<string | null>(null);

  const onValuesChange = (changed: Partial<ListingFormValues>) => {
    if (changed.sessionId !== undefined) {
      const next = choices.find((c) => c.session.id === changed.sessionId);
      const current = form.getFieldValue('type') as ListingType | undefined;
      if (!next || !current || !next.types.includes(current)) {
        form.setFieldValue('type', next && next.types.length === 1 ? next.types[0] : undefined);
      }
    }
    const category = changed.goods?.category;
    if (category !== undefined && !form.getFieldValue(['goods', 'unit'])) {
      const unit = findCategory(category)?.defaultUnit;
      if (unit) form.setFieldValue(['goods', 'unit'], unit);
    }
  };

  const save = (edited: ListingView, values: ListingFormValues) =>
    update.mutate(
      { listing: edited, input: toListingUpdate(edited, values) },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onDone();
        },
        onError: (error) =>
          onFailure(error, {
            form,
            onStale: () => {
              void reload(edited);
              onDone();
            },
          }),
      },
    );

  const createNew = (values: ListingFormValues) => {
    const chosenType = values.type;
    const chosenSession = values.sessionId;
    if (!chosenType || !chosenSession) return;
    idempotencyKey.current ??= newIdempotencyKey();
    create.mutate(
      { sessionId: chosenSession, input: toListingInput(chosenType, values), idempotencyKey: idempotencyKey.current },
      {
        onSuccess: () => {
          idempotencyKey.current = null;
          void message.success(t('listing.created'));
          onDone();
        },
        onError: (error) => {
          // Keep the key only when the request may have reached the server without an answer.
          const uncertain = isApiFailure(error) && (error.status === 0 || error.status >= 500);
          if (!uncertain) idempotencyKey.current = null;
          onFailure(error, { form });
        },
      },
    );
  };

  return {
    form,
    onValuesChange,
    onFinish: (values: ListingFormValues) => (listing ? save(listing, values) : createNew(values)),
    saving: create.isPending || update.isPending,
  };
}
