import type { InputHTMLAttributes } from "preact";

interface Props extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "label" | "value" | "max" | "onInput" | "type" | "min"
> {
  /** The visible label before the field, e.g. "Seed". */
  label: string;
  value: number;
  /** The largest seed accepted; the smallest is 0. */
  max: number;
  /** Called with each whole number from 0 to `max` the reader types; anything else is ignored. */
  onSeed: (seed: number) => void;
}

/**
 * A labelled number field for a random seed. Input that is not a whole number in [0, max] leaves
 * the seed as it was. Other attributes (`step`, `class`, `style`…) go to the `<input>`.
 */
export function SeedInput({ label, value, max, onSeed, ...rest }: Props) {
  return (
    <label>
      {`${label} `}
      <input
        type="number"
        min="0"
        max={String(max)}
        value={value}
        {...rest}
        onInput={(e) => {
          const raw = (e.target as HTMLInputElement).value;
          const v = Number(raw);
          // An empty field is a reader mid-edit, not seed 0.
          if (raw.trim() !== "" && Number.isInteger(v) && v >= 0 && v <= max) onSeed(v);
        }}
      />
    </label>
  );
}
