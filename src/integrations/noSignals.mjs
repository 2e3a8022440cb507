/**
 * Stands in for `@preact/signals` in the browser build. @astrojs/preact's client imports it only
 * to rebuild signal props (islands given a Preact signal from an .astro file); no island on this
 * site takes one, so the real module (about 3 KB gzipped, counted on every page with an island)
 * is never needed. An island given a signal fails loudly instead of silently losing reactivity.
 */
export function signal() {
  throw new Error("Islands on this site take plain props, not Preact signals (see astro.config.mjs).");
}
