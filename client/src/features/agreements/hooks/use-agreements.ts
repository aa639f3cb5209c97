import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agreement, AgreementInput, AgreementUpdateInput, SigningGrant } from '@duijie/shared';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';

/** A slow safety net under the live updates (useLiveAgreements), e.g. while offline. */
const LIST_REFRESH_MS = 60_000;

export function useMyAgreements() {
  return useQuery({
    queryKey: keys.myAgreements,
    queryFn: ({ signal }) => api<Agreement[]>('GET', '/me/agreements', undefined, { signal }),
    refetchInterval: LIST_REFRESH_MS,
  });
}

export function useAgreement(id: string | null) {
  return useQuery({
    queryKey: keys.agreement(id ?? ''),
    queryFn: ({ signal }) => api<Agreement>('GET', `/agreements/${id ?? ''}`, undefined, { signal }),
    enabled: id !== null,
  });
}

export function useSessionAgreements(sessionId: string | undefined) {
  return useQuery({
    queryKey: keys.sessionAgreements(sessionId ?? ''),
    queryFn: ({ signal }) => api<Agreement[]>('GET', `/sessions/${sessionId ?? ''}/agreements`, undefined, { signal }),
    enabled: sessionId !== undefined,
    placeholderData: keepPreviousData,
    refetchInterval: LIST_REFRESH_MS,
  });
}

type AgreementRef = Pick<Agreement, 'id' | 'sessionId'>;

/** Refreshes every list and detail that shows this agreement. */
export function useInvalidateAgreement() {
  const queryClient = useQueryClient();
  return async (agreement?: AgreementRef) => {
    await queryClient.invalidateQueries({ queryKey: keys.myAgreements });
    if (agreement) {
      await queryClient.invalidateQueries({ queryKey: keys.agreement(agreement.id) });
      await queryClient.invalidateQueries({ queryKey: keys.sessionAgreements(agreement.sessionId) });
    }
  };
}

export function useCreateAgreement() {
  const invalidate = useInvalidateAgreement();
  return useMutation({
    mutationFn: ({ sessionId, input }: { sessionId: string; input: AgreementInput }) => api<Agreement>('POST', `/sessions/${sessionId}/agreements`, input),
    onSuccess: (created) => invalidate(created),
  });
}

export function useUpdateAgreement() {
  const invalidate = useInvalidateAgreement();
  return useMutation({
    mutationFn: ({ agreement, input }: { agreement: AgreementRef; input: AgreementUpdateInput }) =>
      api<Agreement>('PATCH', `/agreements/${agreement.id}`, input),
    onSuccess: (_updated, { agreement }) => invalidate(agreement),
  });
}

export function useSignAgreement() {
  const invalidate = useInvalidateAgreement();
  return useMutation({
    mutationFn: ({ agreement, contentHash, idempotencyKey }: { agreement: AgreementRef; contentHash: string; idempotencyKey: string }) =>
      api<Agreement>('POST', `/agreements/${agreement.id}/sign`, { contentHash }, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (_signed, { agreement }) => invalidate(agreement),
  });
}

export function useStepUp() {
  return useMutation({
    mutationFn: (password: string) => api<SigningGrant>('POST', '/auth/step-up', { password }),
  });
}

export function useConfirmAgreement() {
  const invalidate = useInvalidateAgreement();
  return useMutation({
    mutationFn: (agreement: AgreementRef) => api<Agreement>('POST', `/agreements/${agreement.id}/confirm`),
    onSuccess: (_confirmed, agreement) => invalidate(agreement),
  });
}
