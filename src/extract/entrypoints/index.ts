import type { EntrypointAdapter } from './adapter.js';
import { expressAdapter } from './express.js';

/** Registered entry-point adapters, in the order they run. */
export const ENTRYPOINT_ADAPTERS: readonly EntrypointAdapter[] = [expressAdapter];

export type { EntrypointAdapter, EntrypointContext, AnalysedFile } from './adapter.js';
