/**
 * What the course page and a chapter's "check yourself" summary show of the reader's progress:
 * read or not, and how many of a chapter's exercises are solved. Exercises solved on an older
 * version of a chapter that no longer exist are not counted.
 */
import type { Progress } from "../widgets/primitives/progress";

export interface ChapterStatus {
  read: boolean;
  solved: number;
  total: number;
}

export function chapterStatus(progress: Progress, slug: string, exerciseIds: string[]): ChapterStatus {
  return {
    read: slug in progress.read,
    solved: exerciseIds.filter((id) => id in progress.solved).length,
    total: exerciseIds.length,
  };
}

export function statusText(s: ChapterStatus): string {
  const read = s.read ? "read" : "not read yet";
  return s.total === 0 ? read : `${read} · ${s.solved} of ${s.total} exercises solved`;
}
