import { useRef, useState } from "preact/hooks";
import { SIDE } from "./patterns";

interface Props {
  value: number[];
  onChange: (p: number[]) => void;
  label: string;
}

/**
 * A SIDE×SIDE drawing grid. Mouse: click or drag to paint. Keyboard: one cell is in the tab order
 * (roving tabindex); arrow keys move it, Space or Enter toggles it.
 */
export function PixelGrid({ value, onChange, label }: Props) {
  const [focus, setFocus] = useState(0);
  const paint = useRef<number | null>(null);
  const cells = useRef<(HTMLButtonElement | null)[]>([]);
  const toggle = (i: number, to?: number) => {
    const next = value.slice();
    next[i] = to ?? -next[i];
    onChange(next);
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    const r = Math.floor(i / SIDE);
    const c = i % SIDE;
    const moves: Record<string, number> = {
      ArrowUp: Math.max(0, r - 1) * SIDE + c,
      ArrowDown: Math.min(SIDE - 1, r + 1) * SIDE + c,
      ArrowLeft: r * SIDE + Math.max(0, c - 1),
      ArrowRight: r * SIDE + Math.min(SIDE - 1, c + 1),
      Home: r * SIDE,
      End: r * SIDE + SIDE - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      setFocus(moves[e.key]);
      cells.current[moves[e.key]]?.focus();
    } else if (e.key === " " || e.key === "Enter") {
      e.preventDefault();
      toggle(i);
    }
  };
  return (
    <div
      class="pixel-grid"
      role="grid"
      aria-label={label}
      onPointerUp={() => (paint.current = null)}
      onPointerLeave={() => (paint.current = null)}
    >
      {Array.from({ length: SIDE }, (_, r) => (
        <div role="row" class="pixel-row">
          {Array.from({ length: SIDE }, (_, c) => {
            const i = r * SIDE + c;
            return (
              <span role="gridcell">
                <button
                  type="button"
                  ref={(el) => {
                    cells.current[i] = el;
                  }}
                  class="pixel"
                  data-cell={i}
                  tabIndex={i === focus ? 0 : -1}
                  aria-pressed={value[i] > 0 ? "true" : "false"}
                  aria-label={`row ${r + 1}, column ${c + 1}`}
                  onKeyDown={(e) => onKey(e, i)}
                  onFocus={() => setFocus(i)}
                  onPointerDown={(e) => {
                    e.preventDefault();
                    (e.currentTarget as HTMLElement).releasePointerCapture?.(e.pointerId);
                    paint.current = -value[i];
                    setFocus(i);
                    toggle(i, paint.current);
                  }}
                  onPointerEnter={() => {
                    if (paint.current !== null && value[i] !== paint.current) toggle(i, paint.current);
                  }}
                />
              </span>
            );
          })}
        </div>
      ))}
    </div>
  );
}
