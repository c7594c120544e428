import { BlockList, isIP } from 'node:net';

/**
 * Which addresses a fetch may connect to. The bot fetches whatever a member pastes, so by default
 * nothing on the host's own networks: loopback, private, link-local, carrier-grade NAT, multicast,
 * documentation and reserved ranges. KEYSTONE_ALLOW_PRIVATE_FETCH=1 lifts that (tests, a trusted
 * intranet); a list of addresses or CIDR ranges lifts it for those only.
 */
export interface AddressPolicy {
  /** Null when the address may be reached, else why not ("a loopback address"). */
  refuses(address: string): string | null;
}

const V4: [string, number, string][] = [
  ['0.0.0.0', 8, 'an unspecified address'],
  ['10.0.0.0', 8, 'a private address'],
  ['100.64.0.0', 10, 'a carrier-grade NAT address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address'],
  ['172.16.0.0', 12, 'a private address'],
  ['192.0.0.0', 24, 'a reserved address'],
  ['192.0.2.0', 24, 'a documentation address'],
  ['192.168.0.0', 16, 'a private address'],
  ['198.18.0.0', 15, 'a benchmarking address'],
  ['198.51.100.0', 24, 'a documentation address'],
  ['203.0.113.0', 24, 'a documentation address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved address'],
];
const V6: [string, number, string][] = [
  ['::', 128, 'an unspecified address'],
  ['::1', 128, 'a loopback address'],
  // IPv4-mapped addresses reach IPv4 hosts, private ones included: never needed for a public page.
  ['::ffff:0:0', 96, 'an IPv4-mapped address'],
  ['100::', 64, 'a discard address'],
  ['2001:db8::', 32, 'a documentation address'],
  ['fc00::', 7, 'a private (unique local) address'],
  ['fe80::', 10, 'a link-local address'],
  ['ff00::', 8, 'a multicast address'],
];

function blockList(ranges: [string, number, string][], type: 'ipv4' | 'ipv6'): [BlockList, string][] {
  return ranges.map(([net, prefix, why]) => {
    const b = new BlockList();
    b.addSubnet(net, prefix, type);
    return [b, why];
  });
}
const BLOCKED_V4 = blockList(V4, 'ipv4');
const BLOCKED_V6 = blockList(V6, 'ipv6');

/** An IPv4 address carried in a NAT64 (64:ff9b::/96) address, which reaches it as well. */
function nat64Embedded(address: string): string | null {
  const m = /^64:ff9b::(?:([0-9a-f]{1,4}):([0-9a-f]{1,4})|(\d+\.\d+\.\d+\.\d+))$/i.exec(address);
  if (!m) return null;
  if (m[3]) return m[3];
  const hi = parseInt(m[1], 16);
  const lo = parseInt(m[2], 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

export function whyBlocked(address: string): string | null {
  const family = isIP(address);
  if (family === 4) return BLOCKED_V4.find(([b]) => b.check(address, 'ipv4'))?.[1] ?? null;
  if (family === 6) {
    const inner = nat64Embedded(address);
    if (inner) return whyBlocked(inner);
    return BLOCKED_V6.find(([b]) => b.check(address, 'ipv6'))?.[1] ?? null;
  }
  return 'not an IP address';
}

/** Reads KEYSTONE_ALLOW_PRIVATE_FETCH: unset or 0 blocks, 1 allows all, "10.0.0.5, 192.168.1.0/24" allows those. */
export function addressPolicy(setting: string | undefined = process.env.KEYSTONE_ALLOW_PRIVATE_FETCH): AddressPolicy {
  const s = (setting ?? '').trim();
  if (/^(1|true|yes|on)$/i.test(s)) return { refuses: () => null };
  const allowed = new BlockList();
  if (s && !/^(0|false|no|off)$/i.test(s)) {
    for (const item of s.split(/[\s,]+/).filter(Boolean)) {
      const [net, prefix] = item.split('/');
      const type = isIP(net) === 6 ? 'ipv6' : 'ipv4';
      if (!isIP(net)) throw new Error(`KEYSTONE_ALLOW_PRIVATE_FETCH: "${item}" is not an address or range (use 1, or addresses like 10.0.0.5 or 192.168.1.0/24)`);
      if (prefix != null) allowed.addSubnet(net, Number(prefix), type);
      else allowed.addAddress(net, type);
    }
  }
  return {
    refuses(address) {
      const why = whyBlocked(address);
      if (!why) return null;
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      return allowed.check(address, type) ? null : why;
    },
  };
}
