/**
 * Flow specs built once per settings object and rule options: the engine caches per-spec work by
 * the spec's identity, so a rule must hand it the same spec object for the same configuration.
 */
import type { ResolvedSettings } from '../settings/schema.js';
import type { FlowSpec } from './spec.js';

/** A getter that builds the spec of `options` on first use and returns the same object afterwards. */
export function createSpecCache<Options>(createSpec: (options: Options) => FlowSpec): (settings: ResolvedSettings, options: Options) => FlowSpec {
  const specs = new WeakMap<ResolvedSettings, Map<string, FlowSpec>>();
  // The same settings and options come back for every file (options rebuilt per call from the same
  // arrays' elements): answer those without serializing the options.
  let lastSettings: ResolvedSettings | undefined;
  let lastOptions: Options | undefined;
  let lastSpec: FlowSpec | undefined;
  return (settings, options) => {
    if (settings === lastSettings && lastSpec && sameOptions(options, lastOptions)) return lastSpec;
    let bySettings = specs.get(settings);
    if (!bySettings) {
      bySettings = new Map();
      specs.set(settings, bySettings);
    }
    const key = JSON.stringify(options);
    let spec = bySettings.get(key);
    if (!spec) {
      spec = createSpec(options);
      bySettings.set(key, spec);
    }
    lastSettings = settings;
    lastOptions = options;
    lastSpec = spec;
    return spec;
  };
}

/** True when two options objects hold the same values, comparing one level of arrays element by element. */
function sameOptions(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}
