import { BlockList, isIP } from 'node:net';

/**
 * Whether a client metadata document may be fetched from `address`: not
 * loopback, private, link-local, shared, reserved or multicast. IPv4 is
 * checked against IPv4 rules only (Node's BlockList matches every IPv4 address
 * through an `::ffff:0:0/96` rule, which refused them all), and an IPv6
 * address that carries an IPv4 one — mapped, compatible, NAT64, 6to4 — is
 * judged by the IPv4 address it reaches.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !PRIVATE_V4.check(address, 'ipv4');
  if (family !== 6) return false;
  const groups = ipv6Groups(address);
  if (!groups) return false;
  const embedded = embeddedIPv4(groups);
  if (embedded) return !PRIVATE_V4.check(embedded, 'ipv4');
  return !PRIVATE_V6.check(address, 'ipv6');
}

const PRIVATE_V4 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  PRIVATE_V4.addSubnet(net, prefix, 'ipv4');

const PRIVATE_V6 = new BlockList();
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible range (embedded addresses are checked first)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 32], // Teredo: the IPv4 address inside is obfuscated, so none is trusted
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  PRIVATE_V6.addSubnet(net, prefix, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (a trailing dotted quad and a zone id allowed), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.split('%')[0] ?? '';
  const quad = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (quad) {
    const [a = 0, b = 0, c = 0, d = 0] = quad.slice(1).map(Number);
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const groups = halves.length === 2 ? [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail] : head;
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : undefined;
}

/** The IPv4 address an IPv6 one reaches through a standard embedding, if it is one. */
function embeddedIPv4(groups: number[]): string | undefined {
  const g = (index: number) => groups[index] ?? 0;
  const quad = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const zero = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible; :: and ::1 themselves stay IPv6).
  if (zero(0, 5) && g(5) === 0xffff) return quad(g(6), g(7));
  if (zero(0, 6) && (g(6) !== 0 || g(7) > 1)) return quad(g(6), g(7));
  // 64:ff9b::a.b.c.d, the well-known NAT64 prefix (RFC 6052).
  if (g(0) === 0x64 && g(1) === 0xff9b && zero(2, 6)) return quad(g(6), g(7));
  // 2002:aabb:ccdd::/48, 6to4 (RFC 3056).
  if (g(0) === 0x2002) return quad(g(1), g(2));
  return undefined;
}
