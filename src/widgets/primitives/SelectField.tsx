import type { ComponentChildren } from "preact";

/** One choice of a {@link SelectField}: the value it stands for and how it reads. */
export interface SelectOption<T extends string | number> {
  /** The value handed to `onValue`; as text (`String(value)`) it is the `<option>`'s value, unique in the select. */
  value: T;
  label: ComponentChildren;
}

interface CommonProps<T extends string | number> {
  /**
   * The label: shown before the select inside a wrapping `<label>`, or, with `hideLabel`, its
   * `aria-label` only (for a select beside the field it fills, whose first option says what it is).
   */
  label: string;
  hideLabel?: boolean;
  /**
   * Put `<label for={id}>` and the select side by side (a fragment) instead of the label wrapping
   * the select: for a row that lays them out itself, and so the label's text is the label alone (a
   * wrapping label's text also holds the options' text). Needs `id`.
   */
  labelApart?: boolean;
  /** The choices, in order. */
  options: readonly SelectOption<T>[];
  /** Called with the value of the option the reader picks. */
  onValue: (value: T) => void;
  /** Class of the label that wraps the select. */
  class?: string;
  /** Id of the select itself. */
  id?: string;
}

/** A select that shows a value of the widget's state. */
interface ValueProps<T extends string | number> extends CommonProps<T> {
  value: T;
  placeholder?: undefined;
}

/**
 * A menu of one-off actions (load a preset, an example): its first option, `placeholder`, is
 * always shown; picking another calls `onValue` and the select returns to the placeholder.
 */
interface MenuProps<T extends string | number> extends CommonProps<T> {
  value?: undefined;
  placeholder: string;
}

export type SelectFieldProps<T extends string | number> = ValueProps<T> | MenuProps<T>;

/**
 * A labelled `<select>`: the one select of the site. Its options are value/label pairs typed by the
 * value (a string union, a number…), and the reader's pick comes back as that value, never as text
 * to parse. Given `value`, it shows a value of the widget's state; given `placeholder` instead, it
 * is a menu that returns to the placeholder after each pick. Focus style, wrapping at 360 px and
 * keyboard use are the native select's with the site's `select` styles.
 */
export function SelectField<T extends string | number>(props: SelectFieldProps<T>) {
  const { label, hideLabel, labelApart, options, onValue, class: cls, id, placeholder } = props;
  const select = (
    <select
      id={id}
      aria-label={hideLabel ? label : undefined}
      value={placeholder === undefined ? String(props.value) : ""}
      onChange={(e) => {
        const sel = e.currentTarget as HTMLSelectElement;
        const picked = options[sel.selectedIndex - (placeholder === undefined ? 0 : 1)];
        if (placeholder !== undefined) sel.value = "";
        if (picked !== undefined) onValue(picked.value);
      }}
    >
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={String(o.value)} value={String(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  );
  if (hideLabel) return select;
  if (labelApart)
    return (
      <>
        <label class={cls} for={id}>
          {label}
        </label>
        {select}
      </>
    );
  return (
    <label class={cls}>
      {`${label} `}
      {select}
    </label>
  );
}

/** Options that read as their own values, or as `show(value)`: `optionsOf(["food", "price"])`. */
export function optionsOf<T extends string | number>(
  values: readonly T[],
  show: (value: T) => ComponentChildren = (v) => v,
): SelectOption<T>[] {
  return values.map((value) => ({ value, label: show(value) }));
}
