/**
 * A short fingerprint of arrays of numbers, to the bit: the 32-bit FNV-1a hash of each array's
 * length (4 bytes) and then its IEEE 754 bytes, in eight hex digits. The bytes are read in the
 * engine's own order, which is little-endian in every engine the site runs on (V8 in Node and in
 * Chromium), so equal fingerprints mean equal bits (a different bit changes the hash, barring a
 * 2⁻³² chance). It is for comparing runs, not for security.
 *
 * $$h_0 = 2166136261,\qquad h_{i+1} = (h_i \oplus b_i) \cdot 16777619 \bmod 2^{32}$$
 *
 * @example
 * [fingerprint([]), fingerprint([Float64Array.of(1)]), fingerprint([Float64Array.of(1 + 2 ** -52)])];
 * // returns ["811c9dc5", "f3ac2379", "5b5d4438"]
 *
 * @see Fowler, Noll and Vo, "FNV hash" (http://www.isthe.com/chongo/tech/comp/fnv/)
 */
export function fingerprint(arrays: readonly Float64Array[]): string {
  let h = 0x811c9dc5;
  for (const a of arrays) {
    for (let k = 0; k < 4; k++) h = Math.imul(h ^ ((a.length >>> (8 * k)) & 0xff), 0x01000193);
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
