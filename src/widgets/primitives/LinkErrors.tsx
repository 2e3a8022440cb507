/**
 * The problems found in a shared link's state, shown as an alert above the island: `useWidget`
 * renders it into the widget frame's `[data-link-errors]` box (`Widget.astro`), so islands never
 * render it themselves. Renders nothing when the link was fine.
 */
export function LinkErrors({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="field-error" role="alert">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}
