/**
 * Shannon entropy of a string, in bits per character: how random its characters look. Random
 * 32-character hex is close to 4, random base64 close to 5 (bounded by log2 of the length for short
 * strings), English words and identifiers stay between 2 and 3.3.
 */

/** Bits of entropy per character of `value` (0 for the empty string). */
export function shannonEntropy(value: string): number {
  const chars = Array.from(value);
  if (chars.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / chars.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** The number of distinct characters in `value`. */
export function distinctCharacterCount(value: string): number {
  return new Set(Array.from(value)).size;
}
