/**
 * Flow specs built once per settings object and rule options: the engine caches per-spec work by
 * the spec's identity, so a rule must hand it the same spec object for the same configuration.
 */
import type { ResolvedSettings } from '../settings/schema.js';
import type { FlowSpec } from './spec.js';

/** A getter that builds the spec of `options` on first use and returns the same object afterwards. */
export function createSpecCache<Options>(createSpec: (options: Options) => FlowSpec): (settings: ResolvedSettings, options: Options) => FlowSpec {
  const specs = new WeakMap<ResolvedSettings, Map<string, FlowSpec>>();
  return (settings, options) => {
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
    return spec;
  };
}
