import type { ComponentChildren } from "preact";

interface Props {
  /** The input's id: the `<label for>` and `<output for>` point at it. */
  id: string;
  label: ComponentChildren;
  min: number | string;
  max: number | string;
  /** The input's step; the browser's default (1) when left out. */
  step?: number | string;
  value: number;
  /** What a screen reader says for the value (`aria-valuetext`); left out when not given. */
  valueText?: string;
  /** What the `<output>` shows. */
  output: ComponentChildren;
  /** The `<output>`'s `data-output` name, read by tests; left out when not given. */
  outputName?: string;
  onValue: (value: number) => void;
}

/**
 * A range input with its `<label for>` before it and its value in an `<output for>` after it, as
 * three siblings (a fragment), so the caller decides the wrapping element.
 */
export function RangeField({
  id,
  label,
  min,
  max,
  step,
  value,
  valueText,
  output,
  outputName,
  onValue,
}: Props) {
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={valueText}
        onInput={(e) => onValue(Number((e.target as HTMLInputElement).value))}
      />
      <output for={id} data-output={outputName}>
        {output}
      </output>
    </>
  );
}
