import type { ComponentChildren } from "preact";

interface Props {
  /** Element id of the message; unique on the page. */
  id: string;
  label: string;
  value: string;
  /** The message for a malformed or refused sequence, or undefined. */
  error: string | undefined;
  onValue: (text: string) => void;
  /** Extra attributes of the text input. */
  input?: {
    inputMode?: "numeric" | "decimal" | "text";
    size?: number;
    spellcheck?: boolean;
    autocomplete?: string;
  };
  /** Controls that belong with the input (e.g. head knock-outs), after its message. */
  children?: ComponentChildren;
}

/** The reader's own sequence for a trained model, with a short message beside it when it is malformed. */
export function QueryField({ id, label, value, error, onValue, input, children }: Props) {
  return (
    <div class="trainer-query widget-controls">
      <label>
        {label}{" "}
        <input
          type="text"
          {...input}
          value={value}
          aria-invalid={error ? "true" : "false"}
          aria-describedby={id}
          onInput={(e) => onValue((e.target as HTMLInputElement).value)}
        />
      </label>
      <p id={id} class={error ? "field-error" : "field-ok"} aria-live="polite">
        {error ? `${error} The last valid sequence is still shown.` : ""}
      </p>
      {children}
    </div>
  );
}
