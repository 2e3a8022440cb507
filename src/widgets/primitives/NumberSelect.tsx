import type { ComponentChildren } from "preact";

interface Props {
  /** The visible label before the select. */
  label: string;
  value: number;
  /** The numbers offered, in order. */
  options: readonly number[];
  /** How an option reads; the number itself by default. */
  show?: (option: number) => ComponentChildren;
  onValue: (value: number) => void;
}

/** A labelled `<select>` of numbers: the option values are the numbers as text. */
export function NumberSelect({ label, value, options, show, onValue }: Props) {
  return (
    <label>
      {`${label} `}
      <select value={String(value)} onChange={(e) => onValue(Number((e.target as HTMLSelectElement).value))}>
        {options.map((o) => (
          <option key={o} value={String(o)}>
            {show ? show(o) : o}
          </option>
        ))}
      </select>
    </label>
  );
}
