/**
 * Run `fn` in a task after the browser's next paint: a frame callback, then a message-channel
 * task (not throttled like `setTimeout(0)`). Outside a browser (tests), a timeout.
 */
export function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === "undefined" || typeof MessageChannel === "undefined") {
    setTimeout(fn, 0);
    return;
  }
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      fn();
    };
    channel.port2.postMessage(null);
  });
}

/** What {@link paintThrottle} returns. */
export interface PaintThrottle {
  /**
   * Run the function in a task after the next paint, and, when `throttle` is true (the default),
   * no sooner than the gap after its last run. A run already scheduled is not scheduled twice.
   */
  schedule(throttle?: boolean): void;
  /** Drop the scheduled run, if any. */
  cancel(): void;
}

/**
 * Redraws that follow a stream (training reports, measured points) without redrawing every frame
 * or holding up the paint of a reader's key: `fn` runs in a task after the next paint (see
 * {@link afterNextPaint}), at most once every `minGapMs` milliseconds.
 *
 * @param fn the redraw, e.g. setting the state that holds what has arrived
 * @param minGapMs the least time between two runs, in milliseconds
 */
export function paintThrottle(fn: () => void, minGapMs: number): PaintThrottle {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queued = false;
  let last = -Infinity;
  let generation = 0;
  const queue = () => {
    queued = true;
    const g = generation;
    afterNextPaint(() => {
      if (g !== generation) return;
      queued = false;
      last = performance.now();
      fn();
    });
  };
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    schedule(throttle = true) {
      if (queued) return;
      const wait = throttle ? minGapMs - (performance.now() - last) : 0;
      if (wait > 0) {
        timer ??= setTimeout(() => {
          timer = undefined;
          queue();
        }, wait);
        return;
      }
      stopTimer();
      queue();
    },
    cancel() {
      stopTimer();
      queued = false;
      generation++;
    },
  };
}
