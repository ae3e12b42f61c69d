import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { registryResolver } from '../align/index.js';
import type { LawLibrary, Registry } from '../law/index.js';
import type { ListWriter } from '../publish/index.js';
import { isStoreError } from '../store/index.js';
import { type CaseStore, type Clock, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_JSON, openCaseSection, systemClock, todayOf, WORKFLOW_ENDPOINTS, workflowApp } from '../workflow/index.js';
import { apiPublishRoutes } from './api/publish.js';
import { API_READ_HEADERS, apiRoutes } from './api/router.js';
import type { ServerEnv } from './env.js';
import { hasAdminToken, SAFE_METHODS } from './http/auth.js';
import { HttpProblem, problemResponse } from '../problem/index.js';
import { securityHeaders } from './http/security.js';
import { createSessions } from './http/session.js';
import { FailureThrottle } from './http/throttle.js';
import { guardWrites, isApiPath } from './http/write-guard.js';
import { flowchartCache } from './item-flow.js';
import { loginRoutes } from './portal/login-routes.js';
import { portalRoutes } from './portal/routes.js';
import { uploadRoutes } from './portal/upload-routes.js';
import type { StorePort } from './store-port.js';
import { errorBody } from './views/error.js';
import { headerAccount, layout, siteNav } from './views/layout.js';

export interface AppOptions {
  store: StorePort;
  /** The clock; pages show the current year. */
  now?: () => Date;
  /** Where unexpected errors are reported (default: stderr). */
  log?: (message: string) => void;
  /**
   * The law registry (loadRegistry(), read once at start): the compare page resolves cited
   * laws, versions and renumbered articles through it. Without it, cited titles are
   * compared as written.
   */
  laws?: Registry;
  /**
   * The case store (openCaseStore on the same database): with it the site also serves the
   * workflow: /cases, /supervision, /processes/:id and /api/cases, /api/processes …
   */
  cases?: CaseStore;
  /** What "today" is for the workflow's lists and dashboard; the case store's clock by default. */
  clock?: Clock;
  /**
   * The administrator's token ($QUANZE_ADMIN_TOKEN): every write (any method but GET, HEAD
   * and OPTIONS) to the API needs `Authorization: Bearer <token>`, and the portal's forms a
   * session started by signing in with it at /login. Without one, writes are refused.
   */
  adminToken?: string | undefined;
  /** Milliseconds since the epoch for signing in: sessions' expiry, the wrong-token throttle (default Date.now). */
  authClock?: () => number;
  /**
   * How many reverse proxies in front append to X-Forwarded-For ($QUANZE_TRUST_PROXY): the
   * wrong-token throttle then counts the client that header names rather than the proxy.
   * 0 (the default) believes no header, which anyone can send.
   */
  trustProxy?: number;
  /**
   * Memory for rendered item pages and their flowcharts (default 64 MiB; 0 renders every
   * request). A cached page is checked against the store's change token, so writes by
   * other processes show; `cases` must be on the store's database for the same reason.
   */
  cacheBytes?: number;
  /**
   * Where 上传清单 (/upload) publishes, the list store, and the law library it audits new
   * versions with: with these and the case store, a signed-in user can upload a list.
   */
  publish?: { lists: ListWriter; library?: LawLibrary };
}

export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

function sha1(body: Uint8Array): ArrayBuffer {
  const digest = createHash('sha1').update(body).digest();
  return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength) as ArrayBuffer;
}

/** Maps what a handler threw to the one HTTP error type; anything else is a 500. */
function toProblem(error: unknown): HttpProblem | null {
  if (error instanceof HttpProblem) return error;
  if (isStoreError(error) && error.code === 'invalid-query') return new HttpProblem('invalid-parameters', error.message);
  return null;
}

/**
 * The quanze web app: the JSON API under /api and the public portal, both over the same
 * store queries. Tests call `app.request()`; `serveApp` puts it on a port.
 *
 * @example
 * const app = createApp({ store: await openStore(':memory:') });
 * const res = await app.request('/api/lists');
 */
export function createApp(options: AppOptions): Hono {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const app = new Hono();
  app.use(securityHeaders());
  // A synchronous SHA-1: WebCrypto's asynchronous digest cost ~200 µs of CPU a response in bench/http.
  // A 304 is a new response keeping only the headers named here: without the API's CORS and
  // resource policy headers another site's revalidation of a read would fail as a network error.
  app.use(etag({ generateDigest: (body) => sha1(body), retainedHeaders: [...RETAINED_304_HEADERS, ...API_READ_HEADERS] }));
  // Writes this app serves (workflow: cases, process definitions), counted once done, so a
  // cached page that may show their result is checked again.
  let writes = 0;
  app.use(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    try {
      await next();
    } finally {
      // A refused write (400, 401, 403, 409…) changed nothing, so cached pages stay valid; a
      // 500 may have come after a write, so it counts.
      if (c.res.status < 400 || c.res.status >= 500) writes++;
    }
  });
  const cacheBytes = options.cacheBytes ?? DEFAULT_CACHE_BYTES;
  const env: ServerEnv = options.laws ? { resolver: registryResolver(options.laws) } : {};
  const nav = siteNav(options.cases !== undefined);
  const authClock = options.authClock ?? Date.now;
  // Sign-outs go to the workflow database when there is one, so a restart keeps them.
  const sessions = createSessions({ adminToken: options.adminToken, now: authClock, ...(options.cases ? { signOuts: options.cases.signOuts } : {}) });
  // Before anything reads the session (pages, the guard, the workflow's disclosure of parties).
  app.use(async (c, next) => {
    await sessions.load(c);
    return next();
  });
  const formTokenOf = (c: Context) => sessions.read(c)?.formToken ?? null;
  // Signing in is offered where it leads somewhere: a token is set and the site runs cases.
  const offered = sessions.enabled && options.cases !== undefined;
  const account = (c: Context) => headerAccount(formTokenOf(c), offered);
  const { cases } = options;
  // Pages with a user's form token in them are never stored by a cache; the API's answers are as they were.
  app.use(async (c, next) => {
    await next();
    if (!isApiPath(c.req.path) && formTokenOf(c) !== null) c.res.headers.set('Cache-Control', 'no-store');
  });
  // The read-only API first, so a write to one of its routes is a 405 rather than a question of tokens.
  const uploads = options.publish ? { publishMaxBytes: MAX_DOCUMENT_BYTES } : {};
  app.route('/api', apiRoutes(options.store, env, options.cases ? Object.values(WORKFLOW_ENDPOINTS) : [], uploads));
  app.route(
    '/',
    portalRoutes({
      store: options.store,
      now,
      env,
      nav,
      processes: options.cases,
      // A page is ~30 KB plus ~12 KB compressed twice, a flowchart ~5 KB: three quarters for pages.
      pageCacheBytes: Math.floor(cacheBytes * 0.75),
      flowcharts: flowchartCache(Math.floor(cacheBytes * 0.25)),
      writes: () => writes,
      signIn: {
        formTokenOf,
        offered,
        ...(cases
          ? {
              // Only an item whose steps can be drawn can be opened as a case (openCaseForItem derives the same process).
              openCase: (detail, flow, formToken) =>
                flow.svg === null && !flow.stored
                  ? null
                  : openCaseSection({
                      itemId: detail.id,
                      department: detail.department,
                      powerType: detail.item.powerType.type ?? detail.item.powerType.raw,
                      today: todayOf(options.clock ?? cases.clock),
                      user: { formToken },
                    }),
            }
          : {}),
      },
    }),
  );
  // The 登记文书 form uploads a document of up to MAX_DOCUMENT_BYTES, the API takes it as
  // base64 in JSON (MAX_DOCUMENT_JSON); a larger post is refused unread.
  app.use(guardWrites(options.adminToken, sessions, { maxUploadBytes: MAX_DOCUMENT_BYTES, maxJsonBytes: MAX_DOCUMENT_JSON }));
  app.route(
    '/',
    loginRoutes({
      adminToken: options.adminToken,
      sessions,
      home: options.cases ? '/cases' : '/',
      throttle: new FailureThrottle(5, 60_000, authClock),
      ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
      page: (c, title, body) => layout({ title, body, nav, year: now().getFullYear(), account: account(c) }).value,
    }),
  );
  const library = options.publish?.library;
  const publishAudit = () => (library ? { library, today: todayOf(options.clock ?? cases?.clock ?? systemClock) } : undefined);
  if (options.publish) app.route('/api', apiPublishRoutes({ lists: options.publish.lists, audit: publishAudit, maxBytes: MAX_DOCUMENT_BYTES }));
  // Signing in needs the case store, and every signed-in page offers 上传清单.
  if (cases) {
    app.route(
      '/',
      uploadRoutes({
        store: options.store,
        lists: options.publish?.lists ?? null,
        audit: publishAudit,
        formTokenOf,
        maxBytes: MAX_DOCUMENT_BYTES,
        page: (c, title, body, crumbs) => layout({ title, body, crumbs, nav, year: now().getFullYear(), account: account(c) }).value,
      }),
    );
  }
  if (options.cases) {
    app.route(
      '/',
      workflowApp({
        cases: options.cases,
        lists: options.store,
        ...(options.clock ? { clock: options.clock } : {}),
        // guardWrites already refused; this keeps the sub-app's API closed if it is ever mounted without it.
        authorize: (c) => hasAdminToken(c, options.adminToken),
        user: (c) => {
          const formToken = formTokenOf(c);
          return formToken === null ? null : { formToken };
        },
        log,
        shell: (title, body, crumbs, user, path) =>
          layout({
            title,
            body,
            crumbs,
            path,
            year: now().getFullYear(),
            nav: siteNav(true),
            stylesheets: ['/assets/workflow.css'],
            account: headerAccount(user?.formToken ?? null, offered),
          }).value,
      }),
    );
  }

  const respond = (c: Context, problem: HttpProblem) => {
    // What the problem's answer must carry (a 405's Allow), on a page as in the API.
    for (const [name, value] of Object.entries(problem.headers)) c.header(name, value);
    if (isApiPath(c.req.path)) return problemResponse(c, problem);
    const page = layout({ title: problem.title, body: errorBody(problem.status, problem.title, problem.detail), nav, year: now().getFullYear(), account: account(c) });
    return c.html(page.value, problem.status as ContentfulStatusCode);
  };
  app.notFound((c) => respond(c, new HttpProblem('not-found', isApiPath(c.req.path) ? `没有接口“${c.req.path}”` : '没有这个页面')));
  app.onError((error, c) => {
    const problem = toProblem(error);
    if (problem) return respond(c, problem);
    log(`内部错误：${c.req.method} ${c.req.path}：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return respond(c, new HttpProblem('internal', '处理请求时出错，请稍后再试'));
  });
  return app;
}
