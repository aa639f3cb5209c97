import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type InvitationInput, type OrganisationInput, type OrganisationUpdateInput, type User, type UserUpdateInput } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { OrganisationListQuery } from '../../../api/keys';

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: keys.organisation(id),
    queryFn: ({ signal }) => call(routes.organisations.get, { params: { id } }, { signal }),
  });
}

export function useOrganisations(query: OrganisationListQuery, enabled = true) {
  return useQuery({
    queryKey: keys.organisations(query),
    queryFn: ({ signal }) => call(routes.organisations.list, { query }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganisationUsers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.organisationUsers(id),
    queryFn: ({ signal }) => call(routes.users.list, { params: { id } }, { signal }),
    enabled,
  });
}

function useInvalidateOrganisations() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: keys.organisationsAll });
    // My own organisation's name or status shows in the header.
    await queryClient.invalidateQueries({ queryKey: keys.me });
  };
}

export function useCreateOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: (input: OrganisationInput) => call(routes.organisations.create, { body: input }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: OrganisationUpdateInput }) => call(routes.organisations.update, { params: { id }, body: input }),
    onSuccess: () => invalidate(),
  });
}

export function useApproveOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: (id: string) => call(routes.organisations.approve, { params: { id } }),
    onSuccess: () => invalidate(),
  });
}

export function useRejectOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => call(routes.organisations.reject, { params: { id }, body: { reason } }),
    onSuccess: () => invalidate(),
  });
}

export function useSuspendOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => call(routes.organisations.suspend, { params: { id }, body: { reason } }),
    onSuccess: () => invalidate(),
  });
}

export function useReinstateOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: (id: string) => call(routes.organisations.reinstate, { params: { id } }),
    onSuccess: () => invalidate(),
  });
}

export function useCreateInvitation() {
  return useMutation({
    mutationFn: ({ organisationId, input }: { organisationId: string; input: InvitationInput }) =>
      call(routes.users.invite, { params: { id: organisationId }, body: input }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, input }: { user: User; input: UserUpdateInput }) => call(routes.users.update, { params: { id: user.id }, body: input }),
    onSuccess: (_updated, { user }) => queryClient.invalidateQueries({ queryKey: keys.organisationUsers(user.organisationId) }),
  });
}

/** An organiser lets logins to an account protected after many failed logins through again. */
export function useUnlockLogin() {
  return useMutation({
    mutationFn: (user: User) => call(routes.auth.unlockLogin, { params: { id: user.id } }),
  });
}
