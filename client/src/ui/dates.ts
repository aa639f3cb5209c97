import dayjs from 'dayjs';

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDateRange(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return '—';
  return `${formatDate(from)} ~ ${formatDate(to)}`;
}

/** A day as the API wants it (YYYY-MM-DD). */
export function toDay(value: dayjs.Dayjs): string {
  return value.format('YYYY-MM-DD');
}
