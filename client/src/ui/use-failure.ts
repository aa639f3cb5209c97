import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../api/form-errors';
import type { FieldAliases } from '../api/form-errors';
import { isApiFailure } from '../api/client';
import { failureText } from './failure-text';

/** A write refused because it was based on an old version of the record. */
export function isStale(error: unknown): boolean {
  return isApiFailure(error) && error.status === 409 && error.body.code === 'stale_version';
}

export type FailureContext<T> = {
  form?: FormInstance<T>;
  aliases?: FieldAliases;
  /** Called when the user chooses to reload after a 409 (someone else changed it). */
  onStale?: () => void;
};

/**
 * The one way a screen reports a failed mutation: field errors go onto the form, a stale edit
 * offers a reload, anything else becomes a message.
 */
export function useFailureHandler(): <T>(error: unknown, context?: FailureContext<T>) => void {
  const { message, modal } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    <T>(error: unknown, context: FailureContext<T> = {}) => {
      if (isStale(error) && context.onStale) {
        const onStale = context.onStale;
        modal.confirm({
          title: t('errors.staleTitle'),
          content: t('errors.staleBody'),
          okText: t('errors.reload'),
          cancelText: t('common.cancel'),
          onOk: onStale,
        });
        return;
      }
      const withFields = isApiFailure(error) && !isStale(error) && (error.body.fields?.length ?? 0) > 0;
      if (isApiFailure(error) && withFields && context.form && (error.status === 400 || error.status === 409)) {
        const unmapped = applyFieldErrors(context.form, error.body, context.aliases);
        const known = t(`errors.codes.${error.body.code}`, { defaultValue: '' });
        void message.error(unmapped.length > 0 ? unmapped.join('; ') : known !== '' ? known : t('errors.checkFields'));
        return;
      }
      void message.error(failureText(error, t));
    },
    [message, modal, t],
  );
}
