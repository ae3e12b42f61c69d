import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';

export interface ServeOptions {
  app: Hono;
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; all interfaces when absent. */
  hostname?: string;
}

export interface RunningServer {
  /** The address to open in a browser, e.g. http://localhost:3000. */
  url: string;
  port: number;
  /** Stops accepting connections, ends idle keep-alive ones, and resolves when all are done. */
  close(): Promise<void>;
}

/**
 * Puts an app on a port; resolves once it is listening, rejects when it cannot
 * (port taken, no permission).
 *
 * @example const server = await serveApp({ app, port: 3000 }); … await server.close();
 */
export async function serveApp(options: ServeOptions): Promise<RunningServer> {
  const server = createAdaptorServer({ fetch: options.app.fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = !options.hostname || options.hostname === '0.0.0.0' || options.hostname === '::' ? 'localhost' : options.hostname;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        // A client holding a request open must not keep the process alive forever.
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      });
      return closing;
    },
  };
}

/**
 * Resolves with the first of `signals` the process receives, then stops listening for
 * them, so the default behaviour is back for a second Ctrl-C.
 */
export function untilSignal(
  signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
  target: Pick<NodeJS.Process, 'once' | 'off'> = process,
): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handlers = signals.map((signal) => {
      const handler = () => {
        for (const [s, h] of handlers) target.off(s, h);
        resolve(signal);
      };
      target.once(signal, handler);
      return [signal, handler] as const;
    });
  });
}
