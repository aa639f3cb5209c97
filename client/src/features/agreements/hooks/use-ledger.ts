import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type LedgerEntryInput, type LedgerReopenInput } from '@duijie/shared';
import { call, newIdempotencyKey } from '../../../api/client';
import { keys } from '../../../api/keys';

/** The follow-up ledger of a signed agreement (approvals, disbursements, deliveries, the outcome). */
export function useLedger(agreementId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.ledger(agreementId),
    queryFn: ({ signal }) => call(routes.agreements.ledger, { params: { id: agreementId } }, { signal }),
    enabled,
  });
}

export function useRecordLedgerEntry(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LedgerEntryInput) =>
      call(routes.agreements.recordLedger, { params: { id: agreementId }, body: input }, { headers: { 'Idempotency-Key': newIdempotencyKey() } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.ledger(agreementId) }),
  });
}

/** Organisers only: withdraws the performed/terminated entry so follow-up can go on. */
export function useReopenLedger(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LedgerReopenInput) => call(routes.agreements.reopenLedger, { params: { id: agreementId }, body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.ledger(agreementId) }),
  });
}
