import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { importFile } from '../../src/ingest/index.js';
import { createApp, serveApp } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';

/**
 * The servers bench/http loads, in a process of their own so the load generator does not
 * share their event loop: quanze's app over a SQLite store holding the samples, and a bare
 * Hono app with one "hello" route, both on ephemeral ports of 127.0.0.1. Prints one JSON
 * line with their addresses, then serves until stdin closes (the parent ended or died) or
 * a time limit passes.
 */
const LIMIT_MS = Number(process.env.QUANZE_BENCH_HTTP_SERVER_LIMIT_MS ?? 15 * 60_000);
const SAMPLES = fileURLToPath(new URL('../../data/samples/', import.meta.url));

export interface ServerInfo {
  app: string;
  bare: string;
  /** node:http with no framework, sending the item page's brotli bytes at /page.br. */
  raw: string;
  /** Path of a real item's page, and the name the page must show. */
  itemPath: string;
  itemName: string;
}

const dir = mkdtempSync(join(tmpdir(), 'quanze-bench-http-'));
const store = await openStore(join(dir, 'bench.sqlite'));
await store.migrate();
for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort()) await store.importList(await importFile(SAMPLES + file));
const first = (await store.listItems({ pageSize: 1 })).items[0];
if (!first) throw new Error('样例里没有事项');

const quanze = createApp({ store, log: () => {} });
// The item page's own bytes, as served plainly and to a browser, for the bare app to send back
// with no work at all: what moving those bytes costs here, the most the page could reach.
const bytesOf = async (headers: Record<string, string>) => new Uint8Array(await (await quanze.request(`/items/${first.id}`, { headers })).arrayBuffer());
const plainPage = await bytesOf({});
const brotliPage = await bytesOf({ 'Accept-Encoding': 'br' });
const bareApp = new Hono();
bareApp.get('/', (c) => c.text('hello'));
bareApp.get('/page', (c) => c.body(plainPage, 200, { 'Content-Type': 'text/html; charset=UTF-8' }));
bareApp.get('/page.br', (c) => c.body(brotliPage, 200, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Encoding': 'br' }));
const app = await serveApp({ app: quanze, port: 0, hostname: '127.0.0.1' });
const bare = await serveApp({ app: bareApp, port: 0, hostname: '127.0.0.1' });
const brotliHeaders = { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Encoding': 'br', 'Content-Length': String(brotliPage.byteLength) };
const raw = createServer((_req, res) => {
  res.writeHead(200, brotliHeaders);
  res.end(brotliPage);
});
await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  raw.closeAllConnections();
  await Promise.all([app.close(), bare.close(), new Promise((resolve) => raw.close(resolve))]);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
setTimeout(stop, LIMIT_MS).unref();

const info: ServerInfo = { app: `http://127.0.0.1:${app.port}`, bare: `http://127.0.0.1:${bare.port}`, raw: `http://127.0.0.1:${(raw.address() as AddressInfo).port}`, itemPath: `/items/${first.id}`, itemName: first.name };
console.log(JSON.stringify(info));
