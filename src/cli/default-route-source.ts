/**
 * The route model the CLI uses by default: the routing engineer's `getProjectRoutes`, and the
 * posture function (provisional until the model's `getRoutePosture` lands).
 */
import { getProjectRoutes } from '../model/resolve-api-model.js';
import { getProvisionalPosture } from './provisional-posture.js';
import type { RouteModelSource } from './route-inventory.js';

export const defaultRouteSource: RouteModelSource = {
  getRoutes: (index) => getProjectRoutes(index),
  getPosture: (route, _index, settings) => getProvisionalPosture(route, settings),
};
