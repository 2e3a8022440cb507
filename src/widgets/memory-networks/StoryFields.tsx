interface Props {
  /** Element ids start with this (unique on the page): `<prefix>-story`, `<prefix>-story-error`, … */
  prefix: string;
  storyLabel: string;
  questionLabel: string;
  story: string;
  question: string;
  /** A message per field when it is wrong (shown beside it), else null and the hint is shown. */
  errors: { story: string | null; question: string | null };
  hints: { story: string; question: string };
  onStory: (text: string) => void;
  onQuestion: (text: string) => void;
}

/** The story (one sentence per line) and question fields, each with its message or hint beside it. */
export function StoryFields(p: Props) {
  const field = (name: "story" | "question") => {
    const error = p.errors[name];
    const id = `${p.prefix}-${name}`;
    const common = {
      id,
      value: p[name],
      "aria-invalid": error ? ("true" as const) : ("false" as const),
      "aria-describedby": `${id}-error`,
    };
    return (
      <>
        <label for={id}>{name === "story" ? p.storyLabel : p.questionLabel}</label>
        {name === "story" ? (
          <textarea
            {...common}
            rows={6}
            spellcheck={false}
            onInput={(e) => p.onStory((e.target as HTMLTextAreaElement).value)}
          />
        ) : (
          <input
            {...common}
            type="text"
            onInput={(e) => p.onQuestion((e.target as HTMLInputElement).value)}
          />
        )}
        <p id={`${id}-error`} class={error ? "field-error" : "mn-hint"} role={error ? "alert" : undefined}>
          {error ? `${error} The last answer is still shown.` : p.hints[name]}
        </p>
      </>
    );
  };
  return (
    <div class="mn-inputs">
      {field("story")}
      {field("question")}
    </div>
  );
}
