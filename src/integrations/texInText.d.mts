/** The places in one page's HTML where reader-visible text outside math shows TeX source. */
export function texInText(html: string): string[];
/** An Astro integration that fails the build when a page shows TeX source as plain text. */
export function texInTextCheck(): { name: string; hooks: Record<string, unknown> };
