export { createApp, type AppOptions } from './app.js';
export { parseTrustProxy } from './http/client-address.js';
export { serveApp, untilSignal, type RunningServer, type ServeOptions } from './serve.js';
export type { StorePort } from './store-port.js';
