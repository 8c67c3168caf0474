import "server-only";

/** Changing this reshuffles every generated id in the demo estate; tests pin determinism, not values. */
const DEMO_SEED = 0x5eed_2026;

/** 32-bit FNV-1a: spreads a resource key (e.g. "prod/us-east-1/guardrail/triage") into a seed. */
function hashKey(key: string): number {
  let h = 0x811c9dc5 ^ DEMO_SEED;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for ids that only need to look random. */
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

function rngFor(key: string): () => number {
  return mulberry32(hashKey(key));
}

const LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX = "0123456789abcdef";

function draw(key: string, alphabet: string, length: number): string {
  const next = rngFor(key);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(next() * alphabet.length));
  return out;
}

/**
 * Ids are pure functions of a resource key, so every module that names the same resource (an agent
 * and the IAM policy that lets it call its guardrail) derives the same id without sharing state.
 */
export const stableId = {
  lower: (key: string, length: number) => draw(key, LOWER, length),
  upper: (key: string, length: number) => draw(key, UPPER, length),
  hex: (key: string, length: number) => draw(key, HEX, length),
  uuid: (key: string) => {
    const h = draw(key, HEX, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab".charAt(parseInt(h.charAt(16), 16) % 4)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  },
};
