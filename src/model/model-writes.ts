/**
 * Model writes in one file: the calls of the ORM catalog (`MODEL_WRITES`) made on a receiver that
 * `model-receivers.ts` recognizes, with the expressions they write. A `ModelWrite` is a sink for
 * `no-mass-assignment`; it says nothing about where the written value comes from.
 *
 * Built once per source file (and per set of extra write methods) and cached by identity.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getObjectPropertyValue, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings } from '../core/bindings.js';
import { walkDescendants } from '../core/walk.js';
import { matchesNameList } from '../settings/schema.js';
import { MODEL_WRITES, type ModelWriteRow, type WriteReceiverKind } from '../catalog/orms.js';
import { describeCallee, getMemberPath } from './call-text.js';
import { classifyModelConstructor, classifyReceiver, type ReceiverKind, type ReceiverLookup } from './model-receivers.js';
import { findDeclarationInScope } from './scope-lookup.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface ModelWrite {
  /** The write call (`User.create(...)`) or construction (`new User(...)`). */
  readonly call: ts.CallExpression | ts.NewExpression;
  readonly row: ModelWriteRow;
  /** The expressions whose fields are written (the argument, Prisma's `data`, Mongoose's `$set`). */
  readonly payloads: readonly ts.Expression[];
  /** The call as written, for messages: `User.create`, `this.repo.save`, `prisma.user.update`, `new Incident`. */
  readonly callText: string;
  /** True when the call itself limits the written fields to a literal list (`{ fields: ['name'] }`). */
  readonly fieldsAllowlisted: boolean;
}

/** Extra write methods from settings and rule options (`save`, `/^persist/`, `Store.put`). */
export interface ModelWriteOptions {
  readonly extraMethods: readonly string[];
}

/** The receiver kinds each catalog receiver accepts. */
const RECEIVERS_FOR_ROW: Readonly<Record<WriteReceiverKind, readonly ReceiverKind[]>> = {
  model: ['model'],
  document: ['document'],
  repository: ['repository'],
  'entity-manager': ['entity-manager'],
  // Drizzle (`db.update(t).set(x)`) and Kysely (`db.insertInto('t').values(x)`) share the builder methods.
  'query-builder': ['query-builder', 'knex-query'],
  'prisma-delegate': ['prisma-delegate'],
  // `db.insert(x)` on a client named like Prisma's is Knex: Prisma clients have no `insert`.
  'knex-query': ['knex', 'knex-query', 'prisma-client'],
  'objection-query': ['objection-query'],
  'mikro-orm-wrap': ['mikro-orm-wrap'],
  'assign-into-model': [],
  collection: ['collection'],
  'document-ref': ['document-ref'],
};

/** Receivers on which a user-listed extra method counts as a write. */
const WRITE_CAPABLE_RECEIVERS: readonly ReceiverKind[] = [
  'model',
  'document',
  'repository',
  'entity-manager',
  'query-builder',
  'prisma-delegate',
  'knex',
  'knex-query',
  'objection-query',
  'collection',
  'document-ref',
];

const LODASH_MODULES = /^(?:lodash|lodash-es|underscore|lodash\.(?:assign|merge|extend|assignin|mergewith|defaults|defaultsdeep))(?:\/|$)/;

const CUSTOM_WRITE_ROW: ModelWriteRow = {
  name: 'custom model write',
  orms: [],
  receiver: 'model',
  methods: [],
  payload: { argument: 0, rest: true },
  description: 'a write method listed in the settings',
};

/** Every method name a catalog row writes with (receiver rows only; constructions and assigns are matched apart). */
const CATALOG_WRITE_METHODS: ReadonlySet<string> = new Set(
  (MODEL_WRITES as readonly ModelWriteRow[]).filter((row) => !row.construct).flatMap((row) => row.methods as readonly string[]),
);

const cache = new FileScopedWeakMap<ts.SourceFile, Map<string, readonly ModelWrite[]>>();

/** Every model write in the lookup's file. */
export function getModelWrites(lookup: ReceiverLookup, options: ModelWriteOptions): readonly ModelWrite[] {
  let perFile = cache.get(lookup.file);
  if (!perFile) {
    perFile = new Map();
    cache.set(lookup.file, perFile);
  }
  const facts = extraMethodFacts(options.extraMethods);
  const key = lookup.project ? facts.project : facts.file;
  let writes = perFile.get(key);
  if (!writes) {
    writes = collectModelWrites(lookup, options);
    perFile.set(key, writes);
  }
  return writes;
}

function collectModelWrites(lookup: ReceiverLookup, options: ModelWriteOptions): readonly ModelWrite[] {
  const tsApi = lookup.ts;
  const writes: ModelWrite[] = [];
  walkDescendants(tsApi, lookup.file, (node) => {
    if (tsApi.isCallExpression(node) || tsApi.isNewExpression(node)) {
      const write = matchModelWrite(lookup, node, options);
      if (write) writes.push(write);
    }
    return undefined;
  });
  return writes;
}

/** One cache per mode and list of extra methods (almost always a single one), each keyed by node. */
const byMode = new Map<string, WeakMap<ts.Node, ModelWrite | null>>();
const extraMethodKeys = new WeakMap<readonly string[], ExtraMethodFacts>();

/** What a list of extra methods means, worked out once per list (not once per call). */
interface ExtraMethodFacts {
  readonly project: string;
  readonly file: string;
  /** Entries that name a call path (`ProfileStore.put`). */
  readonly dotted: readonly string[];
  /** Entries that name a method (or a `/regex/`). */
  readonly methods: readonly string[];
}

function extraMethodFacts(extraMethods: readonly string[]): ExtraMethodFacts {
  let facts = extraMethodKeys.get(extraMethods);
  if (!facts) {
    const extra = extraMethods.join('\u0000');
    facts = {
      project: `project\u0000${extra}`,
      file: `file\u0000${extra}`,
      dotted: extraMethods.filter((entry) => entry.includes('.') && !entry.startsWith('/')),
      methods: extraMethods.filter((entry) => !entry.includes('.') || entry.startsWith('/')),
    };
    extraMethodKeys.set(extraMethods, facts);
  }
  return facts;
}

const NO_EXTRA_METHODS: ModelWriteOptions = { extraMethods: [] };

/** The model write a call or construction is, if it is one (cached per node, mode and extra methods). */
export function matchModelWrite(
  lookup: ReceiverLookup,
  node: ts.CallExpression | ts.NewExpression,
  options: ModelWriteOptions = NO_EXTRA_METHODS,
): ModelWrite | undefined {
  const facts = extraMethodFacts(options.extraMethods);
  const key = lookup.project ? facts.project : facts.file;
  let cache = byMode.get(key);
  if (!cache) {
    cache = new FileScopedWeakMap();
    byMode.set(key, cache);
  }
  const cached = cache.get(node);
  if (cached !== undefined) return cached ?? undefined;
  const write = computeModelWrite(lookup, node, facts);
  cache.set(node, write ?? null);
  return write;
}

function computeModelWrite(lookup: ReceiverLookup, node: ts.CallExpression | ts.NewExpression, facts: ExtraMethodFacts): ModelWrite | undefined {
  const tsApi = lookup.ts;
  const args = node.arguments ?? tsApi.factory.createNodeArray<ts.Expression>();
  if (args.length === 0) return undefined;
  if (tsApi.isNewExpression(node)) {
    if (!classifyModelConstructor(lookup, node.expression)) return undefined;
    const row = findRow((r) => r.construct === true);
    return row ? buildWrite(tsApi, node, row, `new ${shortCallee(tsApi, node.expression)}`) : undefined;
  }
  const call = node;
  const callee = skipOuterExpressions(tsApi, call.expression);

  // Dotted extra sinks from the settings match the call path itself: `ProfileStore.put`.
  const { dotted } = facts;
  const calleePath = dotted.length > 0 ? getMemberPath(tsApi, callee) : undefined;
  if (calleePath && dotted.some((entry) => endsWithPath(calleePath, entry))) {
    return buildWrite(tsApi, call, CUSTOM_WRITE_ROW, calleePath);
  }

  const assign = matchAssignIntoModel(lookup, call);
  if (assign) return assign;

  if (!tsApi.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const extra = facts.methods;
  // Most calls are no write method at all: decide that before classifying the receiver.
  if (extra.length === 0 && !CATALOG_WRITE_METHODS.has(method)) return undefined;
  const receiverKind = classifyReceiver(lookup, callee.expression);
  if (!receiverKind) return undefined;
  const text = callText(tsApi, callee);
  const row = findRow(
    (r) =>
      !r.construct &&
      (r.methods as readonly string[]).includes(method) &&
      RECEIVERS_FOR_ROW[r.receiver].includes(receiverKind) &&
      hasRequiredOption(tsApi, call, r),
  );
  if (row) return buildWrite(tsApi, call, row, text);
  if (extra.length > 0 && WRITE_CAPABLE_RECEIVERS.includes(receiverKind) && matchesNameList(method, extra)) {
    return buildWrite(tsApi, call, CUSTOM_WRITE_ROW, text);
  }
  return undefined;
}

/** `Object.assign(doc, x)`, `_.merge(doc, x)`, `merge(doc, x)` where `doc` is a model instance. */
function matchAssignIntoModel(lookup: ReceiverLookup, call: ts.CallExpression): ModelWrite | undefined {
  const tsApi = lookup.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  const target = call.arguments[0];
  if (!target || call.arguments.length < 2) return undefined;
  let row: ModelWriteRow | undefined;
  if (tsApi.isPropertyAccessExpression(callee) && tsApi.isIdentifier(callee.expression)) {
    const owner = callee.expression;
    if (owner.text === 'Object' && callee.name.text === 'assign' && !findDeclarationInScope(tsApi, owner)) {
      row = findRow((r) => r.receiver === 'assign-into-model' && r.orms.includes('javascript' as never));
    } else if (isLodashNamespace(lookup, owner)) {
      row = findRow((r) => r.receiver === 'assign-into-model' && (r.methods as readonly string[]).includes(callee.name.text) && r.orms.includes('lodash' as never));
    }
  } else if (tsApi.isIdentifier(callee)) {
    const binding = getFileBindings(tsApi, lookup.file).imports.get(callee.text);
    if (binding && LODASH_MODULES.test(binding.module)) {
      const imported = binding.imported === 'default' || binding.imported === '*' ? lodashMethodFromModule(binding.module) : binding.imported;
      row = findRow((r) => r.receiver === 'assign-into-model' && imported !== undefined && (r.methods as readonly string[]).includes(imported) && r.orms.includes('lodash' as never));
    }
  }
  if (!row) return undefined;
  if (classifyReceiver(lookup, target) !== 'document') return undefined;
  return buildWrite(tsApi, call, row, getMemberPath(tsApi, callee) ?? 'assign');
}

function buildWrite(tsApi: TsApi, call: ts.CallExpression | ts.NewExpression, row: ModelWriteRow, text: string): ModelWrite | undefined {
  const payloads = getPayloads(tsApi, call, row);
  if (payloads.length === 0) return undefined;
  return { call, row, payloads, callText: text, fieldsAllowlisted: isFieldsAllowlisted(tsApi, call, row) };
}

/** The expressions a write stores, following the row's payload position. */
export function getPayloads(tsApi: TsApi, call: ts.CallExpression | ts.NewExpression, row: ModelWriteRow): ts.Expression[] {
  const args = [...(call.arguments ?? [])];
  const spec = row.payload;
  const start = spec.argument < 0 ? args.length + spec.argument : spec.argument;
  if (start < 0 || start >= args.length) return [];
  const selected = spec.rest ? args.slice(start) : [args[start]!];
  const payloads: ts.Expression[] = [];
  for (const arg of selected) {
    if (tsApi.isSpreadElement(arg)) {
      payloads.push(arg.expression);
      continue;
    }
    if (spec.notAfterStringPath && getStaticString(tsApi, arg) !== undefined) return [];
    const value = skipOuterExpressions(tsApi, arg);
    if (spec.properties && tsApi.isObjectLiteralExpression(value)) {
      for (const property of spec.properties) {
        const inner = getObjectPropertyValue(tsApi, value, property);
        if (inner) payloads.push(inner);
      }
      continue;
    }
    payloads.push(arg);
    if (row.updateOperators && tsApi.isObjectLiteralExpression(value)) {
      for (const operator of row.updateOperators) {
        const inner = getObjectPropertyValue(tsApi, value, operator);
        if (inner) payloads.push(inner);
      }
    }
  }
  return payloads;
}

/** `{ fields: ['name', 'email'] }` (or a `const` array) in the row's fields option. */
function isFieldsAllowlisted(tsApi: TsApi, call: ts.CallExpression | ts.NewExpression, row: ModelWriteRow): boolean {
  const option = row.fieldsOption;
  const arg = option ? call.arguments?.[option.argument] : undefined;
  if (!option || !arg) return false;
  const object = skipOuterExpressions(tsApi, arg);
  if (!tsApi.isObjectLiteralExpression(object)) return false;
  const value = getObjectPropertyValue(tsApi, object, option.property);
  if (!value) return false;
  const list = skipOuterExpressions(tsApi, value);
  if (tsApi.isArrayLiteralExpression(list)) return list.elements.every((e) => getStaticString(tsApi, e) !== undefined);
  if (tsApi.isIdentifier(list)) {
    const declaration = findDeclarationInScope(tsApi, list);
    const init = declaration?.kind === 'variable' && !declaration.element ? declaration.node.initializer : undefined;
    const array = init ? skipOuterExpressions(tsApi, init) : undefined;
    return array !== undefined && tsApi.isArrayLiteralExpression(array);
  }
  return false;
}

function hasRequiredOption(tsApi: TsApi, call: ts.CallExpression, row: ModelWriteRow): boolean {
  const required = row.requiresOption;
  if (!required) return true;
  const arg = call.arguments[required.argument];
  const object = arg ? skipOuterExpressions(tsApi, arg) : undefined;
  return object !== undefined && tsApi.isObjectLiteralExpression(object) && getObjectPropertyValue(tsApi, object, required.property) !== undefined;
}

function isLodashNamespace(lookup: ReceiverLookup, owner: ts.Identifier): boolean {
  const tsApi = lookup.ts;
  const declaration = findDeclarationInScope(tsApi, owner);
  if (!declaration) return false;
  const binding = getFileBindings(tsApi, lookup.file).imports.get(owner.text);
  if (binding) return LODASH_MODULES.test(binding.module);
  if (declaration.kind === 'variable' && declaration.node.initializer) {
    const init = skipOuterExpressions(tsApi, declaration.node.initializer);
    if (tsApi.isCallExpression(init) && tsApi.isIdentifier(init.expression) && init.expression.text === 'require') {
      const module = getStaticString(tsApi, init.arguments[0]);
      return module !== undefined && LODASH_MODULES.test(module);
    }
  }
  return false;
}

/** `lodash/merge` and `lodash.merge` default-export `merge`. */
function lodashMethodFromModule(module: string): string | undefined {
  const match = /^lodash(?:-es)?\/([A-Za-z]+)$/.exec(module) ?? /^lodash\.([a-z]+)$/.exec(module);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  const known: Record<string, string> = { assign: 'assign', assignin: 'assignIn', extend: 'extend', merge: 'merge', mergewith: 'mergeWith', defaults: 'defaults', defaultsdeep: 'defaultsDeep' };
  return known[name];
}

function findRow(predicate: (row: ModelWriteRow) => boolean): ModelWriteRow | undefined {
  return (MODEL_WRITES as readonly ModelWriteRow[]).find(predicate);
}

/** `User.create`, `this.repo.save`, `prisma.user.update`; chains written `db(…).where(…).update`. */
function callText(tsApi: TsApi, callee: ts.PropertyAccessExpression): string {
  return getMemberPath(tsApi, callee) ?? describeCallee(tsApi, callee);
}

function shortCallee(tsApi: TsApi, expression: ts.Expression): string {
  return getMemberPath(tsApi, expression) ?? describeCallee(tsApi, expression);
}

function endsWithPath(path: string, entry: string): boolean {
  return path === entry || path.endsWith(`.${entry}`);
}
