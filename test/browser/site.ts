import { type RunningServer, serveApp } from '../../src/server/index.js';
import { type SiteOptions, siteApp } from '../http/helpers.js';

export type ServedSite = Awaited<ReturnType<typeof siteApp>> & {
  server: RunningServer;
  /** Opens a case through the API with the administrator's token; its number. */
  openCase(body: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
};

/** What `quanze start` serves (siteApp), listening on a free port of 127.0.0.1 for a browser. */
export async function servedSite(options: SiteOptions & { adminToken: string }): Promise<ServedSite> {
  const site = await siteApp(options);
  const server = await serveApp({ app: site.app, port: 0, hostname: '127.0.0.1' });
  return {
    ...site,
    server,
    async openCase(body) {
      const res = await fetch(`${server.url}/api/cases`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.adminToken}` },
      });
      if (res.status !== 201) throw new Error(`立案失败（${res.status}）：${await res.text()}`);
      return ((await res.json()) as { summary: { id: string } }).summary.id;
    },
    async close() {
      await server.close();
      await site.cases.disconnect();
      await site.store.close();
    },
  };
}
