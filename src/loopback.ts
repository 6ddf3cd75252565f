/** This machine's own names, as URL.hostname writes them (an IPv6 address in brackets). */
export const LOOPBACK_HOSTNAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** Whether `host` (a URL's hostname, or a bare --host value such as "::1") names this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  return (LOOPBACK_HOSTNAMES as readonly string[]).includes(name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);
}
