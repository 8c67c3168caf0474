import "server-only";
import { mulberry32 } from "@/server/sources/demo/prng";

const HEX = "0123456789abcdef";

/** A seeded stream of choices; one instance per generator run keeps the output a pure function of its arguments. */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.next() * list.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  hex(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += HEX.charAt(Math.floor(this.next() * 16));
    return out;
  }

  /** A version-4-shaped UUID, as Bedrock request ids are. */
  uuid(): string {
    const word = () => (Math.floor(this.next() * 0x1_0000_0000) >>> 0).toString(16).padStart(8, "0");
    const a = word();
    const b = word();
    const c = word();
    const d = word();
    const variant = "89ab".charAt(this.int(4));
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}

/** A fixed weighted choice; the cumulative table is built once so a draw is one scan of a short array. */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, weight]) => weight > 0);
    if (kept.length === 0) throw new Error("a weighted choice needs at least one positive weight");
    this.values = kept.map(([value]) => value);
    let sum = 0;
    this.cumulative = kept.map(([, weight]) => (sum += weight));
    this.total = sum;
  }

  draw(rng: Rng): T {
    const x = rng.float() * this.total;
    for (let i = 0; i < this.cumulative.length; i++) {
      if (x < (this.cumulative[i] ?? 0)) return this.values[i] as T;
    }
    return this.values[this.values.length - 1] as T;
  }

  all(): readonly T[] {
    return this.values;
  }
}

/** FNV-1a over a string: turns a label into a seed. */
export function seedOf(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
