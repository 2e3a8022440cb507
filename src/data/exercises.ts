/**
 * The exercises of a chapter, read from its MDX source at build time (each `<Exercise id="…"
 * title="…"`), for the course page and the chapter's "check yourself" summary.
 */
export interface ExerciseRef {
  id: string;
  title: string;
}

export function exercisesIn(mdx: string): ExerciseRef[] {
  const out: ExerciseRef[] = [];
  for (const m of mdx.matchAll(/<Exercise\s+id="([^"]+)"\s+title="([^"]+)"/g))
    out.push({ id: m[1], title: m[2] });
  const tags = mdx.match(/<Exercise\b/g)?.length ?? 0;
  if (tags !== out.length)
    throw new Error(`exercisesIn: ${tags} <Exercise> tags but ${out.length} start with id="…" title="…"`);
  return out;
}

/** The id of an exercise's anchor on its chapter page (as `Exercise.astro` renders it). */
export function exerciseAnchor(id: string): string {
  return `exercise-${id.replace("/", "-")}`;
}
