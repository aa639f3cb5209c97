import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type Agreement, type AgreementInput, type AgreementUpdateInput } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

/** A slow safety net under the live updates (useLiveAgreements), e.g. while offline. */
const LIST_REFRESH_MS = 60_000;

export function useMyAgreements() {
  return useQuery({
    queryKey: keys.myAgreements,
    queryFn: ({ signal }) => call(routes.agreements.mine, {}, { signal }),
    refetchInterval: LIST_REFRESH_MS,
  });
}

export function useAgreement(id: string | null) {
  return useQuery({
    queryKey: keys.agreement(id ?? ''),
    queryFn: ({ signal }) => call(routes.agreements.get, { params: { id: id ?? '' } }, { signal }),
    enabled: id !== null,
  });
}

export function useSessionAgreements(sessionId: string | undefined) {
  return useQuery({
    queryKey: keys.sessionAgreements(sessionId ?? ''),
    queryFn: ({ signal }) => call(routes.agreements.forSession, { params: { id: sessionId ?? '' } }, { signal }),
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
    mutationFn: ({ sessionId, input }: { sessionId: string; input: AgreementInput }) =>
      call(routes.agreements.create, { params: { id: sessionId }, body: input }),
    onSuccess: (created) => invalidate(created),
  });
}

export function useUpdateAgreement() {
  const invalidate = useInvalidateAgreement();
  return useMutation({
    mutationFn: ({ agreement, input }: { agreement: AgreementRef; input: AgreementUpdateInput }) =>
      call(routes.agreements.update, { params: { id: agreement.id }, body: input }),
    onSuccess: (_updated, { agreement }) => invalidate(agreement),
  });
}

export function useSignAgreement() {
  const invalidate = useInvalidateAgreement();
  return useMutation({
    mutationFn: ({ agreement, contentHash, idempotencyKey }: { agreement: AgreementRef; contentHash: string; idempotencyKey: string }) =>
      call(routes.agreements.sign, { params: { id: agreement.id }, body: { contentHash } }, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (_signed, { agreement }) => invalidate(agreement),
  });
}

export function useStepUp() {
  return useMutation({
    mutationFn: (password: string) => call(routes.auth.stepUp, { body: { password } }),
  });
}

export function useConfirmAgreement() {
  const invalidate = useInvalidateAgreement();
  return useMutation({
    mutationFn: (agreement: AgreementRef) => call(routes.agreements.confirm, { params: { id: agreement.id } }),
    onSuccess: (_confirmed, agreement) => invalidate(agreement),
  });
}
