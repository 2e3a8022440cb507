import type { AstroIntegration } from "astro";
export declare function offline(): AstroIntegration;
