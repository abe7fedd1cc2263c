/**
 * What a Nest route's `@nestjs/swagger` decorators document: whether the route is left out of the
 * generated document on purpose (`@ApiExcludeEndpoint()`, `@ApiExcludeController()`), the security
 * it documents (`@ApiBearerAuth()`, `@ApiSecurity('api-key')`, ... on the method or the controller,
 * and `DocumentBuilder().addSecurityRequirements(...)` for the whole document), its tags and its
 * summary. Decorators count only when they are imported from `@nestjs/swagger`.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getDecoratorArguments, getDecorators, getStaticString } from '../core/ast.js';
import { getFileBindings } from '../core/bindings.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import type { ResolvedRoute } from '../model/api-model.js';
import type { ProjectIndex } from '../project/project-index.js';
import {
  NEST_SWAGGER_GLOBAL_SECURITY_METHOD,
  findNestSwaggerDescribeDecorator,
  findNestSwaggerExcludeDecorator,
  findNestSwaggerSecurityDecorator,
  isNestSwaggerModule,
} from '../catalog/nest-swagger.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface NestApiDocs {
  /** The decorator that leaves the route out of the document on purpose (`@ApiExcludeEndpoint()`). */
  readonly excludedBy?: string;
  /** Security schemes documented by decorators on the method or its controller. */
  readonly securitySchemes: readonly string[];
  /** The decorator that documents them, and where: `@ApiBearerAuth() on the controller`. */
  readonly securityDeclaredBy?: string;
  /** Schemes `DocumentBuilder().addSecurityRequirements(...)` makes global. */
  readonly globalSecuritySchemes: readonly string[];
  readonly tags: readonly string[];
  readonly summary?: string;
}

interface SwaggerDecorator {
  readonly name: string;
  readonly decorator: ts.Decorator;
}

/** The `@nestjs/swagger` decorators of a class or method (by imported name, aliases and namespaces included). */
function getSwaggerDecorators(tsApi: TsApi, file: ts.SourceFile, node: ts.Node): SwaggerDecorator[] {
  const imports = getFileBindings(tsApi, file).imports;
  const out: SwaggerDecorator[] = [];
  for (const decorator of getDecorators(tsApi, node)) {
    const expr = tsApi.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
    if (tsApi.isIdentifier(expr)) {
      const binding = imports.get(expr.text);
      if (binding && isNestSwaggerModule(binding.module) && binding.imported !== '*' && binding.imported !== 'default') out.push({ name: binding.imported, decorator });
    } else if (tsApi.isPropertyAccessExpression(expr) && tsApi.isIdentifier(expr.expression)) {
      const binding = imports.get(expr.expression.text);
      if (binding && isNestSwaggerModule(binding.module) && binding.imported === '*') out.push({ name: expr.name.text, decorator });
    }
  }
  return out;
}

/** `@ApiExcludeEndpoint(false)` turns the exclusion off. */
function isDisabledByArgument(tsApi: TsApi, decorator: ts.Decorator): boolean {
  const first = getDecoratorArguments(tsApi, decorator)[0];
  return first !== undefined && first.kind === tsApi.SyntaxKind.FalseKeyword;
}

function readSecuritySchemes(tsApi: TsApi, decorators: readonly SwaggerDecorator[]): string[] {
  const schemes: string[] = [];
  for (const d of decorators) {
    const row = findNestSwaggerSecurityDecorator(d.name);
    if (!row) continue;
    const first = getDecoratorArguments(tsApi, d.decorator)[0];
    schemes.push(getStaticString(tsApi, first) ?? row.defaultScheme);
  }
  return schemes;
}

function readTags(tsApi: TsApi, decorators: readonly SwaggerDecorator[]): string[] {
  return decorators
    .filter((d) => findNestSwaggerDescribeDecorator(d.name)?.gives === 'tags')
    .flatMap((d) => getDecoratorArguments(tsApi, d.decorator).map((a) => getStaticString(tsApi, a)))
    .filter((t): t is string => t !== undefined);
}

function readSummary(tsApi: TsApi, decorators: readonly SwaggerDecorator[]): string | undefined {
  for (const d of decorators) {
    if (findNestSwaggerDescribeDecorator(d.name)?.gives !== 'summary') continue;
    const options = getDecoratorArguments(tsApi, d.decorator)[0];
    if (!options || !tsApi.isObjectLiteralExpression(options)) continue;
    for (const prop of options.properties) {
      if (tsApi.isPropertyAssignment(prop) && tsApi.isIdentifier(prop.name) && prop.name.text === 'summary') return getStaticString(tsApi, prop.initializer);
    }
  }
  return undefined;
}

/** Whether a file imports `@nestjs/swagger`, and the global security it declares. */
interface FileSwaggerFacts {
  readonly imports: boolean;
  readonly globalSchemes: readonly string[];
}

const fileFacts = new FileScopedWeakMap<ts.SourceFile, FileSwaggerFacts>();

function getFileSwaggerFacts(tsApi: TsApi, file: ts.SourceFile): FileSwaggerFacts {
  let facts = fileFacts.get(file);
  if (facts) return facts;
  const imports = [...getFileBindings(tsApi, file).imports.values()].some((b) => isNestSwaggerModule(b.module));
  const globalSchemes: string[] = [];
  if (imports) {
    forEachNodeOfKinds(tsApi, file, [tsApi.SyntaxKind.CallExpression], (node) => {
      if (!tsApi.isCallExpression(node) || !tsApi.isPropertyAccessExpression(node.expression)) return;
      if (node.expression.name.text !== NEST_SWAGGER_GLOBAL_SECURITY_METHOD) return;
      const first = node.arguments[0];
      globalSchemes.push(getStaticString(tsApi, first) ?? (first && tsApi.isObjectLiteralExpression(first) ? 'security' : 'bearer'));
    });
  }
  facts = { imports, globalSchemes };
  fileFacts.set(file, facts);
  return facts;
}

const projectKey = {};

/** The project's use of `@nestjs/swagger`: `undefined` when no file imports it. */
export function getProjectSwaggerUse(tsApi: TsApi, files: readonly ts.SourceFile[], project?: ProjectIndex): { readonly globalSchemes: readonly string[] } | undefined {
  const compute = (): { readonly globalSchemes: readonly string[] } | undefined => {
    let used = false;
    const globalSchemes: string[] = [];
    for (const file of files) {
      const facts = getFileSwaggerFacts(tsApi, file);
      if (!facts.imports) continue;
      used = true;
      globalSchemes.push(...facts.globalSchemes);
    }
    return used ? { globalSchemes: [...new Set(globalSchemes)] } : undefined;
  };
  return project ? project.memo(projectKey, compute) : compute();
}

/**
 * The documentation of a Nest route from its decorators; `undefined` for other frameworks and when
 * neither the project (or, without one, the route's file) uses `@nestjs/swagger`.
 */
export function getNestApiDocs(tsApi: TsApi, route: ResolvedRoute, project?: ProjectIndex): NestApiDocs | undefined {
  if (route.framework !== 'nest') return undefined;
  const use = getProjectSwaggerUse(tsApi, project ? project.files() : [route.file], project);
  if (!use) return undefined;
  const file = route.file;
  const onMethod = getSwaggerDecorators(tsApi, file, route.route.node);
  const onClass = getSwaggerDecorators(tsApi, route.router.node.getSourceFile(), route.router.node);
  const methodExclude = onMethod.find((d) => findNestSwaggerExcludeDecorator(d.name, 'method') && !isDisabledByArgument(tsApi, d.decorator));
  const classExclude = onClass.find((d) => findNestSwaggerExcludeDecorator(d.name, 'class') && !isDisabledByArgument(tsApi, d.decorator));
  const excluded = methodExclude ?? classExclude;
  const summary = readSummary(tsApi, onMethod);
  const securityOnMethod = onMethod.find((d) => findNestSwaggerSecurityDecorator(d.name));
  const securityOnClass = onClass.find((d) => findNestSwaggerSecurityDecorator(d.name));
  const declaredBy = securityOnMethod ? `@${securityOnMethod.name}() on the method` : securityOnClass ? `@${securityOnClass.name}() on the controller` : undefined;
  return {
    ...(excluded ? { excludedBy: `@${excluded.name}()` } : {}),
    securitySchemes: [...new Set([...readSecuritySchemes(tsApi, onClass), ...readSecuritySchemes(tsApi, onMethod)])],
    ...(declaredBy ? { securityDeclaredBy: declaredBy } : {}),
    globalSecuritySchemes: use.globalSchemes,
    tags: [...new Set([...readTags(tsApi, onClass), ...readTags(tsApi, onMethod)])],
    ...(summary !== undefined ? { summary } : {}),
  };
}
