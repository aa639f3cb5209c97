import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routes } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { AuditQuery } from '../../../api/keys';

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: keys.audit(query),
    queryFn: ({ signal }) => call(routes.audit.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}
