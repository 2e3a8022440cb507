/**
 * The worker side of {@link useWorkerMeasure}: a measurement split into parts, each posted to the
 * page as soon as it is computed, so the curves fill in while the page stays responsive.
 *
 * A worker file calls `serveMeasure` once, with the generator of the measurement's parts:
 *
 * @example
 * // bnWorker.ts
 * serveMeasure<BnMeasureInput, BnPoint>(bnPoints);
 */

/** A job sent to a measuring worker: its number (answers carry it) and its input. */
export interface MeasureJob<I> {
  job: number;
  input: I;
}

/** An answer from a measuring worker: one more part of job `job`, or why it failed. */
export type MeasureAnswer<P> = { job: number; part: P } | { job: number; error: string };

/**
 * Answer every job posted to this worker with the parts `parts(input)` yields, each posted as soon
 * as it is computed. Between two parts the worker yields to its event loop, so a newer job (the
 * reader moved a slider again) is seen there and the older one stops: the page reuses one worker
 * instead of terminating it and starting another for every change.
 */
export function serveMeasure<I, P>(parts: (input: I) => Iterable<P>): void {
  const scope = globalThis as unknown as {
    onmessage: ((e: MessageEvent<MeasureJob<I>>) => void) | null;
    postMessage(message: MeasureAnswer<P>): void;
  };
  let current = -1;
  scope.onmessage = async (e) => {
    const { job, input } = e.data;
    current = job;
    try {
      for (const part of parts(input)) {
        scope.postMessage({ job, part });
        await nextTask();
        if (current !== job) return;
      }
    } catch (err) {
      scope.postMessage({ job, error: err instanceof Error ? err.message : String(err) });
    }
  };
}

/** Resolve in a new task, after the messages already queued (a message channel, not a clamped timer). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
