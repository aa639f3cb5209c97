import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type ImportJob, type ImportReport } from '@duijie/shared';
import { ApiFailure, call, uploadTo } from '../../../api/client';
import { keys } from '../../../api/keys';

type ImportFiles = { eventId: string; files: File[] };

/** The import route answers the report to a dry run (200) and the running job to a real import (202). */
function asReport(answer: ImportReport | ImportJob): ImportReport {
  if ('dryRun' in answer) return answer;
  throw new ApiFailure({ statusCode: 202, code: 'unexpected_answer', message: 'a job answered a dry run' });
}

function asJob(answer: ImportReport | ImportJob): ImportJob {
  if ('state' in answer) return answer;
  throw new ApiFailure({ statusCode: 200, code: 'unexpected_answer', message: 'a report answered an import' });
}

/** What the files would create, and their problems; writes nothing. */
export function useImportDryRun() {
  return useMutation({
    mutationFn: ({ eventId, files }: ImportFiles) =>
      uploadTo(routes.imports.import, { params: { id: eventId }, query: { dryRun: 'true' } }, files).then(asReport),
  });
}

/** Starts the real import: a job (202), or a 422 whose body carries the report's problems. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ eventId, files }: ImportFiles) =>
      uploadTo(routes.imports.import, { params: { id: eventId }, query: { dryRun: 'false' } }, files).then(asJob),
  });
}

/** A running import's progress, polled until it has finished; then what it changed is refetched. */
export function useImportJob(jobId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: keys.importJob(jobId ?? ''),
    queryFn: async ({ signal }) => {
      const job = await call(routes.imports.job, { params: { id: jobId ?? '' } }, { signal });
      if (job.state === 'succeeded') {
        void queryClient.invalidateQueries({ queryKey: keys.organisationsAll });
        void queryClient.invalidateQueries({ queryKey: ['sessions'] });
      }
      return job;
    },
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' || query.state.data === undefined ? 500 : false),
  });
}
