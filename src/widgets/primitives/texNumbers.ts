/**
 * Numbers in the TeX of live equations (`LiveEquation`): vectors and lists formatted with the
 * site's number formatter (`format.ts`), so an equation shows the same digits as its table.
 */

/** A vector as TeX, `[0.12,\ -0.5]`, each entry printed by `f`. */
export const texVector = (v: ArrayLike<number>, f: (x: number) => string): string =>
  `\\left[${Array.from(v, f).join(",\\ ")}\\right]`;
