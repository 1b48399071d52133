import type { EntrypointAdapter } from './adapter.js';
import { expressAdapter } from './express.js';
import { honoAdapter } from './hono.js';
import { koaAdapter } from './koa.js';
import { trpcAdapter } from './trpc.js';

/** Registered entry-point adapters, in the order they run. */
export const ENTRYPOINT_ADAPTERS: readonly EntrypointAdapter[] = [expressAdapter, koaAdapter, honoAdapter, trpcAdapter];

export type { EntrypointAdapter, EntrypointContext, AnalysedFile } from './adapter.js';
