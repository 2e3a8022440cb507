import type { Root } from "mdast";
import type { GlossaryTerm } from "../data/glossary.d.mts";
export declare function firstUses(tree: Root, terms?: readonly GlossaryTerm[]): string[];
/** remark plugin: link each glossary term's first use in a chapter's prose. */
export declare function remarkGlossary(): (tree: Root, file: { path?: string }) => void;
