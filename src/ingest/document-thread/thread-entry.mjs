// Document thread entry when running from TypeScript sources: registers tsx in this thread,
// then loads the thread's code. A compiled build starts thread.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
