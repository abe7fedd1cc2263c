/**
 * What a model write is called on: a model class, a model instance, a repository, an entity
 * manager, a Prisma delegate, a Knex or Objection query, a TypeORM query builder. Recognized from
 * how the receiver is declared or obtained (the `MODEL_RECEIVER_SOURCES` rows of the ORM catalog):
 * a factory call (`mongoose.model(...)`, `getRepository(User)`), a base class or decorator
 * (`extends Model`, `@Entity()`), a DI decorator (`@InjectRepository(User)`), a type annotation
 * (`Repository<User>`, `PrismaService`), a finder result (`await User.findById(id)`), a later
 * `save()`, and, last, a conventional name (`prisma`, `userRepository`, `userModel`).
 *
 * A receiver that none of this recognizes is not a model: `cache.set(key, body)`,
 * `res.locals.x = body`, `new Map(body)` and `list.push(body)` are not writes.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getDecoratorName, getDecorators, getPropertyNameText, getStaticString, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings, getRequiredModule } from '../core/bindings.js';
import { walkFunctionBody } from '../core/walk.js';
import {
  INSTANCE_FINDER_METHODS,
  KNEX_MODULES,
  MODEL_RECEIVER_SOURCES,
  NON_MODEL_GLOBALS,
  type ReceiverSourceProduces,
  type ReceiverSourceRow,
} from '../catalog/orms.js';
import { getMemberPath } from './call-text.js';
import { findDeclarationInScope, type ScopeDeclaration } from './scope-lookup.js';
import { resolveCallTarget } from '../flow/call-targets.js';

/** What a receiver is, for the purpose of model writes. */
export type ReceiverKind =
  | ReceiverSourceProduces
  /** A class whose instances are persisted (`@Entity() class User`), without static write methods. */
  | 'entity-class'
  | 'prisma-delegate'
  | 'knex-query'
  | 'objection-query'
  | 'query-builder'
  | 'mikro-orm-wrap';

/** Where names are looked up. */
export interface ReceiverLookup {
  readonly ts: TsApi;
  readonly file: ts.SourceFile;
  readonly project?: ProjectIndex;
}

const MAX_DEPTH = 24;

/** Names a model class never has, even in PascalCase: services, controllers, helpers. */
const NON_MODEL_CLASS_SUFFIX =
  /(?:Service|Controller|Helper|Helpers|Util|Utils|Manager|Client|Api|Handler|Factory|Module|Provider|Gateway|Store|Cache|Queue|Worker|Job|Validator|Schema|Dto|DTO|Error|Exception|Router|Middleware|Guard|Pipe|Logger|Config|Mapper|Serializer|Builder)$/;

/** Module paths that hold models by convention (`../models/user`, `@app/entities`). */
const MODEL_MODULE_PATH = /(?:^|[/\\@.-])(?:models?|entit(?:y|ies)|schemas?|db|database|orm|persistence|dal)(?:$|[/\\.-])/i;

/** Objection and TypeORM chain starters. */
const OBJECTION_QUERY_METHODS = new Set(['query', '$query', '$relatedQuery', 'relatedQuery']);
const QUERY_BUILDER_METHODS = new Set(['createQueryBuilder']);
const REPOSITORY_GETTERS = new Set(['getRepository', 'getCustomRepository', 'getMongoRepository', 'getTreeRepository', 'withRepository']);
const PRISMA_CLIENT_CALLBACK_METHODS = new Set(['$transaction']);
const ENTITY_MANAGER_CALLBACK_METHODS = new Set(['transaction']);
/** Owners of `transaction(async (manager) => ...)` by name, when their declaration says nothing. */
const TRANSACTION_OWNER_NAME = /(?:dataSource|DataSource|connection|Connection|manager|Manager|^em)$/;
/** Request properties that hold the signed-in user's record (`req.user`), and request names. */
const REQUEST_USER_PROPERTIES: ReadonlySet<string> = new Set(['user', 'currentUser', 'account']);
const REQUEST_NAMES: ReadonlySet<string> = new Set(['req', 'request']);
/** Modules that export a Prisma client (`../lib/prisma`, `@/server/prisma`). */
const PRISMA_CLIENT_MODULE = /(?:^|[/@.-])prisma(?:$|[/.-])/i;
/** Methods that start a SQL builder on a Drizzle or Kysely client. */
const SQL_BUILDER_STARTERS = new Set(['insert', 'update', 'insertInto', 'updateTable', 'replaceInto']);

/** Classifies the expression a write method is called on. */
export function classifyReceiver(lookup: ReceiverLookup, expression: ts.Expression): ReceiverKind | undefined {
  return classifyExpression(lookup, expression, 0);
}

function classifyExpression(lookup: ReceiverLookup, expression: ts.Expression, depth: number): ReceiverKind | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, expression);
  if (tsApi.isIdentifier(expr)) return classifyIdentifier(lookup, expr, depth + 1);
  if (tsApi.isPropertyAccessExpression(expr) || tsApi.isElementAccessExpression(expr)) {
    return classifyMemberAccess(lookup, expr, depth + 1);
  }
  if (tsApi.isCallExpression(expr)) return classifyCallResult(lookup, expr, depth + 1);
  if (tsApi.isNewExpression(expr)) return classifyNewResult(lookup, expr, depth + 1);
  return undefined;
}

function classifyIdentifier(lookup: ReceiverLookup, identifier: ts.Identifier, depth: number): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  if (NON_MODEL_GLOBALS.includes(identifier.text)) return undefined;
  const declaration = findDeclarationInScope(tsApi, identifier);
  if (!declaration) return undefined; // a global the file does not declare
  const byDeclaration = classifyDeclaration(lookup, declaration, identifier.text, depth);
  if (byDeclaration) return byDeclaration;
  // A variable that is saved later in the same function is a model instance (`doc.save()`).
  if ((declaration.kind === 'variable' || declaration.kind === 'parameter') && isSavedInEnclosingFunction(tsApi, identifier)) {
    return 'document';
  }
  return undefined;
}

function classifyDeclaration(lookup: ReceiverLookup, declaration: ScopeDeclaration, name: string, depth: number): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  switch (declaration.kind) {
    case 'import': {
      const binding = getFileBindings(tsApi, lookup.file).imports.get(name);
      return binding ? classifyImport(lookup, binding.module, binding.imported, name, depth) : undefined;
    }
    case 'class':
      return classifyClass(lookup, declaration.node, depth);
    case 'function':
    case 'other':
      return undefined;
    case 'variable': {
      const decl = declaration.node;
      if (declaration.element) return classifyBindingElement(lookup, decl.initializer, declaration.element, name, depth);
      if (decl.type) {
        const byType = classifyTypeNode(lookup, decl.type, depth);
        if (byType) return byType;
      }
      if (decl.initializer) {
        const required = getRequiredImport(tsApi, decl.initializer);
        if (required) return classifyImport(lookup, required.module, required.imported, name, depth);
        const byInit = classifyInitializer(lookup, decl.initializer, depth);
        if (byInit) return byInit;
        const init = skipOuterExpressions(tsApi, decl.initializer);
        // `const cache = new Map()`, `const x = {}`, `const list = []`: clearly not a model.
        if (tsApi.isNewExpression(init) || tsApi.isObjectLiteralExpression(init) || tsApi.isArrayLiteralExpression(init)) return undefined;
      }
      return classifyByName(name);
    }
    case 'parameter': {
      const param = declaration.node;
      if (!declaration.element && param.type) {
        const byType = classifyTypeNode(lookup, param.type, depth);
        if (byType) return byType;
      }
      const byDecorator = classifyByDecorators(lookup, param);
      if (byDecorator) return byDecorator;
      const byCallback = classifyCallbackParameter(lookup, param, depth);
      if (byCallback) return byCallback;
      return classifyByName(name);
    }
  }
}

/** `const { prisma } = fastify`, `const { User } = require('../models')`, `const { User } = db`. */
function classifyBindingElement(
  lookup: ReceiverLookup,
  initializer: ts.Expression | undefined,
  element: ts.BindingElement,
  name: string,
  depth: number,
): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  const byName = classifyByName(name);
  if (byName) return byName;
  if (!initializer || !isPascalCase(name) || element.dotDotDotToken) return undefined;
  const init = skipOuterExpressions(tsApi, initializer);
  const module = getRequiredModule(tsApi, init);
  const imported = element.propertyName ? getPropertyNameText(tsApi, element.propertyName) ?? name : name;
  if (module !== undefined) return classifyImport(lookup, module, imported, name, depth);
  // `const { User, Post } = db` where `db` is a models namespace
  if (tsApi.isIdentifier(init) || tsApi.isPropertyAccessExpression(init)) {
    const owner = classifyModelsNamespace(lookup, init);
    if (owner) return isLikelyModelName(name) ? 'model' : undefined;
  }
  return undefined;
}

function classifyImport(lookup: ReceiverLookup, module: string, imported: string, localName: string, depth: number): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  const project = lookup.project;
  if (project) {
    const target = project.resolveImport(lookup.file, module);
    if (target) {
      const resolved = imported === '*' ? undefined : project.resolveExport(target, imported);
      const decl = resolved?.declaration ?? resolved?.binding.node;
      if (resolved && decl) {
        const verdict = classifyExportedDeclaration({ ts: tsApi, file: resolved.file, project }, decl, depth + 1);
        if (verdict !== 'unknown') return verdict ?? undefined;
      }
      if (imported === '*' || imported === 'default') {
        // `module.exports = mongoose.model(...)` and `export default model(...)`
        const main = project.resolveExport(target, 'default');
        if (main) {
          const verdict = classifyExportedDeclaration({ ts: tsApi, file: main.file, project }, main.declaration ?? main.binding.node, depth + 1);
          if (verdict !== 'unknown') return verdict ?? undefined;
        }
      }
    }
  }
  const byName = classifyByName(localName);
  if (byName) return byName;
  // `import client from '../lib/prisma'`
  if (!isPascalCase(localName) && PRISMA_CLIENT_MODULE.test(module) && !module.startsWith('@prisma/')) return 'prisma-client';
  // Per file (or when the export cannot be read): a PascalCase import from a models module.
  if (isPascalCase(localName) && isLikelyModelName(localName) && isApplicationModule(module) && MODEL_MODULE_PATH.test(module)) return 'model';
  return undefined;
}

/**
 * What an exported declaration of another file is: a receiver kind, `null` when it is clearly not
 * a model (a function, a plain class, an object), `'unknown'` when it cannot tell.
 */
function classifyExportedDeclaration(lookup: ReceiverLookup, node: ts.Node, depth: number): ReceiverKind | null | 'unknown' {
  const tsApi = lookup.ts;
  if (depth > MAX_DEPTH) return 'unknown';
  if (tsApi.isClassDeclaration(node) || tsApi.isClassExpression(node)) {
    const kind = classifyClass(lookup, node, depth);
    if (kind) return kind;
    return node.heritageClauses?.length ? 'unknown' : null;
  }
  if (tsApi.isFunctionDeclaration(node) || isFunctionLike(tsApi, node)) return null;
  let value: ts.Node = node;
  if (tsApi.isVariableDeclaration(node)) {
    if (node.type) {
      const byType = classifyTypeNode(lookup, node.type, depth);
      if (byType) return byType;
    }
    if (!node.initializer) return 'unknown';
    value = node.initializer;
  }
  if (tsApi.isExpression(value as ts.Expression)) {
    const expr = skipOuterExpressions(tsApi, value as ts.Expression);
    const kind = classifyInitializer(lookup, expr, depth);
    if (kind) return kind;
    if (tsApi.isObjectLiteralExpression(expr) || tsApi.isArrowFunction(expr) || tsApi.isFunctionExpression(expr)) return null;
    if (tsApi.isClassExpression(expr)) return classifyClass(lookup, expr, depth) ?? null;
  }
  return 'unknown';
}

/** A class that is a model (`extends Model`, `@Table`) or an entity (`@Entity()`). */
function classifyClass(lookup: ReceiverLookup, node: ts.ClassLikeDeclaration, depth: number): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  for (const decorator of getDecorators(tsApi, node)) {
    const name = getDecoratorName(tsApi, decorator);
    const row = findSourceRow((row) => row.match.kind === 'class-decorator' && row.match.decorator === name);
    if (row) return row.produces === 'model' ? 'model' : 'entity-class';
  }
  for (const clause of node.heritageClauses ?? []) {
    if (clause.token !== tsApi.SyntaxKind.ExtendsKeyword) continue;
    for (const type of clause.types) {
      const base = skipOuterExpressions(tsApi, type.expression);
      const baseName = tsApi.isIdentifier(base) ? base.text : tsApi.isPropertyAccessExpression(base) ? base.name.text : undefined;
      if (!baseName) continue;
      const row = findSourceRow((row) => row.match.kind === 'extends' && row.match.baseClass === baseName);
      if (row) return row.produces;
      // `class User extends BaseModel`, where BaseModel extends Model (here or, with the index, elsewhere)
      if (tsApi.isIdentifier(base) && depth < MAX_DEPTH) {
        const declaration = findDeclarationInScope(tsApi, base);
        if (declaration?.kind === 'class') {
          const inner = classifyClass(lookup, declaration.node, depth + 1);
          if (inner === 'model') return 'model';
        } else if (declaration?.kind === 'import') {
          const binding = getFileBindings(tsApi, lookup.file).imports.get(base.text);
          if (binding && isPackageOfOrm(binding.module) && /Model|Entity/.test(base.text)) return 'model';
          if (binding && lookup.project) {
            const inner = classifyImport(lookup, binding.module, binding.imported, base.text, depth + 1);
            if (inner === 'model') return 'model';
          }
        }
      }
    }
  }
  return undefined;
}

function classifyTypeNode(lookup: ReceiverLookup, type: ts.TypeNode, depth: number): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  if (tsApi.isTypeReferenceNode(type)) {
    const typeName = tsApi.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    const row = findSourceRow((row) => row.match.kind === 'type' && row.match.typeName === typeName);
    if (row) return row.produces;
    if (typeName === 'InstanceType' && type.typeArguments?.[0] && tsApi.isTypeQueryNode(type.typeArguments[0])) {
      const inner = classifyTypeQuery(lookup, type.typeArguments[0], depth);
      return inner === 'model' || inner === 'entity-class' ? 'document' : undefined;
    }
    // An instance of a model or entity class: `recipe: Recipe`.
    if (tsApi.isIdentifier(type.typeName) && !type.typeArguments && depth < MAX_DEPTH) {
      const classKind = classifyIdentifier(lookup, type.typeName, depth + 1);
      if (classKind === 'model' || classKind === 'entity-class') return 'document';
    }
    return undefined;
  }
  if (tsApi.isTypeQueryNode(type)) return classifyTypeQuery(lookup, type, depth);
  return undefined;
}

function classifyTypeQuery(lookup: ReceiverLookup, type: ts.TypeQueryNode, depth: number): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  if (!tsApi.isIdentifier(type.exprName) || depth >= MAX_DEPTH) return undefined;
  const kind = classifyIdentifier(lookup, type.exprName, depth + 1);
  return kind === 'model' ? 'model' : undefined;
}

/** What a value made by `init` is. */
function classifyInitializer(lookup: ReceiverLookup, initializer: ts.Expression, depth: number): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  const init = skipOuterExpressions(tsApi, initializer);
  if (tsApi.isCallExpression(init)) {
    const module = getRequiredModule(tsApi, init);
    if (module !== undefined) return undefined; // `require('x')` alone: handled as an import by the binder's caller
    return classifyCallResult(lookup, init, depth + 1);
  }
  if (tsApi.isNewExpression(init)) return classifyNewResult(lookup, init, depth + 1);
  if (tsApi.isIdentifier(init) || tsApi.isPropertyAccessExpression(init) || tsApi.isElementAccessExpression(init)) {
    return classifyExpression(lookup, init, depth + 1);
  }
  if (tsApi.isConditionalExpression(init)) {
    return classifyExpression(lookup, init.whenTrue, depth + 1) ?? classifyExpression(lookup, init.whenFalse, depth + 1);
  }
  if (tsApi.isBinaryExpression(init) && (init.operatorToken.kind === tsApi.SyntaxKind.BarBarToken || init.operatorToken.kind === tsApi.SyntaxKind.QuestionQuestionToken)) {
    return classifyExpression(lookup, init.left, depth + 1);
  }
  return undefined;
}

/** What a call returns: a model from `model(...)`, a repository, a query, a found instance. */
function classifyCallResult(lookup: ReceiverLookup, call: ts.CallExpression, depth: number): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  if (depth > MAX_DEPTH) return undefined;
  const callee = skipOuterExpressions(tsApi, call.expression);
  // `require('knex')(config)`
  if (tsApi.isCallExpression(callee)) {
    const module = getRequiredModule(tsApi, callee);
    if (module !== undefined && KNEX_MODULES.includes(module)) return 'knex';
  }
  const name = tsApi.isIdentifier(callee)
    ? callee.text
    : tsApi.isPropertyAccessExpression(callee)
      ? callee.name.text
      : undefined;
  if (!name) return undefined;
  const receiver = tsApi.isPropertyAccessExpression(callee) ? callee.expression : undefined;

  // Factory calls from the catalog: `mongoose.model('User', s)`, `sequelize.define('user', {...})`, `getRepository(User)`.
  const factory = findSourceRow((row) => {
    const match = row.match;
    if (match.kind !== 'call' || match.callee !== name) return false;
    if (match.onReceiver && !receiver) return false;
    if (match.minArguments !== undefined && call.arguments.length < match.minArguments) return false;
    if (match.firstArgumentIsString && getStaticString(tsApi, call.arguments[0]) === undefined) return false;
    return true;
  });
  if (factory) return factory.produces;

  // Knex: `knex(config)` makes an instance; `db('users')` starts a query.
  if (tsApi.isIdentifier(callee)) {
    const calleeKind = classifyKnexCallee(lookup, callee, depth);
    if (calleeKind === 'factory') return 'knex';
    if (calleeKind === 'instance') return 'knex-query';
    // MikroORM `wrap(entity)`
    if (name === 'wrap' && isImportedFrom(lookup, callee.text, (m) => m.startsWith('@mikro-orm/'))) return 'mikro-orm-wrap';
    return classifyFinderHelperResult(lookup, call, depth);
  }
  if (!receiver) return undefined;
  // `fastify.knex('users')`, `this.knex('users')`, `request.server.db('users')`: a Knex instance
  // reached as a property (a Fastify decoration, an injected field) starts a query when called.
  if (tsApi.isPropertyAccessExpression(callee) && classifyMemberAccess(lookup, callee, depth + 1) === 'knex') return 'knex-query';
  // `this.findOwned(id)`: a method of the class that returns a found document.
  if (receiver.kind === tsApi.SyntaxKind.ThisKeyword) {
    const byHelper = classifyFinderHelperResult(lookup, call, depth);
    if (byHelper) return byHelper;
  }

  const receiverKind = classifyExpression(lookup, receiver, depth + 1);
  if (!receiverKind) {
    // `this.dataSource.getRepository(User)` on an unclassified owner still returns a repository.
    if (REPOSITORY_GETTERS.has(name)) return 'repository';
    if (QUERY_BUILDER_METHODS.has(name)) return 'query-builder';
    return undefined;
  }
  switch (receiverKind) {
    case 'knex':
    case 'knex-query':
      return 'knex-query';
    case 'prisma-client':
      // A `db` that is Drizzle or Kysely: `db.insert(users)`, `db.updateTable('users')`
      return SQL_BUILDER_STARTERS.has(name) ? 'knex-query' : undefined;
    case 'collection':
      return name === 'doc' ? 'document-ref' : undefined;
    case 'objection-query':
      return 'objection-query';
    case 'query-builder':
      return 'query-builder';
    case 'model':
      if (OBJECTION_QUERY_METHODS.has(name)) return 'objection-query';
      if (QUERY_BUILDER_METHODS.has(name)) return 'query-builder';
      if (INSTANCE_FINDER_METHODS.includes(name)) return 'document';
      return undefined;
    case 'document':
      if (OBJECTION_QUERY_METHODS.has(name)) return 'objection-query';
      return undefined;
    case 'repository':
    case 'entity-manager':
    case 'data-source':
      if (QUERY_BUILDER_METHODS.has(name)) return 'query-builder';
      if (REPOSITORY_GETTERS.has(name)) return 'repository';
      if (receiverKind !== 'data-source' && INSTANCE_FINDER_METHODS.includes(name)) return 'document';
      if (name === 'fork') return 'entity-manager';
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The result of a project function whose every return is a found document:
 * `async function findOwnedProject(id, ownerId) { const p = await Project.findOne(...); if (!p) throw ...; return p; }`.
 * Returns of `null` or `undefined` do not count against it.
 */
function classifyFinderHelperResult(lookup: ReceiverLookup, call: ts.CallExpression, depth: number): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  const target = resolveCallTarget(tsApi, call, lookup.project)?.fn;
  if (!target?.body) return undefined;
  const returned: ts.Expression[] = [];
  if (!tsApi.isBlock(target.body)) returned.push(target.body);
  else {
    walkFunctionBody(tsApi, target.body, (node) => {
      if (tsApi.isReturnStatement(node) && node.expression) returned.push(node.expression);
      return undefined;
    });
  }
  const inTarget: ReceiverLookup = { ...lookup, file: target.getSourceFile() };
  let documents = 0;
  for (const expression of returned) {
    const expr = skipOuterExpressions(tsApi, expression);
    if (expr.kind === tsApi.SyntaxKind.NullKeyword || (tsApi.isIdentifier(expr) && expr.text === 'undefined')) continue;
    if (classifyExpression(inTarget, expr, depth + 1) !== 'document') return undefined;
    documents++;
  }
  return documents > 0 ? 'document' : undefined;
}

/** `new PrismaClient()`, `new DataSource(...)`, `new User(...)` (an instance of a model or entity). */
function classifyNewResult(lookup: ReceiverLookup, node: ts.NewExpression, depth: number): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  const callee = skipOuterExpressions(tsApi, node.expression);
  const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (!name) return undefined;
  const row = findSourceRow((row) => row.match.kind === 'new' && row.match.className === name);
  if (row) return row.produces;
  const kind = classifyModelConstructor(lookup, node.expression, depth);
  return kind ? 'document' : undefined;
}

/** The model or entity class a `new X(...)` expression builds, when `X` is one. */
export function classifyModelConstructor(lookup: ReceiverLookup, callee: ts.Expression, depth = 0): 'model' | 'entity-class' | undefined {
  const kind = classifyExpression(lookup, callee, depth + 1);
  return kind === 'model' || kind === 'entity-class' ? kind : undefined;
}

function classifyMemberAccess(
  lookup: ReceiverLookup,
  node: ts.PropertyAccessExpression | ts.ElementAccessExpression,
  depth: number,
): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  const name = tsApi.isPropertyAccessExpression(node) ? node.name.text : getStaticString(tsApi, node.argumentExpression);
  if (name === undefined) return undefined;
  const owner = skipOuterExpressions(tsApi, node.expression);
  if (owner.kind === tsApi.SyntaxKind.ThisKeyword) return classifyThisProperty(lookup, node, name, depth);

  // `req.user.update(req.body)`: the user a session or passport loaded is a model instance
  if (REQUEST_USER_PROPERTIES.has(name) && tsApi.isIdentifier(owner) && REQUEST_NAMES.has(owner.text)) return 'document';
  // `db.User`, `models.User`, `sequelize.models.User` (Prisma delegates are camelCase: `db.user`)
  if (isPascalCase(name) && isLikelyModelName(name) && classifyModelsNamespace(lookup, owner)) return 'model';
  // `prisma.user` is a delegate; `dataSource.manager` and `orm.em` are entity managers.
  const ownerKind = classifyExpression(lookup, owner, depth + 1);
  if (ownerKind === 'prisma-client') return name.startsWith('$') ? undefined : 'prisma-delegate';
  const ownerText = getDottedText(tsApi, owner);
  const property = findSourceRow((row) => row.match.kind === 'property' && row.match.property === name && ownerText !== undefined && row.match.owner.test(ownerText));
  if (property) return property.produces;
  if ((ownerKind === 'data-source' || ownerKind === 'entity-manager') && name === 'manager') return 'entity-manager';
  // `fastify.prisma`, `request.server.prisma`, `app.knex`
  return classifyByName(name);
}

/** `this.repo`, `this.userModel`, `this.prisma`: the class's constructor parameters and properties. */
function classifyThisProperty(
  lookup: ReceiverLookup,
  node: ts.PropertyAccessExpression | ts.ElementAccessExpression,
  name: string,
  depth: number,
): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  let classNode: ts.Node | undefined = node.parent;
  while (classNode && !tsApi.isClassDeclaration(classNode) && !tsApi.isClassExpression(classNode)) classNode = classNode.parent;
  if (classNode && (tsApi.isClassDeclaration(classNode) || tsApi.isClassExpression(classNode))) {
    for (const member of classNode.members) {
      if (tsApi.isConstructorDeclaration(member)) {
        for (const param of member.parameters) {
          if (!tsApi.isIdentifier(param.name) || param.name.text !== name) continue;
          const byDecorator = classifyByDecorators(lookup, param);
          if (byDecorator) return byDecorator;
          if (param.type) {
            const byType = classifyTypeNode(lookup, param.type, depth + 1);
            if (byType) return byType;
          }
        }
        // `this.repo = dataSource.getRepository(User)` inside the constructor
        let assigned: ReceiverKind | undefined;
        if (member.body) {
          walkFunctionBody(tsApi, member.body, (inner) => {
            if (assigned) return false;
            if (
              tsApi.isBinaryExpression(inner) &&
              inner.operatorToken.kind === tsApi.SyntaxKind.EqualsToken &&
              tsApi.isPropertyAccessExpression(inner.left) &&
              inner.left.expression.kind === tsApi.SyntaxKind.ThisKeyword &&
              inner.left.name.text === name
            ) {
              assigned = classifyInitializer(lookup, inner.right, depth + 1);
            }
            return undefined;
          });
        }
        if (assigned) return assigned;
      } else if (tsApi.isPropertyDeclaration(member) && getPropertyNameText(tsApi, member.name) === name) {
        const byDecorator = classifyByDecorators(lookup, member);
        if (byDecorator) return byDecorator;
        if (member.type) {
          const byType = classifyTypeNode(lookup, member.type, depth + 1);
          if (byType) return byType;
        }
        if (member.initializer) {
          const byInit = classifyInitializer(lookup, member.initializer, depth + 1);
          if (byInit) return byInit;
        }
      }
    }
  }
  return classifyByName(name);
}

/** `@InjectRepository(User)`, `@InjectModel(User.name)`, `@InjectEntityManager()`. */
function classifyByDecorators(lookup: ReceiverLookup, node: ts.Node): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  for (const decorator of getDecorators(tsApi, node)) {
    const name = getDecoratorName(tsApi, decorator);
    const row = findSourceRow((row) => row.match.kind === 'parameter-decorator' && row.match.decorator === name);
    if (row) return row.produces;
  }
  return undefined;
}

/** `prisma.$transaction(async (tx) => ...)`, `dataSource.transaction(async (manager) => ...)`. */
function classifyCallbackParameter(lookup: ReceiverLookup, param: ts.ParameterDeclaration, depth: number): ReceiverKind | undefined {
  const tsApi = lookup.ts;
  const fn = param.parent;
  if (!isFunctionLike(tsApi, fn) || fn.parameters[0] !== param) return undefined;
  const call = fn.parent;
  if (!call || !tsApi.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return undefined;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  if (PRISMA_CLIENT_CALLBACK_METHODS.has(method)) {
    return classifyExpression(lookup, callee.expression, depth + 1) === 'prisma-client' ? 'prisma-client' : undefined;
  }
  if (ENTITY_MANAGER_CALLBACK_METHODS.has(method)) {
    const owner = classifyExpression(lookup, callee.expression, depth + 1);
    if (owner === 'data-source' || owner === 'entity-manager') return 'entity-manager';
    if (owner === 'knex') return 'knex';
    const ownerText = getDottedText(tsApi, callee.expression);
    if (!owner && ownerText !== undefined && TRANSACTION_OWNER_NAME.test(ownerText)) return 'entity-manager';
  }
  return undefined;
}

/** Whether a Knex callee is the factory (`knex(config)`) or an instance (`db('users')`). */
function classifyKnexCallee(lookup: ReceiverLookup, callee: ts.Identifier, depth: number): 'factory' | 'instance' | undefined {
  const tsApi = lookup.ts;
  const declaration = findDeclarationInScope(tsApi, callee);
  if (declaration?.kind === 'import') {
    const binding = getFileBindings(tsApi, lookup.file).imports.get(callee.text);
    if (binding && KNEX_MODULES.includes(binding.module)) return binding.imported === 'default' || binding.imported === '*' || binding.imported === 'knex' ? 'factory' : undefined;
  }
  if (declaration?.kind === 'variable' && !declaration.element && declaration.node.initializer) {
    const kind = classifyInitializer(lookup, declaration.node.initializer, depth + 1);
    if (kind === 'knex') return 'instance';
    if (kind) return undefined;
    const init = skipOuterExpressions(tsApi, declaration.node.initializer);
    const module = getRequiredModule(tsApi, init);
    if (module !== undefined && KNEX_MODULES.includes(module)) return 'factory';
  }
  const byDeclaration = declaration ? classifyDeclaration(lookup, declaration, callee.text, depth + 1) : undefined;
  if (byDeclaration === 'knex') return 'instance';
  if (!declaration) return undefined;
  return findSourceRow((row) => row.produces === 'knex' && row.match.kind === 'name' && row.match.pattern.test(callee.text)) ? 'instance' : undefined;
}

/** `db`, `models`, `sequelize.models`, or a namespace imported from a models module. */
function classifyModelsNamespace(lookup: ReceiverLookup, owner: ts.Expression): boolean {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, owner);
  if (tsApi.isPropertyAccessExpression(expr)) return expr.name.text === 'models';
  if (!tsApi.isIdentifier(expr)) return false;
  if (/^(?:db|models|database|orm)$/i.test(expr.text)) return true;
  const declaration = findDeclarationInScope(tsApi, expr);
  if (declaration?.kind === 'import') {
    const binding = getFileBindings(tsApi, lookup.file).imports.get(expr.text);
    return binding !== undefined && isApplicationModule(binding.module) && MODEL_MODULE_PATH.test(binding.module);
  }
  if (declaration?.kind === 'variable' && declaration.node.initializer) {
    const module = getRequiredModule(tsApi, skipOuterExpressions(tsApi, declaration.node.initializer));
    return module !== undefined && isApplicationModule(module) && MODEL_MODULE_PATH.test(module);
  }
  return false;
}

/** A conventional name (`prisma`, `userRepository`, `userModel`, `em`, `knex`). */
function classifyByName(name: string): ReceiverKind | undefined {
  const row = findSourceRow((row) => row.match.kind === 'name' && row.match.pattern.test(name));
  return row?.produces;
}

/** True when a variable or parameter is saved later in its function (`doc.save()`, `await user.save()`). */
function isSavedInEnclosingFunction(tsApi: TsApi, identifier: ts.Identifier): boolean {
  let fn: ts.Node | undefined = identifier.parent;
  while (fn && !isFunctionLike(tsApi, fn) && !tsApi.isSourceFile(fn)) fn = fn.parent;
  if (!fn) return false;
  const body = isFunctionLike(tsApi, fn) ? fn.body : fn;
  if (!body) return false;
  let saved = false;
  walkFunctionBody(tsApi, body, (node) => {
    if (saved) return false;
    if (
      tsApi.isCallExpression(node) &&
      tsApi.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'save' &&
      tsApi.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === identifier.text
    ) {
      saved = true;
    }
    return undefined;
  });
  return saved;
}

/** `require('m')` gives `{ module: 'm', imported: '*' }`; `require('m').x` gives `{ module: 'm', imported: 'x' }`. */
function getRequiredImport(tsApi: TsApi, initializer: ts.Expression): { module: string; imported: string } | undefined {
  const init = skipOuterExpressions(tsApi, initializer);
  const whole = getRequiredModule(tsApi, init);
  if (whole !== undefined) return { module: whole, imported: '*' };
  if (tsApi.isPropertyAccessExpression(init)) {
    const module = getRequiredModule(tsApi, init.expression);
    if (module !== undefined) return { module, imported: init.name.text };
  }
  return undefined;
}

function isImportedFrom(lookup: ReceiverLookup, localName: string, isModule: (module: string) => boolean): boolean {
  const binding = getFileBindings(lookup.ts, lookup.file).imports.get(localName);
  return binding !== undefined && isModule(binding.module);
}

function findSourceRow(predicate: (row: ReceiverSourceRow) => boolean): ReceiverSourceRow | undefined {
  return (MODEL_RECEIVER_SOURCES as readonly ReceiverSourceRow[]).find(predicate);
}

function getDottedText(tsApi: TsApi, node: ts.Expression): string | undefined {
  return getMemberPath(tsApi, node);
}

function isPascalCase(name: string): boolean {
  return /^[A-Z][A-Za-z0-9]*$/.test(name) && /[a-z]/.test(name);
}

/** PascalCase names that are not services, controllers or helpers. */
export function isLikelyModelName(name: string): boolean {
  return !NON_MODEL_CLASS_SUFFIX.test(name) && !NON_MODEL_GLOBALS.includes(name);
}

/** A module of the application itself: relative, or a path alias (`@/models`, `~/db`, `#models`, `src/models`). */
function isApplicationModule(module: string): boolean {
  return module.startsWith('.') || module.startsWith('@/') || module.startsWith('~/') || module.startsWith('#') || /^(?:src|app|lib)\//.test(module);
}

function isPackageOfOrm(module: string): boolean {
  return /^(?:sequelize|sequelize-typescript|objection|typeorm|mongoose|@typegoose\/typegoose|@mikro-orm\/)/.test(module);
}
