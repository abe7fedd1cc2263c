/**
 * The NestJS adapter.
 *
 * `collect` turns one file's Nest declarations into routing facts: each `@Controller` class is a
 * `RouterFact` (kind `controller`, `prefix` = its path) whose class-level `@UseGuards`/`@UsePipes`/
 * `@UseInterceptors`/`@UseFilters` form one `use` step, followed by one `route` step per method
 * with `@Get`/`@Post`/`@Put`/`@Patch`/`@Delete`/`@All`/`@Head`/`@Options` (`reportNode` = the route
 * decorator, `chain` = the method's enhancers, `publicMarkers` = `@Public()`-style markers of the
 * class and the method). Global enhancers (`APP_GUARD`/`APP_PIPE`/`APP_FILTER`/`APP_INTERCEPTOR`
 * providers, `app.useGlobal*`) and `setGlobalPrefix` are `GlobalFact`s.
 *
 * `resolveRoutes` links them per application (`nest-routes.ts`, `nest-apps.ts`).
 */
import type * as ts from 'typescript';
import { EMPTY_ROUTING_FACTS, type ChainItem, type FileRoutingFacts, type GlobalFact, type RouteFact, type RouterFact, type RouterStep } from '../model/facts.js';
import type { ResolvedRoute } from '../model/api-model.js';
import type { FrameworkAdapter, RoutingScope } from './adapter.js';
import { getNestBootstraps } from './nest-bootstrap.js';
import { getNestControllers, type NestControllerModel, type NestRouteModel } from './nest-controllers.js';
import type { NestEnhancerUse } from './nest-decorators.js';
import { getNestModules } from './nest-modules.js';
import type { NestGlobalEnhancer } from './nest-providers.js';
import { getNestControllerId, getNestRouteId, resolveNestRoutes } from './nest-routes.js';

export const nestAdapter: FrameworkAdapter = {
  framework: 'nest',
  collect(scope: RoutingScope, sourceFile: ts.SourceFile): FileRoutingFacts {
    return collectNestFacts(scope, sourceFile);
  },
  resolveRoutes(scope: RoutingScope, sourceFile: ts.SourceFile, facts: FileRoutingFacts): readonly ResolvedRoute[] {
    if (facts.routers.length === 0) return [];
    return resolveNestRoutes(scope, sourceFile, facts.routers);
  },
};

/** The routing facts of one file. */
export function collectNestFacts(scope: RoutingScope, sourceFile: ts.SourceFile): FileRoutingFacts {
  if (!mentionsNest(sourceFile)) return EMPTY_ROUTING_FACTS;
  const routers = getNestControllers(scope, sourceFile).map((c) => toRouterFact(c));
  const globals: GlobalFact[] = [];
  for (const module of getNestModules(scope, sourceFile)) {
    for (const parts of [module, ...module.dynamic.values()]) {
      for (const enhancer of parts.globalEnhancers) globals.push(toGlobalFact(enhancer));
    }
  }
  for (const app of getNestBootstraps(scope, sourceFile)) {
    for (const enhancer of app.enhancers) globals.push(toGlobalFact(enhancer));
    if (app.globalPrefix) {
      globals.push({
        framework: 'nest',
        kind: 'prefix',
        node: app.globalPrefix.node,
        prefix: app.globalPrefix.prefix,
        via: 'setGlobalPrefix',
      });
    }
  }
  if (routers.length === 0 && globals.length === 0) return EMPTY_ROUTING_FACTS;
  return { routers, globals };
}

/** Cheap text filter before any parsing work: Nest code imports a `@nestjs/` package or uses decorators. */
function mentionsNest(sourceFile: ts.SourceFile): boolean {
  const text = sourceFile.text;
  return text.includes('@nestjs/') || (text.includes('@') && (text.includes('Controller') || text.includes('Module')));
}

function toChainItem(enhancer: NestEnhancerUse | NestGlobalEnhancer): ChainItem {
  return { node: enhancer.node, text: enhancer.text, role: enhancer.role };
}

function toGlobalFact(enhancer: NestGlobalEnhancer): GlobalFact {
  return { framework: 'nest', kind: enhancer.role, node: enhancer.registration, item: toChainItem(enhancer), via: enhancer.via };
}

function toRouterFact(controller: NestControllerModel): RouterFact {
  const id = getNestControllerId(controller);
  const steps: RouterStep[] = [];
  if (controller.enhancers.length > 0) {
    steps.push({ kind: 'use', node: controller.enhancers[0]!.decorator, items: controller.enhancers.map(toChainItem) });
  }
  for (const route of controller.routes) steps.push({ kind: 'route', route: toRouteFact(controller, route, id) });
  return {
    id,
    framework: 'nest',
    kind: 'controller',
    name: controller.name,
    node: controller.node,
    isRoot: false,
    exportedAs: controller.exportedAs,
    prefix: controller.paths[0],
    steps,
  };
}

function toRouteFact(controller: NestControllerModel, route: NestRouteModel, routerId: string): RouteFact {
  return {
    id: getNestRouteId(controller, route),
    framework: 'nest',
    methods: [route.httpMethod],
    path: route.paths[0],
    node: route.method,
    reportNode: route.decorator,
    routerId,
    chain: route.enhancers.map(toChainItem),
    handler: route.method,
    publicMarkers: [...controller.publicMarkers, ...route.publicMarkers].map((m) => m.text),
  };
}
