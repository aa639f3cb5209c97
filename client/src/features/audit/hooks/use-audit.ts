import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry, Page } from '@duijie/shared';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { AuditQuery } from '../../../api/keys';

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: keys.audit(query),
    queryFn: ({ signal }) => api<Page<AuditEntry>>('GET', '/audit', undefined, { signal, query }),
    placeholderData: keepPreviousData,
  });
}
