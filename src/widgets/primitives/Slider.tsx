import { RangeField } from "./RangeField";

interface Props {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /**
   * How the value is read out in the `<output>` and `aria-valuetext`. A function of the slider's
   * value keeps both current in the frame of the reader's key (see `RangeField`).
   */
  text: string | ((v: number) => string);
  onInput: (v: number) => void;
}

/**
 * A labelled range input with its value in an `<output>` (and `aria-valuetext`). With `text` a
 * function of the value, the key's own feedback (thumb, output, value text) is current in the same
 * frame; the widget follows after the paint.
 */
export function Slider({ id, label, value, min, max, step, text, onInput }: Props) {
  return (
    <span class="atlas-slider">
      <RangeField
        id={id}
        label={label}
        min={min}
        max={max}
        step={step}
        value={value}
        valueText={text}
        output={text}
        outputName={id}
        onValue={onInput}
      />
    </span>
  );
}
