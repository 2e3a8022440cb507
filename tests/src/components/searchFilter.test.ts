import { describe, expect, it } from "vitest";
import { highlighted, matchesQuery, searchTerms } from "../../../src/components/searchFilter";

describe("search filter", () => {
  it("drops Pagefind's truncated matches for nonsense", () => {
    expect(matchesQuery(searchTerms("xyzzy"), highlighted("row i of <mark>X).</mark> Q"))).toBe(false);
    expect(matchesQuery(searchTerms("zzzz"), highlighted("W X Y <mark>Z</mark> &lt;EOS&gt;"))).toBe(false);
  });

  it("keeps whole words, words being typed and other forms of a word", () => {
    const words = highlighted("a <mark>softmax</mark> at <mark>temperature</mark> τ");
    expect(matchesQuery(searchTerms("softmax temperature"), words)).toBe(true);
    expect(matchesQuery(searchTerms("softm"), words)).toBe(true);
    expect(matchesQuery(searchTerms("temperatures"), words)).toBe(true);
  });
});
