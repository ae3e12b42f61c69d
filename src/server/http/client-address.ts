import { isIP } from 'node:net';
import type { Context } from 'hono';
import { z } from 'zod';

/** The most proxy hops anyone chains in front of a site; a larger number is a typo. */
const MAX_TRUSTED_HOPS = 10;

/**
 * $QUANZE_TRUST_PROXY or --trust-proxy: how many reverse proxies in front of the server
 * append to X-Forwarded-For. Empty or absent is 0, trusting none.
 */
export const TrustProxy = z
  .string()
  .trim()
  .regex(/^\d+$/, `应为 0–${MAX_TRUSTED_HOPS} 的整数（服务前反向代理的层数）`)
  .transform(Number)
  .pipe(z.number().max(MAX_TRUSTED_HOPS, `应为 0–${MAX_TRUSTED_HOPS} 的整数（服务前反向代理的层数）`));

/** The number of trusted hops in `text`; throws a message fit for the user when it is not one. */
export function parseTrustProxy(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return 0;
  const parsed = TrustProxy.safeParse(text);
  if (!parsed.success) throw new Error(`“${text}”${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

function connectionAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * The address a request comes from, for throttling. With `trustedHops` 0 it is the
 * connection's, whatever the headers say: anyone can send X-Forwarded-For. Behind N
 * trusted proxies each appends the address it was reached from, so the Nth entry from
 * the right was written by the outermost of them and is the client's; entries further
 * left are the client's own to invent. With fewer entries than N the leftmost is taken;
 * one that is no IP address, or no header, leaves the connection's (the proxy's, one
 * key for all, which only errs on the safe side).
 */
export function clientAddress(c: Context, trustedHops: number): string {
  const connection = connectionAddress(c);
  if (trustedHops <= 0) return connection;
  const hops = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const client = hops[Math.max(hops.length - trustedHops, 0)];
  return client !== undefined && isIP(client) !== 0 ? client : connection;
}
