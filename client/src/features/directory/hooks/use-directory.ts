import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type DirectoryEntryPublic, type DirectoryEntryUpdateInput, type DirectoryExportQuery, type DirectoryPublicQuery } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

/** Published directories, newest first (no login). */
export function usePublicDirectories() {
  return useQuery({
    queryKey: keys.publicDirectories,
    queryFn: ({ signal }) => call(routes.directory.publicList, { query: { pageSize: 100 } }, { signal }),
  });
}

/** A published directory and one filtered page of its entries (no login). */
export function usePublicDirectory(id: string, query: DirectoryPublicQuery) {
  return useQuery({
    queryKey: keys.publicDirectory(id, query),
    queryFn: ({ signal }) => call(routes.directory.publicShow, { params: { id }, query }, { signal }),
    placeholderData: keepPreviousData,
    enabled: id !== '',
  });
}

/** Every entry the filters select, page by page (for printing the whole directory). */
export function useAllPublicEntries(id: string, query: DirectoryExportQuery, enabled: boolean) {
  return useQuery({
    queryKey: keys.publicDirectory(id, { ...query, all: true }),
    enabled,
    queryFn: async ({ signal }) => {
      const items: DirectoryEntryPublic[] = [];
      for (let page = 1; page <= 100; page += 1) {
        const view = await call(routes.directory.publicShow, { params: { id }, query: { ...query, page, pageSize: 200 } }, { signal });
        items.push(...view.entries.items);
        if (items.length >= view.entries.total || view.entries.items.length === 0) break;
      }
      return items;
    },
  });
}

// ---- organisers ----

export function useEventDirectories(eventId: string | undefined) {
  return useQuery({
    queryKey: keys.eventDirectories(eventId ?? ''),
    queryFn: ({ signal }) => call(routes.directory.forEvent, { params: { id: eventId ?? '' } }, { signal }),
    enabled: eventId !== undefined,
  });
}

export function useDirectoryReview(id: string | undefined) {
  return useQuery({
    queryKey: keys.directoryReview(id ?? ''),
    queryFn: ({ signal }) => call(routes.directory.review, { params: { id: id ?? '' } }, { signal }),
    enabled: id !== undefined,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.directoriesAll });
}

export function useCompileDirectory() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { sessionId: string; version?: number }) =>
      call(routes.directory.compile, { params: { id: input.sessionId }, body: input.version === undefined ? {} : { version: input.version } }),
    onSuccess: refresh,
  });
}

export function useUpdateDirectoryEntry() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { id: string; body: DirectoryEntryUpdateInput }) => call(routes.directory.updateEntry, { params: { id: input.id }, body: input.body }),
    onSuccess: refresh,
  });
}

export function usePublishDirectory() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { id: string; version: number; publish: boolean }) =>
      call(input.publish ? routes.directory.publish : routes.directory.unpublish, { params: { id: input.id }, body: { version: input.version } }),
    onSuccess: refresh,
  });
}
