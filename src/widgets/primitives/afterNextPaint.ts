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
