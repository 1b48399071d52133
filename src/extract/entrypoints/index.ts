import type { EntrypointAdapter } from './adapter.js';
import { expressAdapter } from './express.js';
import { fastifyAdapter } from './fastify.js';
import { graphqlAdapter } from './graphql.js';
import { honoAdapter } from './hono.js';
import { koaAdapter } from './koa.js';
import { nestAdapter } from './nest.js';
import { trpcAdapter } from './trpc.js';

/** Registered entry-point adapters, in the order they run. */
export const ENTRYPOINT_ADAPTERS: readonly EntrypointAdapter[] = [expressAdapter, koaAdapter, fastifyAdapter, honoAdapter, trpcAdapter, nestAdapter, graphqlAdapter];

export type { EntrypointAdapter, EntrypointContext, AnalysedFile } from './adapter.js';
