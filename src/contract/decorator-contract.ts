/**
 * The contract `@nestjs/swagger` would publish, read from the decorators instead of a document:
 * every Nest route it documents (all but `@ApiExcludeEndpoint()`/`@ApiExcludeController()`), with
 * the security its decorators declare (`@ApiBearerAuth()` and friends on the method or the
 * controller, else the document-wide `addSecurityRequirements(...)`). Routes of other frameworks in
 * the same project are not in it: Swagger does not see them.
 */
import type { NestApiDocs } from '../frameworks/nest-swagger.js';
import { CONTRACT_METHODS, type ApiContract, type ContractMethod, type ContractOperation, type ContractSecurity } from './openapi-document.js';

export const DECORATOR_CONTRACT_SOURCE = '@nestjs/swagger decorators';

export interface DecoratedRoute {
  readonly methods: readonly string[];
  readonly path: string;
  readonly complete: boolean;
  readonly apiDocs?: NestApiDocs;
}

/** `/users/:id` written the OpenAPI way: `/users/{id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_$]+)(\([^)]*\))?\??/g, '{$1}');
}

function securityOf(docs: NestApiDocs): ContractSecurity {
  if (docs.securitySchemes.length > 0) {
    return { kind: 'required', schemes: docs.securitySchemes, from: 'operation', ...(docs.securityDeclaredBy ? { declaredBy: docs.securityDeclaredBy } : {}) };
  }
  if (docs.globalSecuritySchemes.length > 0) return { kind: 'required', schemes: docs.globalSecuritySchemes, from: 'global', declaredBy: 'DocumentBuilder().addSecurityRequirements()' };
  return { kind: 'none', schemes: [], from: 'absent' };
}

function toContractMethods(method: string): ContractMethod[] {
  if (method === 'ALL') return CONTRACT_METHODS.filter((m) => m !== 'OPTIONS' && m !== 'HEAD' && m !== 'TRACE');
  return (CONTRACT_METHODS as readonly string[]).includes(method) ? [method as ContractMethod] : [];
}

/** The contract the decorators declare. Routes whose path is not fully known are left out of it. */
export function buildDecoratorContract(routes: readonly DecoratedRoute[]): ApiContract {
  const operations: ContractOperation[] = [];
  let excluded = 0;
  for (const route of routes) {
    const docs = route.apiDocs;
    if (!docs) continue;
    if (docs.excludedBy) {
      excluded++;
      continue;
    }
    if (route.path.split('/').includes('?') || !route.complete) continue;
    for (const method of route.methods.flatMap(toContractMethods)) {
      operations.push({ method, path: toOpenApiPath(route.path), basePaths: [''], security: securityOf(docs), ...(docs.summary !== undefined ? { summary: docs.summary } : {}) });
    }
  }
  const hasGlobalSecurity = routes.some((r) => (r.apiDocs?.globalSecuritySchemes.length ?? 0) > 0);
  return {
    source: DECORATOR_CONTRACT_SOURCE,
    format: 'nest-swagger',
    operations,
    hasGlobalSecurity,
    unresolvedRefs: [],
    notes: excluded > 0 ? [`${excluded} route${excluded === 1 ? ' is' : 's are'} left out of the document on purpose (@ApiExcludeEndpoint/@ApiExcludeController)`] : [],
  };
}
