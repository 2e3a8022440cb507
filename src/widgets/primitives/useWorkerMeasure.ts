import { useEffect, useRef, useState } from "preact/hooks";
import { paintThrottle } from "./afterNextPaint";
import type { MeasureAnswer } from "./measureWorker";

/** Streamed parts are drawn at most this often (ms). */
const DRAW_EVERY_MS = 250;

/** A measurement's parts for one key (the string naming the inputs they depend on). */
export interface Streamed<P> {
  key: string;
  parts: P[];
}

export interface WorkerMeasure<P> {
  /** The parts measured so far for the current key, in order (all `total` when complete). */
  parts: P[];
  /** True while parts for the current key are still coming. */
  busy: boolean;
  /** True after Cancel, until the key changes or `restart()`. */
  cancelled: boolean;
  /** Why the measurement failed, or null. */
  error: string | null;
  /** Stop measuring now (the worker is terminated); the parts so far stay. */
  cancel(): void;
  /** Measure the current key again from the start (after Cancel). */
  restart(): void;
}

/**
 * A slow measurement run in a Web Worker, following the state without ever blocking the page.
 * When `key` changes, the worker made by `start` is sent `input`, and its parts stream in: `parts`
 * grows until it holds `total` of them. A worker still busy with an older key is not restarted: it
 * drops that job at its next part (`serveMeasure`), and parts of old jobs are ignored. `initial`
 * (precomputed at build time) is used while the key is its key. The worker file calls
 * `serveMeasure` (`measureWorker.ts`).
 *
 * @example
 * const m = useWorkerMeasure(
 *   () => new Worker(new URL("./bnWorker.ts", import.meta.url), { type: "module" }),
 *   bnKey(state), { summary: state.summary, hidden: state.hidden, seed: state.seed }, MAX_LENGTH, initial,
 * );
 * // m.parts: the points so far; <MeasureProgress measure={m} total={MAX_LENGTH} … />
 */
export function useWorkerMeasure<I, P>(
  start: () => Worker,
  key: string,
  input: I,
  total: number,
  initial?: Streamed<P>,
): WorkerMeasure<P> {
  const [state, setState] = useState<Streamed<P> & { cancelled: boolean; error: string | null }>({
    key: initial?.key ?? "",
    parts: initial?.parts ?? [],
    cancelled: false,
    error: null,
  });
  const worker = useRef<Worker | null>(null);
  const job = useRef(0);
  const [runs, setRuns] = useState(0);

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stop, []);

  useEffect(() => {
    const complete = state.key === key && state.parts.length >= total && !state.error;
    if (complete) return;
    const id = ++job.current;
    setState({ key, parts: [], cancelled: false, error: null });
    const fail = (error: string) => {
      stop();
      setState((s) => (s.key === key ? { ...s, error } : s));
    };
    let w: Worker;
    try {
      w = worker.current ?? start();
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
      return;
    }
    worker.current = w;
    // Parts are drawn in batches, at most every DRAW_EVERY_MS and in a task after a paint, so a
    // fast stream neither redraws the chart every frame nor holds up the paint of a reader's key.
    let arrived: P[] = [];
    const draw = paintThrottle(() => {
      const batch = arrived;
      arrived = [];
      if (job.current !== id) return;
      setState((s) => (s.key === key ? { ...s, parts: [...s.parts, ...batch] } : s));
    }, DRAW_EVERY_MS);
    w.onmessage = (e: MessageEvent<MeasureAnswer<P>>) => {
      const m = e.data;
      if (m.job !== id) return;
      if ("error" in m) return fail(m.error);
      arrived.push(m.part);
      draw.schedule();
    };
    w.onerror = (e) => fail(e.message || "the measurement stopped");
    w.postMessage({ job: id, input });
  }, [key, runs]);

  const current = state.key === key;
  const parts = current ? state.parts : [];
  const cancelled = current && state.cancelled;
  const error = current ? state.error : null;
  return {
    parts,
    busy: !cancelled && !error && parts.length < total,
    cancelled,
    error,
    cancel() {
      stop();
      setState((s) => ({ ...s, cancelled: true }));
    },
    restart() {
      setRuns((r) => r + 1);
    },
  };
}
