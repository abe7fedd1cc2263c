/**
 * Record lookups in one call: an ORM call of the `RECORD_LOOKUPS` catalog made on a receiver that
 * `model-receivers.ts` recognizes, with the expressions that address the record (the id argument, or
 * the values of the id keys of its filter). A filter that also names an owner key
 * (`{ where: { id, userId: user.id } }`) is scoped to the caller: `scopedBy` names the key.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { OWNER_KEYS, RECORD_ID_KEY, RECORD_LOOKUPS, type RecordLookupRow, type RecordOperation } from '../catalog/record-access.js';
import { describeCallee, getMemberPath } from './call-text.js';
import { classifyReceiver, type ReceiverLookup } from './model-receivers.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface RecordLookup {
  readonly call: ts.CallExpression;
  readonly row: RecordLookupRow;
  readonly operation: RecordOperation;
  /** `Invoice.findById`, `this.repo.findOneBy`, `prisma.invoice.update`. */
  readonly callText: string;
  /** The expressions whose value is the record's id. */
  readonly ids: readonly ts.Expression[];
  /** The owner key of the filter (`userId`, `tenantId`), when the filter scopes the query to someone. */
  readonly scopedBy?: { readonly key: string; readonly value: ts.Expression };
}

const byNode = new FileScopedWeakMap<ts.CallExpression, Map<string, RecordLookup | null>>();

/** The record lookup a call is, if it is one (cached per call and mode). */
export function matchRecordLookup(lookup: ReceiverLookup, call: ts.CallExpression): RecordLookup | undefined {
  let perNode = byNode.get(call);
  if (!perNode) {
    perNode = new Map();
    byNode.set(call, perNode);
  }
  const key = lookup.project ? 'project' : 'file';
  const cached = perNode.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const found = computeRecordLookup(lookup, call);
  perNode.set(key, found ?? null);
  return found;
}

function computeRecordLookup(lookup: ReceiverLookup, call: ts.CallExpression): RecordLookup | undefined {
  const tsApi = lookup.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee) || call.arguments.length === 0) return undefined;
  const method = callee.name.text;
  const candidates = (RECORD_LOOKUPS as readonly RecordLookupRow[]).filter((row) => row.methods.includes(method));
  if (candidates.length === 0) return undefined;
  const receiver = classifyReceiver(lookup, callee.expression);
  if (!receiver) return undefined;
  const row = candidates.find((r) => r.receivers.includes(receiver));
  if (!row) return undefined;
  const argument = call.arguments[row.id.argument];
  if (!argument || tsApi.isSpreadElement(argument)) return undefined;
  const value = skipOuterExpressions(tsApi, argument);
  const isObject = tsApi.isObjectLiteralExpression(value);
  const callText = getMemberPath(tsApi, callee) ?? describeCallee(tsApi, callee);
  if (row.id.kind === 'argument' || (row.id.kind === 'argument-or-filter' && !isObject)) {
    if (isObject || getStaticString(tsApi, value) !== undefined || tsApi.isArrayLiteralExpression(value)) return undefined;
    return { call, row, operation: row.operation, callText, ids: [argument] };
  }
  if (!isObject) return undefined;
  const filter = filterOf(tsApi, value);
  if (!filter) return undefined;
  const ids: ts.Expression[] = [];
  let scopedBy: RecordLookup['scopedBy'];
  for (const property of filter.properties) {
    const name = property.name ? getPropertyNameText(tsApi, property.name) : undefined;
    if (name === undefined) continue;
    const expression = propertyValue(tsApi, property);
    if (!expression) continue;
    if (OWNER_KEYS.includes(name) && !scopedBy) scopedBy = { key: name, value: expression };
    if (RECORD_ID_KEY.test(name)) ids.push(idValue(tsApi, expression));
  }
  if (ids.length === 0) return undefined;
  return { call, row, operation: row.operation, callText, ids, ...(scopedBy ? { scopedBy } : {}) };
}

/** The object whose keys address the record: `where` when present (Sequelize, TypeORM, Prisma), else the filter itself (Mongoose, MongoDB). */
function filterOf(tsApi: TsApi, object: ts.ObjectLiteralExpression): ts.ObjectLiteralExpression | undefined {
  for (const property of object.properties) {
    if (!property.name || getPropertyNameText(tsApi, property.name) !== 'where') continue;
    const value = propertyValue(tsApi, property);
    const inner = value ? skipOuterExpressions(tsApi, value) : undefined;
    return inner && tsApi.isObjectLiteralExpression(inner) ? inner : undefined;
  }
  return object;
}

function propertyValue(tsApi: TsApi, property: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  if (tsApi.isPropertyAssignment(property)) return property.initializer;
  if (tsApi.isShorthandPropertyAssignment(property)) return property.name;
  return undefined;
}

/** `new ObjectId(id)`, `{ $eq: id }`: the id inside. */
function idValue(tsApi: TsApi, expression: ts.Expression): ts.Expression {
  const value = skipOuterExpressions(tsApi, expression);
  if ((tsApi.isNewExpression(value) || tsApi.isCallExpression(value)) && value.arguments?.length === 1) {
    const callee = skipOuterExpressions(tsApi, value.expression);
    const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (/^(?:ObjectId|ObjectID|Number|parseInt|String|BigInt|toObjectId|Types\.ObjectId)$/.test(name)) return value.arguments[0]!;
  }
  if (tsApi.isObjectLiteralExpression(value)) {
    for (const property of value.properties) {
      if (property.name && getPropertyNameText(tsApi, property.name) === '$eq') return propertyValue(tsApi, property) ?? expression;
    }
  }
  return expression;
}
