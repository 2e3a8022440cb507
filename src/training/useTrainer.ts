/**
 * The main-thread side of the training runtime: starts the widget's worker, sends the reader's
 * commands, keeps the latest progress and the history, answers queries as promises, and mirrors
 * the run on the `[data-widget]` root as `data-state`, `data-step`, `data-loss`,
 * `data-accuracy` (held-out, 0..1) and, when not training, `data-fingerprint` (the worker's hash
 * of the weights, to compare with Node's to the bit) for tests and benchmarks.
 */
import { paintThrottle } from "../widgets/primitives/afterNextPaint";
import { roundDecimals, roundSignificant } from "../widgets/primitives/format";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { RefObject } from "preact";
import type { HistoryPoint } from "../../lib/models/trainingModel";
import type { Speed } from "./speed";
import type { FromWorker, Progress, ToWorker } from "./protocol";

/** Keep at most this many history points (older ones are thinned to every other point). */
const MAX_POINTS = 400;
/**
 * While training, the widget re-renders at most this often: the worker's reports (every 100 ms)
 * are coalesced and applied in one animation frame, so the main thread stays free for the reader.
 */
const RENDER_MS = 250;

/** What the training controls need. */
export interface TrainerCommands {
  /** The last error the worker reported (e.g. a non-finite loss), or null. */
  error: string | null;
  train(): void;
  pause(): void;
  step(): void;
  /** A fresh model with the current seed and options. */
  reset(): void;
  setSpeed(speed: Speed): void;
}

export interface Trainer<Input, Output> extends TrainerCommands {
  progress: Progress<Output> | null;
  history: HistoryPoint[];
  /** The current model's output on the reader's input; rejects with the model's message. */
  query(input: Input): Promise<Output>;
}

/**
 * @param rootRef any element inside the widget (the hook finds the `[data-widget]` root from it)
 * @param createWorker `() => new Worker(new URL("./x.worker.ts", import.meta.url), { type: "module" })`,
 *   written out in the widget so Vite bundles the worker
 * @param seed, options a change of either starts a fresh run (state idle)
 */
export function useTrainer<Options, Input, Output>(
  rootRef: RefObject<HTMLElement>,
  createWorker: () => Worker,
  seed: number,
  options: Options,
): Trainer<Input, Output> {
  const worker = useRef<Worker | null>(null);
  const runs = useRef(0);
  const nextId = useRef(0);
  const waiting = useRef(new Map<number, { resolve: (o: Output) => void; reject: (e: Error) => void }>());
  const [progress, setProgress] = useState<Progress<Output> | null>(null);
  const [history, setHistory] = useState<HistoryPoint[]>([]);
  const [error, setError] = useState<string | null>(null);
  const optionsKey = JSON.stringify(options);
  // Reports not yet rendered: the latest progress and the history points since the last render.
  const pending = useRef<{ progress: Progress<Output> | null; points: HistoryPoint[] }>({
    progress: null,
    points: [],
  });
  const send = useCallback((m: ToWorker<Options, Input>) => worker.current?.postMessage(m), []);

  const flush = useCallback(() => {
    const { progress: p, points } = pending.current;
    pending.current = { progress: null, points: [] };
    if (p) setProgress(p);
    if (points.length) setHistory((h) => thin([...h, ...points]));
  }, []);

  // Reports are rendered in a task after the next paint, not inside the frame, so the page's
  // script and the frame's style, layout and paint are two tasks instead of one long one; while
  // the model trains, no sooner than RENDER_MS after the last render.
  const [throttle] = useState(() => paintThrottle(flush, RENDER_MS));

  const cancelFlush = () => {
    throttle.cancel();
    pending.current = { progress: null, points: [] };
  };

  useEffect(() => {
    const w = createWorker();
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker<Output>>) => {
      const m = e.data;
      if (m.type === "progress") {
        if (m.run !== runs.current) return; // from a run the reader has since reset
        pending.current.progress = m.progress;
        pending.current.points.push(...m.points);
        throttle.schedule(m.progress.state === "training");
      } else if (m.type === "answer") {
        const p = waiting.current.get(m.id);
        waiting.current.delete(m.id);
        if (m.error !== undefined) p?.reject(new RangeError(m.error));
        else p?.resolve(m.output as Output);
      } else setError(m.message);
    };
    w.onerror = (e) => setError(e.message || "The training worker stopped.");
    return () => {
      cancelFlush();
      w.terminate();
      worker.current = null;
    };
  }, []);

  const reset = useCallback(() => {
    runs.current++;
    cancelFlush();
    setHistory([]);
    setError(null);
    send({ type: "init", seed, options });
  }, [seed, optionsKey]);

  useEffect(reset, [reset]);

  useEffect(() => {
    const root = rootRef.current?.closest<HTMLElement>("[data-widget]");
    if (!root || !progress) return;
    root.dataset.state = progress.state;
    root.dataset.step = String(progress.step);
    root.dataset.loss = Number.isFinite(progress.loss) ? String(roundSignificant(progress.loss, 4)) : "";
    root.dataset.accuracy = Number.isFinite(progress.accuracy)
      ? String(roundDecimals(progress.accuracy, 4))
      : "";
    root.dataset.fingerprint = progress.fingerprint ?? "";
  }, [progress]);

  return {
    progress,
    history,
    error,
    train: useCallback(() => send({ type: "train" }), []),
    pause: useCallback(() => send({ type: "pause" }), []),
    step: useCallback(() => send({ type: "step" }), []),
    reset,
    setSpeed: useCallback((speed: Speed) => send({ type: "speed", speed }), []),
    query: useCallback(
      (input: Input) =>
        new Promise<Output>((resolve, reject) => {
          const id = ++nextId.current;
          waiting.current.set(id, { resolve, reject });
          send({ type: "query", id, input });
        }),
      [],
    ),
  };
}

/** Halve the resolution of the older half of the history once it grows past MAX_POINTS. */
function thin(points: HistoryPoint[]): HistoryPoint[] {
  if (points.length <= MAX_POINTS) return points;
  const half = Math.floor(points.length / 2);
  return [...points.slice(0, half).filter((_, i) => i % 2 === 0), ...points.slice(half)];
}
