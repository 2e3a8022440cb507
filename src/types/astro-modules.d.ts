// Plain `tsc` cannot read .astro files; `astro check` can and ignores this fallback. It lets tsc
// type-check the TypeScript that imports components (src/widgets/index.ts).
declare module "*.astro" {
  import type { AstroComponentFactory } from "astro/runtime/server/index.js";
  const Component: AstroComponentFactory;
  export default Component;
}
