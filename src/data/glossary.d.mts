export interface GlossaryTerm {
  /** Anchor on the glossary page: `/glossary/#term-<id>`. */
  id: string;
  term: string;
  /** Spellings the chapters use, matched as whole words in any case. */
  forms: string[];
  /** One or two sentences; `$…$` is math. */
  definition: string;
}
export declare const glossary: readonly GlossaryTerm[];
