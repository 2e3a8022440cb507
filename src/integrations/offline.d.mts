import type { AstroIntegration } from "astro";
export declare function offline(): AstroIntegration;
/** Write `sw.js` into the built site at `outDir` with Workbox (the build does; so does the update test). */
export declare function writeServiceWorker(
  outDir: string,
): Promise<{ count: number; size: number; warnings: string[] }>;
