import { tokenize } from "../core/tokenize";
import { excerpt } from "../core/excerpt";

/** Options of {@link bagOfWords}. */
export interface BagOfWordsOptions {
  /** A fixed vocabulary (index 0 is padding). Default: built from the story and query. */
  vocabulary: readonly string[] | undefined;
  /** Padding token at index 0. Default `"<pad>"`. */
  pad: string;
  /** Sentence length J. Default: the longest sentence (story or query). */
  sentenceSize: number | undefined;
}

export const BAG_OF_WORDS_DEFAULTS: BagOfWordsOptions = {
  vocabulary: undefined,
  pad: "<pad>",
  sentenceSize: undefined,
};

/**
 * Turn a story (sentences) and a question into padded token-id rows for a memory network.
 *
 * $$x_{ij} = \mathrm{id}(\text{word}_j \text{ of sentence } i),\quad 0 = \text{padding}$$
 *
 * @example
 * bagOfWords(["Mary went home.", "John left."], "Where is Mary?").story;
 * // returns [[1, 2, 3], [4, 5, 0]]
 *
 * @see {@link memn2nForward}, {@link tokenize}
 */
export function bagOfWords(
  story: readonly string[],
  question: string,
  options: Partial<BagOfWordsOptions> = {},
): { vocabulary: string[]; story: number[][]; query: number[]; sentenceSize: number } {
  const opt = { ...BAG_OF_WORDS_DEFAULTS, ...options };
  if (story.length === 0) throw new RangeError("bagOfWords: empty story (no sentences)");
  const sentences = story.map(tokenize);
  const q = tokenize(question);
  const vocabulary = opt.vocabulary ? [...opt.vocabulary] : [opt.pad];
  const index = new Map(vocabulary.map((w, i) => [w, i]));
  for (const word of [...sentences.flat(), ...q]) {
    if (index.has(word)) continue;
    if (opt.vocabulary)
      throw new RangeError(
        `bagOfWords: "${excerpt(word)}" is not in the vocabulary of ${vocabulary.length} words`,
      );
    index.set(word, vocabulary.length);
    vocabulary.push(word);
  }
  const J = opt.sentenceSize ?? Math.max(q.length, ...sentences.map((s) => s.length));
  const encode = (words: string[]): number[] => {
    if (words.length > J)
      throw new RangeError(`bagOfWords: a sentence has ${words.length} words, sentenceSize is ${J}`);
    return Array.from({ length: J }, (_, j) => (j < words.length ? (index.get(words[j]) as number) : 0));
  };
  return { vocabulary, story: sentences.map(encode), query: encode(q), sentenceSize: J };
}
