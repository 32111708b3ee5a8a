/**
 * Which Host headers `medcom-ig serve` answers (DNS rebinding): the bound address, the loopback
 * names and the names the user allows, each with the port. A wildcard bind (0.0.0.0, ::) adds no
 * name of its own: a browser page on another site that resolves its name to this machine sends its
 * own name as Host and is refused, whatever address the server listens on.
 */

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD = new Set(['0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0', '']);

/** The address listens on every interface. */
export function isWildcard(host: string): boolean {
  return WILDCARD.has(host.trim().toLowerCase());
}

/** A host name or address as it appears in a Host header: lower case, IPv6 in brackets. */
export function hostName(name: string): string {
  const n = name.trim().toLowerCase();
  return n.includes(':') && !n.startsWith('[') ? `[${n}]` : n;
}

/**
 * A `--allow-host` value: a DNS name or an IP address, without scheme, port, path or spaces.
 * Returns a reason when it is not one.
 */
export function allowHostProblem(name: string): string | undefined {
  const n = name.trim();
  if (n === '') return 'empty';
  if (/^[0-9a-f:]+$/i.test(n) && n.includes(':')) return undefined; // IPv6
  if (/^\[[0-9a-f:]+\]$/i.test(n)) return undefined;
  if (!/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(n)) {
    return 'expected a host name or an IP address, without scheme, port or path';
  }
  return undefined;
}

/** The Host header values answered for a server bound to `bound` on `port`, allowing `allow` too. */
export function allowedHosts(bound: string, port: number, allow: readonly string[] = []): Set<string> {
  const names = [...LOOPBACK, ...allow.map(hostName)];
  if (!isWildcard(bound)) names.push(hostName(bound));
  const out = new Set<string>();
  for (const n of names) {
    out.add(`${n}:${port}`);
    if (port === 80) out.add(n); // a browser leaves the default port out
  }
  return out;
}
