/**
 * Runs a task for a key at most once per interval however often it is asked for: at once
 * on the first request (leading edge), then once more at the end of the interval if it
 * was asked for again meanwhile (trailing edge). For aggregates recomputed on change.
 */
export class Coalescer {
  private readonly pending = new Map<string, { dirty: boolean; timer: NodeJS.Timeout }>();

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  request(key: string, task: () => Promise<void>): void {
    const entry = this.pending.get(key);
    if (entry) {
      entry.dirty = true;
      return;
    }
    task().catch(this.onError);
    const timer = setTimeout(() => {
      const done = this.pending.get(key);
      this.pending.delete(key);
      if (done?.dirty) this.request(key, task);
    }, this.intervalMs);
    timer.unref();
    this.pending.set(key, { dirty: false, timer });
  }

  clear(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
