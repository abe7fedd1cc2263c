/**
 * The registry of framework adapters, and the cached per-file routing facts.
 *
 * To add a framework: write an adapter that implements `FrameworkAdapter` (./adapter.ts), import it
 * here and add it to `FRAMEWORK_ADAPTERS`.
 */
import type { FrameworkAdapter } from './adapter.js';
import { expressAdapter } from './express.js';
import { fastifyAdapter } from './fastify.js';
import { nestAdapter } from './nest.js';

export type { FrameworkAdapter, RoutingScope } from './adapter.js';
export { getFileRoutingFacts } from './routing-facts.js';

/** Every registered adapter, asked in this order. */
export const FRAMEWORK_ADAPTERS: readonly FrameworkAdapter[] = [
  expressAdapter,
  fastifyAdapter,
  nestAdapter,
];
