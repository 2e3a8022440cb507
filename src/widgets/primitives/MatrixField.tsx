interface Props {
  id: string;
  label: string;
  hint: string;
  value: string;
  error?: string;
  rows?: number;
  onInput: (text: string) => void;
}

/** A labelled textarea for a matrix, with its hint and its error message beside it. */
export function MatrixField({ id, label, hint, value, error, rows = 3, onInput }: Props) {
  return (
    <div class="matrix-field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        spellcheck={false}
        autocomplete="off"
        value={value}
        aria-invalid={error ? "true" : "false"}
        aria-describedby={`${id}-hint ${id}-error`}
        onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
      />
      <small id={`${id}-hint`} class="hint">
        {hint}
      </small>
      <p id={`${id}-error`} class={error ? "field-error" : "field-ok"} aria-live="polite">
        {error ?? ""}
      </p>
    </div>
  );
}
