/**
 * The seeded pseudo-random numbers a covert inspection's sample is drawn with: mulberry32 (Tommy
 * Ettinger's 32-bit generator, as published in bryc's PRNG collection), seeded from the recorded
 * seed text by FNV-1a (32-bit, over its UTF-8 bytes). Small, well known, the same in every
 * JavaScript engine and inside a workflow sandbox. Never change either: a sample on record is
 * reproduced from its seed with exactly these numbers.
 */

/** FNV-1a, 32-bit, of the text's UTF-8 bytes. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A generator of numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generator for a recorded seed text. */
export function seededRandom(seed: string): () => number {
  return mulberry32(fnv1a32(seed));
}
