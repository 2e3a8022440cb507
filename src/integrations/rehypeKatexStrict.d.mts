import type { Root } from "hast";
import type { VFile } from "vfile";

/** Fails the build when rehype-katex recorded a parse error (see rehypeKatexStrict.mjs). */
export declare function rehypeKatexStrict(): (tree: Root, file: VFile) => void;
