/**
 * The route model the CLI uses by default: the routing model's `getProjectRoutes`,
 * `getRoutePosture`, `getRouteRateLimit` and `getRouteOwnershipState`, the same answers
 * `require-auth-guard`, `require-rate-limit` and `require-ownership-check` read, so the inventory and
 * the rules never disagree.
 */
import { classifyChainItem, getRoutePosture } from '../model/posture.js';
import { getRouteRateLimit, type RouteRateLimit } from '../model/rate-limit-posture.js';
import { getProjectRoutes } from '../model/resolve-api-model.js';
import { getRouteOwnershipState, type RouteOwnershipState } from '../model/route-ownership.js';
import type { RouteColumnValue } from './route-columns.js';
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
  getColumns: (route, index, settings) => ({
    rateLimit: toRateLimitCell(getRouteRateLimit(index, route, settings)),
    ownership: toOwnershipCell(getRouteOwnershipState(index, route, settings)),
  }),
};

/** The RATE LIMIT cell: the limiter's name, `-` when none runs, `?` when another file may add one. */
function toRateLimitCell(limit: RouteRateLimit): RouteColumnValue {
  if (limit.state === 'limited') return { value: limit.limiter ?? 'yes', state: 'yes', reason: limit.evidence };
  if (limit.state === 'none') return { value: '-', state: 'no', reason: limit.evidence };
  return { value: '?', state: 'unknown', reason: limit.evidence };
}

/** The OWNERSHIP cell: `checked`, `missing`, `-` when no record is addressed by a client-supplied id, `?` when unknown. */
function toOwnershipCell(ownership: RouteOwnershipState): RouteColumnValue {
  if (ownership.state === 'checked') return { value: 'checked', state: 'yes', reason: ownership.evidence };
  if (ownership.state === 'missing') return { value: 'missing', state: 'no', reason: ownership.evidence };
  if (ownership.state === 'none') return { value: '-', state: 'no', reason: ownership.evidence };
  return { value: '?', state: 'unknown', reason: ownership.evidence };
}
