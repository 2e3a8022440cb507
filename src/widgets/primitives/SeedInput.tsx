import type { ComponentChildren, InputHTMLAttributes } from "preact";
import { useEffect, useId, useState } from "preact/hooks";

interface Props extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "label" | "value" | "max" | "onInput" | "type" | "min"
> {
  /** The visible label before the field, e.g. "Seed". */
  label: ComponentChildren;
  value: number;
  /** The largest seed accepted; the smallest is 0. */
  max: number;
  /** Called with each whole number from 0 to `max` the reader types; anything else is reported. */
  onSeed: (seed: number) => void;
}

/** The problem with a typed seed, or `undefined` for a whole number in [0, max]. */
export function seedProblem(raw: string, max: number): string | undefined {
  const text = raw.trim();
  // Digits only: "1e9", "0x10", "1.0" and "+3" are numbers to `Number` but not what a seed looks like.
  if (/^\d+$/.test(text) && Number(text) <= max) return undefined;
  return `A seed is a whole number from 0 to ${max.toLocaleString("en-US")}.`;
}

/**
 * A labelled field for a random seed. What the reader types stays on screen; a whole number from
 * 0 to `max` becomes the seed, and anything else (an empty field, 1.5, −5, 1e9) shows a message
 * beside the field while the widget keeps the last valid seed. Other attributes (`step`, `class`,
 * `style`…) go to the `<input>`.
 */
export function SeedInput({ label, value, max, onSeed, ...rest }: Props) {
  const id = useId();
  const [text, setText] = useState(String(value));
  // A new seed from outside (Reset, a link, a "new random weights" button) replaces the text.
  useEffect(() => {
    if (seedProblem(text, max) !== undefined || Number(text) !== value) setText(String(value));
  }, [value]);
  const problem = seedProblem(text, max);
  return (
    <span class="seed-field">
      <label>
        {label}{" "}
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellcheck={false}
          value={text}
          aria-invalid={problem ? "true" : "false"}
          aria-describedby={`${id}-error`}
          {...rest}
          onInput={(e) => {
            const raw = (e.target as HTMLInputElement).value;
            setText(raw);
            if (seedProblem(raw, max) === undefined) onSeed(Number(raw.trim()));
          }}
        />
      </label>
      <small id={`${id}-error`} class={problem ? "field-error" : "field-ok"} aria-live="polite">
        {problem ? `${problem} The last valid seed, ${value}, is still used.` : ""}
      </small>
    </span>
  );
}
