import { useEffect, useRef, useState } from 'react';
import type { ProgramProblem, RewardProgramInput } from '@duijie/shared';
import { useCheckProgram } from './use-rewards';

/** How long the editor waits after the last change before checking the program. */
const CHECK_DELAY_MS = 600;

/** The program as edited, checked by the server a moment after each change; an older answer never overwrites a newer one. */
export function useProgramCheck(draft: RewardProgramInput, enabled: boolean): { problems: ProgramProblem[]; checking: boolean } {
  const check = useCheckProgram();
  const [problems, setProblems] = useState<ProgramProblem[]>([]);
  const [checking, setChecking] = useState(false);
  const seqRef = useRef(0);
  const { mutate } = check;

  useEffect(() => {
    if (!enabled) return;
    const seq = ++seqRef.current;
    setChecking(true);
    const timer = window.setTimeout(() => {
      mutate(draft, {
        onSuccess: (found) => {
          if (seq === seqRef.current) setProblems(found);
        },
        onSettled: () => {
          if (seq === seqRef.current) setChecking(false);
        },
      });
    }, CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, enabled, mutate]);

  return enabled ? { problems, checking } : { problems: [], checking: false };
}
