/**
 * Express 4 and 5 (placeholder while the adapter is written).
 */
import type * as ts from 'typescript';
import { EMPTY_ROUTING_FACTS, type FileRoutingFacts } from '../model/facts.js';
import type { ResolvedRoute } from '../model/api-model.js';
import type { FrameworkAdapter, RoutingScope } from './adapter.js';

export const expressAdapter: FrameworkAdapter = {
  framework: 'express',
  collect(_scope: RoutingScope, _sourceFile: ts.SourceFile): FileRoutingFacts {
    return EMPTY_ROUTING_FACTS;
  },
  resolveRoutes(): readonly ResolvedRoute[] {
    return [];
  },
};
