interface Props {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** How the value is read out in the `<output>` and `aria-valuetext`. */
  text: string;
  onInput: (v: number) => void;
}

/** A labelled range input with its value in an `<output>` (and `aria-valuetext`). */
export function Slider({ id, label, value, min, max, step, text, onInput }: Props) {
  return (
    <span class="atlas-slider">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={text}
        onInput={(e) => onInput(Number((e.target as HTMLInputElement).value))}
      />
      <output for={id} data-output={id}>
        {text}
      </output>
    </span>
  );
}
