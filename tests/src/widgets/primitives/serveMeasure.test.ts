/**
 * serveMeasure (the worker side of useWorkerMeasure): parts are posted as they are computed, and a
 * newer job stops the older one at its next part, so the page can reuse one worker.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type MeasureAnswer, serveMeasure } from "../../../../src/widgets/primitives/measureWorker";

type Scope = {
  onmessage: ((e: { data: unknown }) => Promise<void>) | null;
  postMessage?: (m: MeasureAnswer<number>) => void;
};
const scope = globalThis as unknown as Scope;
afterEach(() => {
  scope.onmessage = null;
  delete scope.postMessage;
});

/** Serve `parts`, recording what is posted and which parts were computed for which job. */
function serve(parts: (input: number) => Iterable<number>) {
  const posted: MeasureAnswer<number>[] = [];
  scope.postMessage = (m) => posted.push(m);
  serveMeasure(parts);
  const send = (job: number, input: number) => scope.onmessage!({ data: { job, input } });
  return { posted, send };
}

describe("serveMeasure", () => {
  it("posts every part of a job, in order", async () => {
    const { posted, send } = serve(function* (n) {
      for (let i = 0; i < n; i++) yield i * i;
    });
    await send(1, 5);
    expect(posted).toEqual([0, 1, 4, 9, 16].map((part) => ({ job: 1, part })));
  });

  it("a newer job stops the older one at its next part", async () => {
    const computed: string[] = [];
    const { posted, send } = serve(function* (job) {
      for (let i = 0; i < 6; i++) {
        computed.push(`${job}:${i}`);
        yield job * 100 + i;
      }
    });
    // The second job arrives while the first is busy: as its first part is posted.
    let second: Promise<void> | undefined;
    const post = scope.postMessage!;
    scope.postMessage = (m) => {
      post(m);
      if (m.job === 1 && !second) second = send(2, 2);
    };
    await send(1, 1);
    await second;
    const ofFirst = posted.filter((m) => m.job === 1).length;
    expect(ofFirst).toBe(1);
    expect(computed.filter((c) => c.startsWith("1:"))).toHaveLength(ofFirst);
    expect(posted.filter((m) => m.job === 2)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => ({ job: 2, part: 200 + i })),
    );
  });

  it("an error ends the job with its message", async () => {
    const { posted, send } = serve(function* () {
      yield 1;
      throw new RangeError("too many patterns");
    });
    await send(3, 0);
    expect(posted).toEqual([
      { job: 3, part: 1 },
      { job: 3, error: "too many patterns" },
    ]);
  });
});
