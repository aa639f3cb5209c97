import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationCreated, InvitationInput, Organisation, OrganisationInput, OrganisationUpdateInput, Page, User, UserUpdateInput } from '@duijie/shared';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { OrganisationListQuery } from '../../../api/keys';

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: keys.organisation(id),
    queryFn: ({ signal }) => api<Organisation>('GET', `/organisations/${id}`, undefined, { signal }),
  });
}

export function useOrganisations(query: OrganisationListQuery, enabled = true) {
  return useQuery({
    queryKey: keys.organisations(query),
    queryFn: ({ signal }) => api<Page<Organisation>>('GET', '/organisations', undefined, { signal, query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganisationUsers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.organisationUsers(id),
    queryFn: ({ signal }) => api<User[]>('GET', `/organisations/${id}/users`, undefined, { signal }),
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
    mutationFn: (input: OrganisationInput) => api<Organisation>('POST', '/organisations', input),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: OrganisationUpdateInput }) => api<Organisation>('PATCH', `/organisations/${id}`, input),
    onSuccess: () => invalidate(),
  });
}

export function useApproveOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: (id: string) => api<Organisation>('POST', `/organisations/${id}/approve`),
    onSuccess: () => invalidate(),
  });
}

export function useRejectOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api<Organisation>('POST', `/organisations/${id}/reject`, { reason }),
    onSuccess: () => invalidate(),
  });
}

export function useSuspendOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api<Organisation>('POST', `/organisations/${id}/suspend`, { reason }),
    onSuccess: () => invalidate(),
  });
}

export function useReinstateOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: (id: string) => api<Organisation>('POST', `/organisations/${id}/reinstate`),
    onSuccess: () => invalidate(),
  });
}

export function useCreateInvitation() {
  return useMutation({
    mutationFn: ({ organisationId, input }: { organisationId: string; input: InvitationInput }) =>
      api<InvitationCreated>('POST', `/organisations/${organisationId}/invitations`, input),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, input }: { user: User; input: UserUpdateInput }) => api<User>('PATCH', `/users/${user.id}`, input),
    onSuccess: (_updated, { user }) => queryClient.invalidateQueries({ queryKey: keys.organisationUsers(user.organisationId) }),
  });
}

/** An organiser lets logins to an account protected after many failed logins through again. */
export function useUnlockLogin() {
  return useMutation({
    mutationFn: (user: User) => api<{ wasProtected: boolean }>('POST', `/users/${user.id}/login-unlock`),
  });
}
