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

/** Answer every job posted to this worker with the parts `parts(input)` yields, each posted as soon as it is computed. */
export function serveMeasure<I, P>(parts: (input: I) => Iterable<P>): void {
  const scope = globalThis as unknown as {
    onmessage: ((e: MessageEvent<MeasureJob<I>>) => void) | null;
    postMessage(message: MeasureAnswer<P>): void;
  };
  scope.onmessage = (e) => {
    const { job, input } = e.data;
    try {
      for (const part of parts(input)) scope.postMessage({ job, part });
    } catch (err) {
      scope.postMessage({ job, error: err instanceof Error ? err.message : String(err) });
    }
  };
}
