import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LedgerEntry, LedgerEntryInput, LedgerReopenInput } from '@duijie/shared';
import { api, newIdempotencyKey } from '../../../api/client';
import { keys } from '../../../api/keys';

/** The follow-up ledger of a signed agreement (approvals, disbursements, deliveries, the outcome). */
export function useLedger(agreementId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.ledger(agreementId),
    queryFn: ({ signal }) => api<LedgerEntry[]>('GET', `/agreements/${agreementId}/ledger`, undefined, { signal }),
    enabled,
  });
}

export function useRecordLedgerEntry(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LedgerEntryInput) =>
      api<LedgerEntry>('POST', `/agreements/${agreementId}/ledger`, input, { headers: { 'Idempotency-Key': newIdempotencyKey() } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.ledger(agreementId) }),
  });
}

/** Organisers only: withdraws the performed/terminated entry so follow-up can go on. */
export function useReopenLedger(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LedgerReopenInput) => api<LedgerEntry>('POST', `/agreements/${agreementId}/ledger/reopen`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.ledger(agreementId) }),
  });
}
