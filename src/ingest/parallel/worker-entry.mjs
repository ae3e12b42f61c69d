// Worker entry when running from TypeScript sources: registers tsx in this thread, then
// loads the worker. A compiled build starts worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
