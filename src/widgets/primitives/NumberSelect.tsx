import type { ComponentChildren } from "preact";

export interface NumberSelectProps {
  /** The visible label before the select. */
  label: string;
  value: number;
  /** The numbers offered, in order. */
  options: readonly number[];
  /** How an option reads; the number itself by default. */
  show?: (option: number) => ComponentChildren;
  onValue: (value: number) => void;
  /** Class of the label that wraps the select. */
  class?: string;
  /** Id of the select itself. */
  id?: string;
}

/** A labelled `<select>` of numbers: the option values are the numbers as text. */
export function NumberSelect({ label, value, options, show, onValue, class: cls, id }: NumberSelectProps) {
  return (
    <label class={cls}>
      {`${label} `}
      <select
        id={id}
        value={String(value)}
        onChange={(e) => onValue(Number((e.target as HTMLSelectElement).value))}
      >
        {options.map((o) => (
          <option key={o} value={String(o)}>
            {show ? show(o) : o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The whole numbers 0, 1, …, n − 1: the options of a select of rows, slots or positions. */
export function indices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
