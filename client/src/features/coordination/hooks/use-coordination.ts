import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  routes,
  type DepartmentInput,
  type LiaisonInput,
  type LiaisonReportInput,
  type LiaisonReportListQuery,
  type ProblemInput,
  type ProblemListQuery,
  type UrgentLiaisonReportInput,
} from '@duijie/shared';
import { call, newIdempotencyKey } from '../../../api/client';
import { keys } from '../../../api/keys';

// ---- departments ----

export function useDepartments(eventId: string) {
  return useQuery({
    queryKey: keys.departments(eventId),
    queryFn: ({ signal }) => call(routes.coordination.departments, { params: { id: eventId } }, { signal }),
  });
}

export function useCreateDepartment(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DepartmentInput) => call(routes.coordination.createDepartment, { params: { id: eventId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.departments(eventId) }),
  });
}

export function useDeleteDepartment(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(routes.coordination.deleteDepartment, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.departments(eventId) }),
  });
}

/** Organiser organisations, whose users answer for a department. */
export function useOrganiserOrganisations() {
  return useQuery({
    queryKey: keys.organisations({ kind: 'organiser', status: 'approved', pageSize: 200 }),
    queryFn: ({ signal }) => call(routes.organisations.list, { query: { kind: 'organiser', status: 'approved', pageSize: 200 } }, { signal }),
  });
}

// ---- problems ----

export function useProblems(eventId: string, query: ProblemListQuery) {
  return useQuery({
    queryKey: keys.problems(eventId, query),
    queryFn: ({ signal }) => call(routes.coordination.problems, { params: { id: eventId }, query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMyProblems() {
  return useQuery({ queryKey: keys.myProblems, queryFn: ({ signal }) => call(routes.coordination.mine, {}, { signal }) });
}

/** Raises a problem; one Idempotency-Key per form, so a retried click raises it once. */
export function useRaiseProblem(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: ProblemInput; key: string }) =>
      call(routes.coordination.raise, { params: { id: eventId }, body }, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.myProblems }),
  });
}

export function useRouteProblem(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, departmentId, answerWorkingDays, version }: { id: string; departmentId: string; answerWorkingDays: number; version: number }) =>
      call(
        routes.coordination.route,
        { params: { id }, body: { departmentId, answerWorkingDays, version } },
        { headers: { 'Idempotency-Key': newIdempotencyKey() } },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.coordinationAll(eventId) }),
  });
}

export function useAnswerProblem(eventId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer, version }: { id: string; answer: string; version: number }) =>
      call(routes.coordination.answer, { params: { id }, body: { answer, version } }, { headers: { 'Idempotency-Key': newIdempotencyKey() } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.myProblems }),
        eventId ? client.invalidateQueries({ queryKey: keys.coordinationAll(eventId) }) : undefined,
      ]),
  });
}

// ---- liaison officers ----

export function useLiaisons(eventId: string) {
  return useQuery({
    queryKey: keys.liaisons(eventId),
    queryFn: ({ signal }) => call(routes.coordination.liaisons, { params: { id: eventId } }, { signal }),
  });
}

export function useLiaisonReports(eventId: string, query: LiaisonReportListQuery) {
  return useQuery({
    queryKey: keys.liaisonReports(eventId, query),
    queryFn: ({ signal }) => call(routes.coordination.liaisonReports, { params: { id: eventId }, query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDesignateLiaison(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ organisationId, body }: { organisationId: string; body: LiaisonInput }) =>
      call(routes.coordination.designate, { params: { id: eventId, organisationId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.liaisons(eventId) }),
  });
}

export function useStopLiaison(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) => call(routes.coordination.stopLiaison, { params: { id: eventId, organisationId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.liaisons(eventId) }),
  });
}

export function useOrganisationUsers(organisationId: string | undefined) {
  return useQuery({
    queryKey: keys.organisationUsers(organisationId ?? ''),
    queryFn: ({ signal }) => call(routes.users.list, { params: { id: organisationId! } }, { signal }),
    enabled: organisationId !== undefined,
  });
}

export function useEnterpriseSearch(q: string) {
  const query = { status: 'approved' as const, q: q || undefined, pageSize: 20 };
  return useQuery({
    queryKey: keys.organisations(query),
    queryFn: ({ signal }) => call(routes.organisations.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMyLiaisonReports() {
  return useQuery({ queryKey: keys.myLiaisonReports, queryFn: ({ signal }) => call(routes.coordination.myLiaisonReports, {}, { signal }) });
}

export function useFileLiaisonReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ obligationId, body, key }: { obligationId: string; body: LiaisonReportInput; key: string }) =>
      call(routes.coordination.fileLiaisonReport, { params: { id: obligationId }, body }, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: keys.myLiaisonReports }), client.invalidateQueries({ queryKey: keys.myObligations })]),
  });
}

export function useFileUrgentLiaisonReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId, body, key }: { eventId: string; body: UrgentLiaisonReportInput; key: string }) =>
      call(routes.coordination.urgentLiaisonReport, { params: { id: eventId }, body }, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.myLiaisonReports }),
  });
}

// ---- weekly summaries ----

export function useWeeklySummaries(eventId: string) {
  return useQuery({
    queryKey: keys.weeklySummaries(eventId),
    queryFn: ({ signal }) => call(routes.coordination.weeklySummaries, { params: { id: eventId } }, { signal }),
  });
}

export function useWeeklySummary(id: string | null) {
  return useQuery({
    queryKey: keys.weeklySummary(id ?? ''),
    queryFn: ({ signal }) => call(routes.coordination.weeklySummary, { params: { id: id! } }, { signal }),
    enabled: id !== null,
  });
}

export function useGenerateWeeklySummary(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (weekStart?: string) => call(routes.coordination.generateWeeklySummary, { params: { id: eventId }, body: weekStart ? { weekStart } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.weeklySummaries(eventId) }),
  });
}
