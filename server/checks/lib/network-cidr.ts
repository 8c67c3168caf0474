import "server-only";

type Cidr = { v6: boolean; bits: bigint; prefix: number };

function ipv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let out = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    out = (out << 8n) | BigInt(p);
  }
  return out;
}

function ipv6(text: string): bigint | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  let out = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
    out = (out << 16n) | BigInt(parseInt(g, 16));
  }
  return out;
}

export function parseCidr(text: string): Cidr | undefined {
  const [address = "", prefixText = ""] = text.trim().split("/");
  const v6 = address.includes(":");
  const width = v6 ? 128 : 32;
  const prefix = Number(prefixText);
  if (!/^\d+$/.test(prefixText) || prefix > width) return undefined;
  const bits = v6 ? ipv6(address) : ipv4(address);
  return bits === undefined ? undefined : { v6, bits, prefix };
}

/** True when every address of `inner` lies in `outer`. */
export function cidrWithin(inner: string, outer: string): boolean {
  const a = parseCidr(inner);
  const b = parseCidr(outer);
  if (!a || !b || a.v6 !== b.v6 || a.prefix < b.prefix) return false;
  const width = BigInt(a.v6 ? 128 : 32);
  const shift = width - BigInt(b.prefix);
  return a.bits >> shift === b.bits >> shift;
}
