/**
 * The places in one file where a credential is used, read from the credential-sink catalog: the
 * argument (or option property) of a JWT, session, cookie, crypto, SDK or database call, the options
 * of a Fastify plugin registered with a secret, and the value of an `Authorization` or API-key
 * header. Built once per `ts.SourceFile`.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getAccessPath, getCalleeName, getPropertyNameText, getShortText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import { getFileBindings } from '../core/bindings.js';
import {
  CREDENTIAL_CALL_SINKS,
  CREDENTIAL_KINDS,
  CREDENTIAL_PLUGIN_SINKS,
  findCredentialHeader,
  type CredentialHeaderRow,
  matchesCalleePattern,
  matchesSinkModule,
  type CredentialCallSinkRow,
  type CredentialKind,
} from '../catalog/credential-sinks.js';
import { resolveModuleReference, type ModuleReference } from './module-reference.js';
import { classifySecretName } from './secret-name.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface CredentialUse {
  /** The catalog row. */
  readonly row: string;
  readonly kind: CredentialKind;
  /** For messages: `JWT signing secret`, `Stripe secret key`. */
  readonly label: string;
  /** The environment variable a fix would read. */
  readonly envName: string;
  /** For messages: `` `jwt.sign` ``, `` the `Authorization` header ``. */
  readonly sink: string;
  /** The call, property or assignment that uses the credential. */
  readonly node: ts.Node;
  /** The expression that holds the credential (or an options object holding it). */
  readonly argument: ts.Expression;
  /** Property paths inside `argument` (`[[]]` for the argument itself). */
  readonly paths: readonly (readonly string[])[];
  /** Set for header values: `authorization` values may start with a scheme. */
  readonly header?: 'authorization' | 'none';
}

const cache = new FileScopedWeakMap<ts.SourceFile, readonly CredentialUse[]>();

/** The credential uses of a file, built once per source file. */
export function getCredentialUses(tsApi: TsApi, sourceFile: ts.SourceFile): readonly CredentialUse[] {
  let uses = cache.get(sourceFile);
  if (!uses) {
    uses = collectCredentialUses(tsApi, sourceFile);
    cache.set(sourceFile, uses);
  }
  return uses;
}

/** A header that carries a credential: a catalog row, or a custom header named like one (`X-Internal-Api-Key`). */
function headerRowFor(name: string): CredentialHeaderRow | undefined {
  const row = findCredentialHeader(name);
  if (row) return row;
  if (!/^x-|-/i.test(name) || !classifySecretName(name)) return undefined;
  return findCredentialHeader('x-api-key');
}

/** Header-setting methods: `res.setHeader(name, value)`, supertest `.set(name, value)`, `headers.append`. */
const HEADER_SETTERS = new Set(['setHeader', 'set', 'header', 'append', 'setRequestHeader']);

function toPaths(properties: readonly string[] | undefined): readonly (readonly string[])[] {
  return properties ? properties.map((p) => p.split('.')) : [[]];
}

function rowUse(
  row: { readonly name: string; readonly kind: CredentialKind; readonly label?: string; readonly envName?: string },
  sink: string,
  node: ts.Node,
  argument: ts.Expression,
  properties: readonly string[] | undefined,
): CredentialUse {
  const info = CREDENTIAL_KINDS[row.kind];
  return {
    row: row.name,
    kind: row.kind,
    label: row.label ?? info.label,
    envName: row.envName ?? info.envName,
    sink,
    node,
    argument,
    paths: toPaths(properties),
  };
}

/** The call rows whose modules include `specifier`, computed once per specifier. */
const rowsByModule = new Map<string, readonly CredentialCallSinkRow[]>();
const NO_ROWS: readonly CredentialCallSinkRow[] = [];
function rowsForModule(specifier: string): readonly CredentialCallSinkRow[] {
  // Catalog rows name packages: a project file (`./users.service.js`) never matches, and caching
  // every relative specifier of a large code base would only grow the map.
  if (specifier.startsWith('.') || specifier.startsWith('/')) return NO_ROWS;
  let rows = rowsByModule.get(specifier);
  if (!rows) {
    const matching = (CREDENTIAL_CALL_SINKS as readonly CredentialCallSinkRow[]).filter((row) => matchesSinkModule(row.modules, specifier));
    rows = matching.length === 0 ? NO_ROWS : matching;
    if (rowsByModule.size >= 10_000) rowsByModule.clear();
    rowsByModule.set(specifier, rows);
  }
  return rows;
}

/** The method names receiver-name rows match (the last segment of their callees): other calls skip the rows. */
/**
 * False when no call of the file can resolve to a catalog module: it imports none, and has no
 * `require(...)` or `import(...)` outside its import bindings (a chained `require('x').sign`).
 */
function mayReferenceCredentialModule(tsApi: TsApi, sourceFile: ts.SourceFile): boolean {
  for (const binding of getFileBindings(tsApi, sourceFile).imports.values()) {
    if (rowsForModule(binding.module).length > 0) return true;
  }
  return /\b(?:require|import)\s*\(/.test(sourceFile.text);
}

const RECEIVER_ROW_METHODS: ReadonlySet<string> = new Set(
  (CREDENTIAL_CALL_SINKS as readonly CredentialCallSinkRow[]).filter((row) => row.receiverNames).flatMap((row) => row.callees.map((c) => c.split('.').pop()!)),
);

function mayMatchReceiverRow(tsApi: TsApi, call: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(tsApi, call.expression);
  return tsApi.isPropertyAccessExpression(callee) && RECEIVER_ROW_METHODS.has(callee.name.text);
}

function callMatchesRow(row: CredentialCallSinkRow, ref: ModuleReference, isNew: boolean, argCount: number): boolean {
  if (row.call === 'new' && !isNew) return false;
  if (row.call === 'call' && isNew) return false;
  if (argCount <= row.argument || (row.minArguments !== undefined && argCount < row.minArguments)) return false;
  return matchesSinkModule(row.modules, ref.module) && row.callees.some((c) => matchesCalleePattern(c, ref.path));
}

/** Receiver-name rows: an un-imported `jwt.sign(...)`, `this.jwtService.signAsync(...)`, `crypto.createHmac(...)`. */
function callMatchesReceiver(tsApi: TsApi, row: CredentialCallSinkRow, call: ts.CallExpression): boolean {
  if (!row.receiverNames || call.arguments.length <= row.argument) return false;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee)) return false;
  const method = callee.name.text;
  if (!row.callees.some((c) => c === method || c.endsWith(`.${method}`))) return false;
  const receiver = getAccessPath(tsApi, callee.expression);
  if (receiver === undefined) return false;
  const parts = receiver.split('.');
  const last = parts[parts.length - 1]!;
  const lastTwo = parts.slice(-2).join('.');
  return row.receiverNames.test(last) || row.receiverNames.test(lastTwo);
}

/** The constructor a `super(...)` call runs: `Strategy` in `extends PassportStrategy(Strategy)` or `extends Strategy`. */
function getSuperConstructor(tsApi: TsApi, call: ts.CallExpression): ts.Expression | undefined {
  for (let current: ts.Node | undefined = call.parent; current; current = current.parent) {
    if (tsApi.isClassDeclaration(current) || tsApi.isClassExpression(current)) {
      const heritage = current.heritageClauses?.find((h) => h.token === tsApi.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      if (!heritage) return undefined;
      const base = skipOuterExpressions(tsApi, heritage);
      // Nest mixins: PassportStrategy(Strategy, 'jwt')
      if (tsApi.isCallExpression(base) && base.arguments[0]) return base.arguments[0];
      return base;
    }
  }
  return undefined;
}

function collectCredentialUses(tsApi: TsApi, sourceFile: ts.SourceFile): CredentialUse[] {
  const uses: CredentialUse[] = [];
  const mayReferenceCatalog = mayReferenceCredentialModule(tsApi, sourceFile);
  const text = (node: ts.Node): string => getShortText(sourceFile, node, 48);

  const visitCall = (call: ts.CallExpression | ts.NewExpression): void => {
    const args = call.arguments ?? [];
    const isNew = tsApi.isNewExpression(call);
    const isSuper = tsApi.isCallExpression(call) && call.expression.kind === tsApi.SyntaxKind.SuperKeyword;
    const calleeExpr = isSuper ? getSuperConstructor(tsApi, call as ts.CallExpression) : call.expression;
    if (!calleeExpr) return;
    // Only calls of a catalog module's members need the module reference, and the receiver rows
    // only ask whether there is one: a file that imports no catalog module skips the rest.
    const ref =
      mayReferenceCatalog || (tsApi.isCallExpression(call) && !isSuper && mayMatchReceiverRow(tsApi, call))
        ? resolveModuleReference(tsApi, sourceFile, calleeExpr)
        : undefined;
    // The printable sink, computed only for calls that turn out to be sinks.
    let sinkCache: string | undefined;
    const sink = (): string =>
      (sinkCache ??= isSuper ? `\`${text(calleeExpr)}\` (through \`super\`)` : `\`${isNew ? 'new ' : ''}${text(call.expression)}\``);
    if (ref) {
      for (const row of rowsForModule(ref.module)) {
        if (callMatchesRow(row, ref, isNew || isSuper, args.length)) {
          uses.push(rowUse(row, sink(), call, args[row.argument]!, row.properties));
        }
      }
    } else if (tsApi.isCallExpression(call) && !isSuper && mayMatchReceiverRow(tsApi, call)) {
      for (const row of CREDENTIAL_CALL_SINKS as readonly CredentialCallSinkRow[]) {
        if (callMatchesReceiver(tsApi, row, call)) uses.push(rowUse(row, sink(), call, args[row.argument]!, row.properties));
      }
    }
    if (!tsApi.isCallExpression(call) || isSuper) return;
    const name = getCalleeName(tsApi, call);
    // fastify.register(fastifyJwt, { secret })
    if (name === 'register' && args.length >= 2) {
      const plugin = resolveModuleReference(tsApi, sourceFile, args[0]!);
      if (plugin && plugin.path.length === 0) {
        for (const row of CREDENTIAL_PLUGIN_SINKS) {
          if (matchesSinkModule(row.modules, plugin.module)) {
            uses.push(rowUse(row, `\`${text(call.expression)}(${text(args[0]!)})\``, call, args[1]!, row.properties));
          }
        }
      }
    }
    // res.setHeader('Authorization', value), request(app).set('x-api-key', value)
    if (name && HEADER_SETTERS.has(name) && args.length >= 2) {
      const headerName = getStaticString(tsApi, args[0]);
      const header = headerName === undefined ? undefined : headerRowFor(headerName);
      if (header) uses.push({ ...rowUse(header, `the \`${headerName}\` header`, call, args[1]!, undefined), header: header.scheme });
    }
  };

  forEachNodeOfKinds(tsApi, sourceFile, [tsApi.SyntaxKind.CallExpression, tsApi.SyntaxKind.NewExpression, tsApi.SyntaxKind.PropertyAssignment, tsApi.SyntaxKind.ShorthandPropertyAssignment, tsApi.SyntaxKind.BinaryExpression], (node) => {
    if (tsApi.isCallExpression(node) || tsApi.isNewExpression(node)) {
      visitCall(node);
    } else if (tsApi.isPropertyAssignment(node) || tsApi.isShorthandPropertyAssignment(node)) {
      // { Authorization: 'Bearer …' }, { 'x-api-key': KEY }
      const headerName = getPropertyNameText(tsApi, node.name);
      const header = headerName === undefined ? undefined : headerRowFor(headerName);
      if (header) {
        const value = tsApi.isPropertyAssignment(node) ? node.initializer : node.name;
        uses.push({ ...rowUse(header, `the \`${headerName}\` header`, node, value, undefined), header: header.scheme });
      }
    } else if (tsApi.isBinaryExpression(node) && node.operatorToken.kind === tsApi.SyntaxKind.EqualsToken) {
      // headers.Authorization = …, axios.defaults.headers.common['x-api-key'] = …
      const target = skipOuterExpressions(tsApi, node.left);
      const headerName = tsApi.isPropertyAccessExpression(target)
        ? target.name.text
        : tsApi.isElementAccessExpression(target)
          ? getStaticString(tsApi, target.argumentExpression)
          : undefined;
      const header = headerName === undefined ? undefined : headerRowFor(headerName);
      if (header) uses.push({ ...rowUse(header, `the \`${headerName}\` header`, node, node.right, undefined), header: header.scheme });
    }
  });
  return uses;
}
