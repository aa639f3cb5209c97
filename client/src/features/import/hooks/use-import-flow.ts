import { useState } from 'react';
import type { ImportRefused, ImportReport } from '@duijie/shared';
import { isApiFailure } from '../../../api/client';
import { useFailureHandler } from '../../../ui/use-failure';
import { useImportDryRun, useImportJob, useStartImport } from './use-import';
import { useEvents } from '../../events/hooks/use-events';
import { pickedOrOnly } from '../../events/only-choice';

/** The 422 of a real import refused for its problems carries the report. */
function refusedReport(error: unknown): ImportReport | null {
  if (!isApiFailure(error) || error.status !== 422) return null;
  return (error.body as Partial<ImportRefused>).report ?? null;
}

export type Picked = { uid: string; file: File };

/**
 * The import's steps: the event, the files picked (two at most), the dry run's report and the
 * real import's job. A new event or file drops the report and the job, so they are checked again.
 */
export function useImportFlow() {
  const onFailure = useFailureHandler();
  const events = useEvents();
  const [pickedEvent, setEventId] = useState<string | undefined>(undefined);
  // With one event the import is for it.
  const eventId = pickedOrOnly(pickedEvent, events.data);

  const [picked, setPicked] = useState<Picked[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const dryRun = useImportDryRun();
  const start = useStartImport();
  const job = useImportJob(jobId);

  const reset = () => {
    setReport(null);
    setJobId(null);
  };
  const files = picked.map((p) => p.file);

  const chooseEvent = (id: string) => {
    setEventId(id);
    reset();
  };
  const pick = (uid: string, file: File) => {
    setPicked((before) => [...before, { uid, file }].slice(-2));
    reset();
  };
  const unpick = (uid: string) => {
    setPicked((before) => before.filter((p) => p.uid !== uid));
    reset();
  };

  const check = () => {
    if (!eventId) return;
    reset();
    dryRun.mutate({ eventId, files }, { onSuccess: setReport, onError: (error) => onFailure(error) });
  };

  const importNow = () => {
    if (!eventId) return;
    start.mutate(
      { eventId, files },
      {
        onSuccess: (started) => setJobId(started.id),
        onError: (error) => {
          const refused = refusedReport(error);
          if (refused) setReport(refused);
          else onFailure(error);
        },
      },
    );
  };

  const nothingToDo =
    report !== null && report.organisations.create + report.listings.create + report.participations.create + report.participations.approve === 0;

  return {
    eventId,
    picked,
    report,
    nothingToDo,
    /** Whether a real import has started for these files. */
    started: jobId !== null,
    running: job.data,
    checking: dryRun.isPending,
    importing: start.isPending,
    chooseEvent,
    pick,
    unpick,
    check,
    importNow,
  };
}
