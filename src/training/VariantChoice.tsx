interface Props<V extends string> {
  /** The group's visible name, e.g. "Attention (changing it starts again)". */
  legend: string;
  /** The radio group's name (unique on the page). */
  name: string;
  value: V;
  /** Each choice's value and label. */
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
}

/** A labelled radio group for a training widget's variant (attention type, task, …). */
export function VariantChoice<V extends string>({ legend, name, value, options, onChange }: Props<V>) {
  return (
    <fieldset class="trainer-variant">
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v}>
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />{" "}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
