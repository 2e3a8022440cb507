interface Props {
  /** The message's id, which the field names in `aria-describedby`. */
  id: string;
  /** The problem with the field's input, or `undefined` when it is valid. */
  error: string | undefined;
  /** What stays on screen while the input is bad: "The last valid <kept> is still shown." */
  kept: string;
}

/**
 * The message beside a field: empty (`.field-ok`) while the input is valid; otherwise the problem
 * (`.field-error`) and a note that the last valid result is still shown. Read out politely.
 */
export function FieldMessage({ id, error, kept }: Props) {
  return (
    <p id={id} class={error ? "field-error" : "field-ok"} aria-live="polite">
      {error ? `${error} The last valid ${kept} is still shown.` : ""}
    </p>
  );
}
