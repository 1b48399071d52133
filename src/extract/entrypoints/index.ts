import type { EntrypointAdapter } from './adapter.js';
import { expressAdapter } from './express.js';
import { fastifyAdapter } from './fastify.js';
import { koaAdapter } from './koa.js';

/** Registered entry-point adapters, in the order they run. */
export const ENTRYPOINT_ADAPTERS: readonly EntrypointAdapter[] = [expressAdapter, koaAdapter, fastifyAdapter];

export type { EntrypointAdapter, EntrypointContext, AnalysedFile } from './adapter.js';
