import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { chapters as outline, seedFiles } from "./data/curriculum";

const paper = z.object({
  authors: z.string(),
  year: z.number().int(),
  title: z.string(),
  venue: z.string().optional(),
  url: z.url().optional(),
});

/**
 * Chapters are MDX files in `content/chapters/`, one per curriculum entry. The file name is the
 * slug and must match the outline in `src/data/curriculum.ts`, as must `order` and `part`.
 */
const chapters = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/chapters" }),
  schema: z
    .object({
      title: z.string().min(3),
      part: z.number().int().min(1).max(5),
      order: z.number().int().min(1).max(16),
      summary: z.string().min(20),
      objectives: z.array(z.string()).min(2),
      prerequisites: z.array(z.string()).default([]),
      sources: z.array(z.enum(seedFiles)).min(1),
      papers: z.array(paper).default([]),
    })
    .superRefine((data, ctx) => {
      const entry = outline.find((c) => c.order === data.order);
      if (!entry) ctx.addIssue({ code: "custom", message: `no curriculum chapter has order ${data.order}` });
      else if (entry.part !== data.part) {
        ctx.addIssue({
          code: "custom",
          message: `chapter ${data.order} belongs to part ${entry.part}, not ${data.part}`,
        });
      }
      for (const p of data.prerequisites) {
        if (!outline.some((c) => c.slug === p))
          ctx.addIssue({ code: "custom", message: `unknown prerequisite "${p}"` });
      }
    }),
});

export const collections = { chapters };
