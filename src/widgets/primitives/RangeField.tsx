import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";

interface Props {
  /** The input's id: the `<label for>` and `<output for>` point at it. */
  id: string;
  label: ComponentChildren;
  min: number | string;
  max: number | string;
  /** The input's step; the browser's default (1) when left out. */
  step?: number | string;
  value: number;
  /**
   * What a screen reader says for the value (`aria-valuetext`); left out when not given. A function
   * of the input's value keeps it current in the frame of the reader's key (see {@link RangeField}).
   */
  valueText?: string | ((value: number) => string);
  /** What the `<output>` shows; a function of the input's value, like `valueText`, keeps it current. */
  output: ComponentChildren | ((value: number) => ComponentChildren);
  /** The `<output>`'s `data-output` name, read by tests; left out when not given. */
  outputName?: string;
  onValue: (value: number) => void;
}

/**
 * A range input with its `<label for>` before it and its value in an `<output for>` after it, as
 * three siblings (a fragment), so the caller decides the wrapping element.
 *
 * A widget applies a reader's change in a task after the next paint (see `useWidget`), so a text
 * it formats from its state would still show the old value in the frame where the thumb has
 * already moved, and a screen reader could announce that old value. Given as functions of the
 * input's value, `output` and `valueText` are formatted here instead: the field keeps the value
 * the reader has just set and re-renders alone, in the same task as the key, so the key's own
 * feedback is current in the same frame as the thumb; the widget follows after the paint. Once the
 * widget renders the field again (its render has arrived, maybe clamping the value), `value` wins.
 */
export function RangeField(props: Props) {
  const { id, label, min, max, step, value, valueText, output, outputName, onValue } = props;
  // The value the reader has just set, kept until the caller renders the field again: Preact
  // re-renders the field alone (its own state) with the same props object, and the caller's next
  // render (the widget's, which applies the change, clamps it or resets) with a new one.
  const [live, setLive] = useState<{ value: number; props: Props } | null>(null);
  const shown = live !== null && live.props === props ? live.value : value;
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={shown}
        aria-valuetext={typeof valueText === "function" ? valueText(shown) : valueText}
        onInput={(e) => {
          const v = Number((e.target as HTMLInputElement).value);
          setLive({ value: v, props });
          onValue(v);
        }}
      />
      <output for={id} data-output={outputName}>
        {typeof output === "function" ? output(shown) : output}
      </output>
    </>
  );
}
