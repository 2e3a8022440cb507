/**
 * The problems found in a shared link's state (`useWidget`'s `linkErrors`), shown above the
 * controls as an alert. Renders nothing when the link was fine.
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
