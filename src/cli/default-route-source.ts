/**
 * The route model the CLI uses by default: the routing model's `getProjectRoutes` and
 * `getRoutePosture`, the same answers `require-auth-guard` reads, so the inventory and the rule
 * never disagree.
 */
import { classifyChainItem, getRoutePosture } from '../model/posture.js';
import { getProjectRoutes } from '../model/resolve-api-model.js';
import type { RouteModelSource } from './route-inventory.js';

export const defaultRouteSource: RouteModelSource = {
  getRoutes: (index) => getProjectRoutes(index),
  getPosture: (route, index, settings) => {
    const posture = getRoutePosture(index, route, settings);
    return {
      state: posture.posture,
      reason: posture.evidence,
      ...(posture.protectedBy ? { protectedBy: posture.protectedBy.map((item) => item.text) } : {}),
    };
  },
  isSetupOnly: (item, index, settings) => {
    const verdict = classifyChainItem({ ts: index.ts, project: index, settings }, item);
    return verdict.effect === 'none' && verdict.fromCatalog === true;
  },
};
