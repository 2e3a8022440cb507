import type { ComponentChildren } from "preact";

/** A horizontally scrollable, keyboard-focusable box for a table that may be wider than a phone. */
export function ScrollBox({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // A scrollable region needs to be focusable so keyboard users can scroll it.
    <div class="scroll-box" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
