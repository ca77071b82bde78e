/**
 * IPv4 classification for static-IP registration: only a globally routable unicast address can be
 * registered. The special-purpose blocks are those of the IANA IPv4 Special-Purpose Address
 * Registry (RFC 6890 and successors).
 */
const SPECIAL: Array<[cidr: string, what: string]> = [
  ['0.0.0.0/8', '"this network" (RFC 791)'],
  ['10.0.0.0/8', 'private (RFC 1918)'],
  ['100.64.0.0/10', 'carrier-grade NAT shared space (RFC 6598)'],
  ['127.0.0.0/8', 'loopback (RFC 1122)'],
  ['169.254.0.0/16', 'link-local (RFC 3927)'],
  ['172.16.0.0/12', 'private (RFC 1918)'],
  ['192.0.0.0/24', 'IETF protocol assignments (RFC 6890)'],
  ['192.0.2.0/24', 'documentation, TEST-NET-1 (RFC 5737)'],
  ['192.88.99.0/24', '6to4 relay anycast (RFC 7526)'],
  ['192.168.0.0/16', 'private (RFC 1918)'],
  ['198.18.0.0/15', 'benchmarking (RFC 2544)'],
  ['198.51.100.0/24', 'documentation, TEST-NET-2 (RFC 5737)'],
  ['203.0.113.0/24', 'documentation, TEST-NET-3 (RFC 5737)'],
  ['224.0.0.0/4', 'multicast (RFC 5771)'],
  ['240.0.0.0/4', 'reserved (RFC 1112)'],
  ['255.255.255.255/32', 'limited broadcast (RFC 919)'],
];

/** The address as a 32-bit number, or null unless it is a dotted quad of 0-255 without leading zeros. */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

const BLOCKS = SPECIAL.map(([cidr, what]) => {
  const [base, bits] = cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  const start = parseIpv4(base)!;
  return { start, end: start + size - 1, what, cidr };
});

export type IpClass = { public: true } | { public: false; reason: string };

export function classifyIp(text: string): IpClass {
  if (text.includes(':')) return { public: false, reason: `${text} is an IPv6 address; only IPv4 can be registered` };
  const value = parseIpv4(text);
  if (value === null) return { public: false, reason: `${text} is not a valid IPv4 address` };
  const block = BLOCKS.find((b) => value >= b.start && value <= b.end);
  return block ? { public: false, reason: `${text} is ${block.what} (${block.cidr}), not a public address` } : { public: true };
}
