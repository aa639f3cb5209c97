import { App } from 'antd';
import type { CeremonyBatch } from '@duijie/shared';
import { useFailureHandler } from '../../../ui/use-failure';
import { useChangeRunningOrder, useRunningOrder } from './use-running-order';

type RunningOrderChange = Parameters<ReturnType<typeof useChangeRunningOrder>['mutate']>[0];

/** The running order and its changes; a change refused as stale offers to reload the order. */
export function useRunningOrderActions(eventId: string) {
  const { message } = App.useApp();
  const order = useRunningOrder(eventId);
  const change = useChangeRunningOrder(eventId);
  const onFailure = useFailureHandler();
  const batches = order.data?.batches ?? [];
  const onError = (error: unknown) => onFailure(error, { onStale: () => void order.refetch() });

  const run = (input: RunningOrderChange, done?: string) =>
    change.mutate(input, {
      onSuccess: () => {
        if (done) void message.success(done);
      },
      onError,
    });
  const move = (index: number, by: -1 | 1) => {
    const ids = batches.map((b) => b.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    run({ kind: 'sequence', batchIds: ids });
  };
  /** Renames a batch, or makes a new one of these agreements. */
  const saveBatch = (batch: CeremonyBatch | null, title: string, agreementIds: string[], onSaved: () => void) =>
    change.mutate(
      batch ? { kind: 'update', batchId: batch.id, input: { version: batch.version, title } } : { kind: 'create', input: { title, agreementIds } },
      {
        onSuccess: onSaved,
        onError,
      },
    );

  return { order, change, run, move, saveBatch };
}
