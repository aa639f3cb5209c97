import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportReport } from '@duijie/shared';
import { api, upload } from '../../../api/client';
import { keys } from '../../../api/keys';

type ImportFiles = { eventId: string; files: File[] };

/** What the files would create, and their problems; writes nothing. */
export function useImportDryRun() {
  return useMutation({
    mutationFn: ({ eventId, files }: ImportFiles) => upload<ImportReport>(`/events/${eventId}/import`, 'file', files, { query: { dryRun: true } }),
  });
}

/** Starts the real import: a job (202), or a 422 whose body carries the report's problems. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ eventId, files }: ImportFiles) => upload<ImportJob>(`/events/${eventId}/import`, 'file', files, { query: { dryRun: false } }),
  });
}

/** A running import's progress, polled until it has finished; then what it changed is refetched. */
export function useImportJob(jobId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: keys.importJob(jobId ?? ''),
    queryFn: async ({ signal }) => {
      const job = await api<ImportJob>('GET', `/import-jobs/${jobId ?? ''}`, undefined, { signal });
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
