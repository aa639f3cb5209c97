import type { TFunction } from 'i18next';
import { isApiFailure } from '../api/client';

/** A short, user-facing sentence for any failure. */
export function failureText(error: unknown, t: TFunction): string {
  if (!isApiFailure(error)) return t('errors.unknown');
  // Known domain codes have their own translated sentence; others fall back by status.
  const known = t(`errors.codes.${error.body.code}`, { defaultValue: '' });
  if (known !== '') return known;
  switch (error.status) {
    case 0:
      return t('errors.network');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 429:
      return t('errors.rateLimited');
    default:
      if (error.status >= 500) return t('errors.server');
      return error.body.message !== '' ? error.body.message : t('errors.unknown');
  }
}
