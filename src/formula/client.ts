/**
 * The page's side of the formula worker. Requests run one at a time; one that runs longer than
 * the wall-clock limit is stopped by terminating the worker, which is started again for the
 * requests behind it. The page's main thread never evaluates a formula.
 */
import type { FormulaProblem } from "../../lib/formula/messages";
import type { KnownNames, Request, Response } from "./protocol";

/**
 * Wall-clock limit of one request, in milliseconds, after which the worker is terminated. The
 * worker stops a formula itself after 2 s (`handlers.ts`); this is the backstop for the rare
 * computation that makes no calls the worker can check.
 */
export const TIME_LIMIT_MS = 4_000;
/** How long the worker may take to start (download and build the mathjs instance). */
export const START_LIMIT_MS = 20_000;

/** A request the worker refused or could not finish, with a sentence for the reader. */
export class FormulaError extends Error {
  readonly problem: FormulaProblem;
  /** The worker was stopped (too slow, or it crashed). */
  readonly stopped: boolean;
  constructor(problem: FormulaProblem, stopped = false) {
    super(problem.message);
    this.name = "FormulaError";
    this.problem = problem;
    this.stopped = stopped;
  }
}

/** The parts of a `Worker` the client uses (a fake one in unit tests). */
export interface WorkerLike {
  postMessage(data: unknown): void;
  terminate(): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

interface Pending {
  id: number;
  req: Request;
  resolve: (v: unknown) => void;
  reject: (e: FormulaError) => void;
}

export interface ClientOptions {
  timeLimitMs?: number;
  startLimitMs?: number;
}

export class FormulaWorkerClient {
  private worker: WorkerLike | null = null;
  private ready = false;
  private queue: Pending[] = [];
  private running: Pending | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private readonly timeLimit: number;
  private readonly startLimit: number;
  private readonly namesPromise: Promise<KnownNames>;
  private resolveNames!: (n: KnownNames) => void;
  /** How many times the worker was stopped and started again. */
  restarts = 0;

  constructor(
    private readonly spawn: () => WorkerLike,
    options: ClientOptions = {},
  ) {
    this.timeLimit = options.timeLimitMs ?? TIME_LIMIT_MS;
    this.startLimit = options.startLimitMs ?? START_LIMIT_MS;
    this.namesPromise = new Promise((r) => (this.resolveNames = r));
  }

  /** Names formulas may use without defining them; starts the worker if it is not running. */
  get names(): Promise<KnownNames> {
    if (!this.worker) this.start();
    return this.namesPromise;
  }

  /**
   * Send a request; resolves with the worker's result, rejects with a {@link FormulaError}. An
   * aborted `signal` drops the request if it is still waiting (its promise never settles).
   */
  request<T>(req: Request, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const p: Pending = { id: this.nextId++, req, resolve: resolve as (v: unknown) => void, reject };
      this.queue.push(p);
      signal?.addEventListener("abort", () => {
        const i = this.queue.indexOf(p);
        if (i >= 0) this.queue.splice(i, 1);
      });
      this.pump();
    });
  }

  /** Stop the worker and fail every waiting request. */
  dispose(): void {
    this.stop();
    for (const p of this.queue.splice(0))
      p.reject(new FormulaError({ message: "The formula engine was closed." }));
  }

  private start(): void {
    const w = this.spawn();
    this.worker = w;
    this.ready = false;
    w.onmessage = (e: MessageEvent<Response>) => this.receive(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      this.fail(
        this.ready
          ? "The formula engine stopped unexpectedly while evaluating this formula (it probably ran out of memory). It has been restarted; simplify the formula."
          : "The formula engine could not start. Reload the page to try again.",
      );
    };
    this.arm(this.startLimit, "The formula engine took too long to start. Reload the page to try again.");
  }

  private receive(r: Response): void {
    if ("type" in r) {
      this.ready = true;
      this.resolveNames(r.names);
      this.disarm();
      this.pump();
      return;
    }
    const p = this.running;
    if (!p || p.id !== r.id) return;
    this.running = null;
    this.disarm();
    if (r.ok) p.resolve(r.result);
    else p.reject(new FormulaError(r.problem));
    this.pump();
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    if (!this.worker) return this.start();
    if (!this.ready) return;
    const p = this.queue.shift()!;
    this.running = p;
    this.worker.postMessage({ ...p.req, id: p.id });
    this.arm(
      this.timeLimit,
      `This formula ran for more than ${this.timeLimit / 1000} seconds and was stopped. Make it do less work (smaller matrices, fewer calls).`,
    );
  }

  private arm(ms: number, message: string): void {
    this.disarm();
    this.timer = setTimeout(() => this.fail(message), ms);
  }

  private disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stop the worker; the running request (or, while starting, every request) fails with `message`. */
  private fail(message: string): void {
    const starting = !this.ready;
    const failed = starting ? this.queue.splice(0) : this.running ? [this.running] : [];
    this.stop();
    this.restarts++;
    for (const p of failed) p.reject(new FormulaError({ message }, true));
    // Nothing waits forever for the names of an engine that did not start.
    if (starting) this.resolveNames({ callable: [], disabled: [] });
    this.pump();
  }

  private stop(): void {
    this.disarm();
    this.worker?.terminate();
    this.worker = null;
    this.ready = false;
    this.running = null;
  }
}

/** A problem as one sentence, with its position when the message does not already give it. */
export function problemText(p: FormulaProblem): string {
  return p.position !== undefined && !/character \d/.test(p.message)
    ? `${p.message} (at character ${p.position})`
    : p.message;
}
