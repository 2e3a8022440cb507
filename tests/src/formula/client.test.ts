import { describe, expect, it } from "vitest";
import { FormulaError, FormulaWorkerClient, type WorkerLike, problemText } from "../../../src/formula/client";

/** A fake worker: answers `{ type: "echo" }`-like requests after `delay` ms; `hang` never answers. */
class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(readonly log: string[]) {
    queueMicrotask(() =>
      this.send({ type: "ready", names: { callable: ["softmax"], disabled: ["evaluate"] } }),
    );
  }
  send(data: unknown) {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent);
  }
  postMessage(data: { id: number; type: string; source: string }) {
    this.log.push(data.source);
    if (data.source === "hang") return;
    setTimeout(() => {
      if (data.source === "bad")
        this.send({ id: data.id, ok: false, problem: { message: "Bad.", position: 2 } });
      else this.send({ id: data.id, ok: true, result: `value of ${data.source}` });
    }, 1);
  }
  terminate() {
    this.terminated = true;
  }
}

function client(timeLimitMs = 50) {
  const log: string[] = [];
  const workers: FakeWorker[] = [];
  const c = new FormulaWorkerClient(
    () => {
      const w = new FakeWorker(log);
      workers.push(w);
      return w;
    },
    { timeLimitMs },
  );
  const ask = (source: string, signal?: AbortSignal) =>
    c.request<string>({ type: "analyze", source }, signal);
  return { c, log, workers, ask };
}

describe("formula worker client", () => {
  it("starts the worker on first use and answers requests in order", async () => {
    const { c, workers, ask } = client();
    expect(workers).toHaveLength(0);
    expect(await Promise.all([ask("a"), ask("b")])).toEqual(["value of a", "value of b"]);
    expect(workers).toHaveLength(1);
    expect(await c.names).toEqual({ callable: ["softmax"], disabled: ["evaluate"] });
  });

  it("rejects with the worker's problem", async () => {
    const { ask } = client();
    const err = await ask("bad").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormulaError);
    expect((err as FormulaError).problem).toEqual({ message: "Bad.", position: 2 });
    expect(problemText((err as FormulaError).problem)).toBe("Bad. (at character 2)");
  });

  it("stops a runaway request by terminating the worker, and serves the next in a new one", async () => {
    const { c, workers, ask } = client(30);
    const hang = ask("hang").catch((e: FormulaError) => e);
    const next = ask("after");
    const err = await hang;
    expect(err).toBeInstanceOf(FormulaError);
    expect((err as FormulaError).stopped).toBe(true);
    expect((err as FormulaError).message).toMatch(/ran for more than 0\.03 seconds and was stopped/);
    expect(await next).toBe("value of after");
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(c.restarts).toBe(1);
  });

  it("drops a waiting request whose signal is aborted", async () => {
    const { log, ask } = client();
    const abort = new AbortController();
    const first = ask("first");
    void ask("stale", abort.signal);
    abort.abort();
    const last = ask("last");
    expect(await first).toBe("value of first");
    expect(await last).toBe("value of last");
    expect(log).toEqual(["first", "last"]);
  });

  it("fails every waiting request with a sentence when the worker cannot start", async () => {
    const c = new FormulaWorkerClient(
      () => ({ postMessage() {}, terminate() {}, onmessage: null, onerror: null }),
      { startLimitMs: 20 },
    );
    const err = await c.request({ type: "analyze", source: "1" }).catch((e: FormulaError) => e);
    expect((err as FormulaError).message).toBe(
      "The formula engine took too long to start. Reload the page to try again.",
    );
  });
});
