import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy } from './client-address.js';

describe('parseTrustProxy', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    [' ', 0],
    ['0', 0],
    ['1', 1],
    [' 2 ', 2],
    ['10', 10],
  ])('%j → %d', (text, hops) => {
    expect(parseTrustProxy(text)).toBe(hops);
  });

  it.each(['true', 'yes', '-1', '1.5', '11', '0x1', 'loopback'])('refuses %j in Chinese', (text) => {
    expect(() => parseTrustProxy(text)).toThrow(`“${text}”应为 0–10 的整数（服务前反向代理的层数）`);
  });
});

describe('clientAddress', () => {
  const app = (hops: number) => {
    const a = new Hono();
    a.get('/', (c) => c.text(clientAddress(c, hops)));
    return a;
  };
  /** The address for a request from `connection` with these headers. */
  const from = async (hops: number, connection: string, forwarded?: string) =>
    (await app(hops).request('/', forwarded === undefined ? {} : { headers: { 'X-Forwarded-For': forwarded } }, { incoming: { socket: { remoteAddress: connection } } })).text();

  it('is the connection’s by default, whatever X-Forwarded-For claims', async () => {
    expect(await from(0, '198.51.100.7')).toBe('198.51.100.7');
    expect(await from(0, '198.51.100.7', '203.0.113.9')).toBe('198.51.100.7');
    expect(await from(0, '10.0.0.2', '203.0.113.9, 10.0.0.1')).toBe('10.0.0.2');
    expect(await (await app(0).request('/')).text()).toBe('unknown');
  });

  it('behind N trusted proxies is the Nth entry from the right, which the client cannot write', async () => {
    expect(await from(1, '10.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    // A client that sends its own header only adds entries to the left of the proxy's.
    expect(await from(1, '10.0.0.1', '1.2.3.4, 203.0.113.9')).toBe('203.0.113.9');
    expect(await from(1, '10.0.0.1', '1.2.3.4,203.0.113.9')).toBe('203.0.113.9');
    expect(await from(2, '10.0.0.1', '1.2.3.4, 203.0.113.9, 192.0.2.1')).toBe('203.0.113.9');
    expect(await from(1, '10.0.0.1', '2001:db8::7')).toBe('2001:db8::7');
  });

  it('falls back to the leftmost entry when there are fewer than N, and to the connection for no header or no address', async () => {
    expect(await from(2, '10.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    expect(await from(1, '10.0.0.1')).toBe('10.0.0.1');
    expect(await from(1, '10.0.0.1', '')).toBe('10.0.0.1');
    expect(await from(1, '10.0.0.1', 'unknown')).toBe('10.0.0.1');
    expect(await from(1, '10.0.0.1', `1.2.3.4, ${'x'.repeat(5000)}`)).toBe('10.0.0.1');
  });
});
