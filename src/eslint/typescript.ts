/**
 * Loads the TypeScript that @typescript-eslint/parser uses, so that the nodes it produced and the
 * namespace the core calls agree. The only value import of `typescript` in the plugin; the core gets
 * the members it uses as a fast object (`toTsApi`).
 */
import { createRequire } from 'node:module';
import type { TsApi } from '../core/context.js';
import { toTsApi } from '../core/ts-api.js';

let loaded: TsApi | null | undefined;

/** The user's `typescript`, resolved next to typescript-estree when possible. */
export function loadTypeScript(): TsApi | undefined {
  if (loaded !== undefined) return loaded ?? undefined;
  const requireHere = createRequire(import.meta.url);
  try {
    const estree = requireHere.resolve('@typescript-eslint/typescript-estree');
    loaded = toTsApi(createRequire(estree)('typescript') as TsApi);
  } catch {
    try {
      loaded = toTsApi(requireHere('typescript') as TsApi);
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}
