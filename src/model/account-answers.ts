/**
 * How sign-in, password-reset and registration endpoints answer: the branch taken when the account
 * lookup finds nothing (`if (!user) return res.status(404).json(...)`), the branch taken when the
 * password comparison fails (`if (!(await bcrypt.compare(pw, user.hash))) ...`), the branch taken
 * when an account already exists (`if (existing) ...`), and the answer each one gives: its status
 * and its text when both are static (a response call, a Nest exception, an `http-errors` error, an
 * app error class, a Passport `done(null, false, { message })`, a route handler's return value).
 *
 * Syntax only, within one function: the lookup, the checks and the answers are all in the endpoint.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getAccessPath, getPropertyNameText, getStaticString, isFunctionLike, skipOuterExpressions, functionLikeKinds } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import { walkDescendants, walkFunctionBody, forEachNodeOfKinds } from '../core/walk.js';
import {
  ACCOUNT_VARIABLE_PATTERN,
  LOOKUP_METHOD_PATTERN,
  classifyAccountFunctionName,
  classifyAccountPath,
  type AccountEndpointKind,
} from '../catalog/account-endpoints.js';
import { findPasswordCheckMethod, findPasswordComparator, PASSWORD_LIBRARY_RECEIVERS } from '../catalog/password-checks.js';
import { getModulePath } from '../flow/module-paths.js';
import { getErrorResponseAt, getStaticAnswerText, readChainStatus, readStatus } from './error-responses.js';
import { getHandlerOfFunction } from './handlers.js';
import { getResponseSinkOfNode, isResponseObject } from './response-sinks.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

/** A function that signs users in, resets passwords or registers accounts. */
export interface AccountEndpoint {
  readonly fn: ts.FunctionLikeDeclaration;
  readonly kinds: readonly AccountEndpointKind[];
}

/** What one branch answers. */
export interface BranchAnswer {
  /** Where findings are reported: the response call, the `throw`, the `done(...)`, the `return`. */
  readonly node: ts.Node;
  /** How the answer compares: `status` and `text` (or the shared constant it sends). */
  readonly key: string | undefined;
  /** `404 "User not found"`, `UnauthorizedError "Wrong password"`, `"Reset link sent"`. */
  readonly display: string;
}

/** The account-related branches of an endpoint. */
export interface AccountBranches {
  readonly endpoint: AccountEndpoint;
  /** The branch taken when the lookup finds no account. */
  readonly unknownAccount?: ts.Statement;
  /** The branch taken when the password comparison fails. */
  readonly wrongPassword?: ts.Statement;
  /** The branch taken when the lookup finds an account (registration checks). */
  readonly existingAccount?: ts.Statement;
  /** The statement that holds the unknown-account branch (answers after it are the known-account path). */
  readonly unknownAccountCheck?: ts.IfStatement;
  /** True when the endpoint compares a password anywhere. */
  readonly comparesPassword: boolean;
}

/**
 * The account endpoints of a file with their branches. `routePaths` adds full paths the routing
 * model knows for handler functions (`/api/auth` + `/` of a router mounted in another file).
 */
export function getAccountBranches(
  tsApi: TsApi,
  sourceFile: ts.SourceFile,
  routePaths?: ReadonlyMap<ts.Node, readonly string[]>,
): AccountBranches[] {
  return getAccountEndpoints(tsApi, sourceFile, routePaths).map((endpoint) => ({ ...readBranchesOnce(tsApi, endpoint.fn), endpoint }));
}

/**
 * Functions that are account endpoints: by route path (the registration in the file, the full path
 * the routing model resolved, or the file name of a route handler: `routes/auth.js`), by name, or as
 * Passport verify callbacks.
 */
export function getAccountEndpoints(
  tsApi: TsApi,
  sourceFile: ts.SourceFile,
  routePaths?: ReadonlyMap<ts.Node, readonly string[]>,
): AccountEndpoint[] {
  const endpoints: AccountEndpoint[] = [];
  const fileSegment = getFileNameSegment(sourceFile);
  forEachNodeOfKinds(tsApi, sourceFile, functionLikeKinds(tsApi), (node) => {
    if (!isFunctionLike(tsApi, node) || !node.body) return;
    // Most functions are not account endpoints: nothing is allocated for them.
    let kinds: Set<AccountEndpointKind> | undefined;
    const add = (found: readonly AccountEndpointKind[]): void => {
      for (const kind of found) (kinds ??= new Set()).add(kind);
    };
    for (const path of routePaths?.get(node) ?? []) add(classifyAccountPath(path));
    const handler = getHandlerOfFunction(tsApi, node);
    if (handler?.route) add(classifyAccountPath(handler.route.replace(/^\S+\s+/, '')));
    if (handler?.role === 'route' && handler.framework !== 'nest') add(classifyAccountPath(`/${fileSegment}`));
    const name = getFunctionName(tsApi, node);
    if (name) add(classifyAccountFunctionName(name));
    if (isPassportVerifyFunction(tsApi, node)) add(['login']);
    if (kinds) endpoints.push({ fn: node, kinds: [...kinds] });
  });
  return endpoints;
}

/** `routes/auth.routes.ts` gives `auth`; `sessions.js` gives `sessions`. */
function getFileNameSegment(sourceFile: ts.SourceFile): string {
  const base = sourceFile.fileName.replace(/\\/g, '/').split('/').pop() ?? '';
  return base.split('.')[0] ?? '';
}

/** The name a function is known by: its own, its variable's, its property's or its method's. */
function getFunctionName(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): string | undefined {
  if ((tsApi.isFunctionDeclaration(fn) || tsApi.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  if (tsApi.isMethodDeclaration(fn)) return getPropertyNameText(tsApi, fn.name);
  const parent = fn.parent;
  if (tsApi.isVariableDeclaration(parent) && tsApi.isIdentifier(parent.name)) return parent.name.text;
  if ((tsApi.isPropertyAssignment(parent) || tsApi.isPropertyDeclaration(parent)) && parent.initializer === fn) return getPropertyNameText(tsApi, parent.name);
  return undefined;
}

/**
 * `new LocalStrategy(async (username, password, done) => ...)`, and Nest's
 * `class LocalStrategy extends PassportStrategy(Strategy) { validate(username, password) {...} }`.
 */
function isPassportVerifyFunction(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): boolean {
  const parent = fn.parent;
  if (tsApi.isNewExpression(parent) && parent.arguments?.includes(fn as ts.Expression)) {
    const callee = skipOuterExpressions(tsApi, parent.expression);
    const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    return name !== undefined && /Strategy$/.test(name) && fn.parameters.length >= 3;
  }
  if (tsApi.isMethodDeclaration(fn) && getPropertyNameText(tsApi, fn.name) === 'validate' && tsApi.isClassLike(fn.parent)) {
    return (fn.parent.heritageClauses ?? []).some((clause) =>
      clause.types.some((type) => {
        const expr = skipOuterExpressions(tsApi, type.expression);
        return tsApi.isCallExpression(expr) && tsApi.isIdentifier(expr.expression) && expr.expression.text === 'PassportStrategy';
      }),
    );
  }
  return false;
}

const branchCache = new FileScopedWeakMap<ts.Node, Omit<AccountBranches, 'endpoint'>>();

function readBranchesOnce(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): Omit<AccountBranches, 'endpoint'> {
  let branches = branchCache.get(fn);
  if (!branches) {
    branches = readBranches(tsApi, fn);
    branchCache.set(fn, branches);
  }
  return branches;
}

/**
 * Reads the endpoint and the callbacks inside it (`User.findOne(...).then((user) => ...)`,
 * `bcrypt.compare(pw, hash, (err, same) => ...)`).
 */
function readBranches(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): Omit<AccountBranches, 'endpoint'> {
  const lookups = new Set<ts.Identifier>();
  const passwordChecks = new Set<ts.Identifier>();
  let unknownAccount: ts.Statement | undefined;
  let unknownAccountCheck: ts.IfStatement | undefined;
  let wrongPassword: ts.Statement | undefined;
  let existingAccount: ts.Statement | undefined;
  let comparesPassword = false;
  walkDescendants(tsApi, fn.body!, (node) => {
    if (tsApi.isVariableDeclaration(node) && node.initializer && tsApi.isIdentifier(node.name)) {
      if (isPasswordCheck(tsApi, node.initializer)) passwordChecks.add(node.name);
      else if (isAccountLookup(tsApi, node.name.text, node.initializer)) lookups.add(node.name);
      return;
    }
    if (tsApi.isCallExpression(node)) {
      if (isPasswordCheck(tsApi, node)) {
        comparesPassword = true;
        const result = getCallbackResultParameter(tsApi, node, 1);
        if (result) passwordChecks.add(result);
      } else if (isLookupCall(tsApi, node)) {
        const result = getCallbackResultParameter(tsApi, node, 1);
        if (result) lookups.add(result);
      }
      // promise.then((user) => ...) / .then((same) => ...)
      const callee = skipOuterExpressions(tsApi, node.expression);
      if (tsApi.isPropertyAccessExpression(callee) && callee.name.text === 'then') {
        const receiver = skipOuterExpressions(tsApi, callee.expression);
        const param = getCallbackResultParameter(tsApi, node, 0);
        if (param && isPasswordCheck(tsApi, receiver)) passwordChecks.add(param);
        else if (param && tsApi.isCallExpression(receiver) && isAccountLookup(tsApi, param.text, receiver)) lookups.add(param);
      }
      return;
    }
    if (!tsApi.isIfStatement(node)) return;
    const test = readAccountTest(tsApi, node.expression, lookups, passwordChecks);
    if (!test) return;
    if (test.kind === 'password') comparesPassword = true;
    if (test.kind === 'account') {
      if (!test.present && !unknownAccount) {
        unknownAccount = node.thenStatement;
        unknownAccountCheck = node;
      } else if (test.present) {
        existingAccount ??= node.thenStatement;
        if (node.elseStatement && !unknownAccount) {
          unknownAccount = node.elseStatement;
          unknownAccountCheck = node;
        }
      }
    } else if (!wrongPassword) {
      if (!test.present) wrongPassword = node.thenStatement;
      else if (node.elseStatement) wrongPassword = node.elseStatement;
    }
  });
  return {
    comparesPassword: comparesPassword || passwordChecks.size > 0,
    ...(unknownAccount ? { unknownAccount, unknownAccountCheck } : {}),
    ...(wrongPassword ? { wrongPassword } : {}),
    ...(existingAccount ? { existingAccount } : {}),
  };
}

/** The `index`th parameter of the function passed last to `call` (`(err, user) => ...` gives `user` for 1). */
function getCallbackResultParameter(tsApi: TsApi, call: ts.CallExpression, index: number): ts.Identifier | undefined {
  const last = call.arguments[call.arguments.length - 1];
  if (!last) return undefined;
  const fn = skipOuterExpressions(tsApi, last);
  if (!tsApi.isArrowFunction(fn) && !tsApi.isFunctionExpression(fn)) return undefined;
  const param = fn.parameters[index];
  return param && tsApi.isIdentifier(param.name) ? param.name : undefined;
}

/** `User.findOne({ email }, (err, user) => ...)`: a lookup method called with a callback. */
function isLookupCall(tsApi: TsApi, call: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(tsApi, call.expression);
  const method = tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return method !== undefined && LOOKUP_METHOD_PATTERN.test(method) && getCallbackResultParameter(tsApi, call, 1) !== undefined;
}

/** `const user = await User.findOne(...)`: a lookup call, or any call into a variable named like an account. */
function isAccountLookup(tsApi: TsApi, name: string, initializer: ts.Expression): boolean {
  let expr = skipOuterExpressions(tsApi, initializer);
  if (!tsApi.isCallExpression(expr)) return false;
  // `User.findOne({ where: { resetToken: hash } })` completes a reset: a wrong token is no account.
  if (isTokenKeyedLookup(tsApi, expr)) return false;
  if (ACCOUNT_VARIABLE_PATTERN.test(name)) return true;
  // User.findOne({ email }).select('+password'): any call of the chain
  for (let depth = 0; depth < 8 && tsApi.isCallExpression(expr); depth++) {
    const callee = skipOuterExpressions(tsApi, expr.expression);
    const method = tsApi.isPropertyAccessExpression(callee) ? callee.name.text : tsApi.isIdentifier(callee) ? callee.text : undefined;
    if (method && LOOKUP_METHOD_PATTERN.test(method)) return true;
    if (!tsApi.isPropertyAccessExpression(callee)) return false;
    expr = skipOuterExpressions(tsApi, callee.expression);
  }
  return false;
}

/** Filter keys that name a one-time secret, and keys that name who the account is. */
const TOKEN_KEY = /token|code|hash|otp|nonce|secret/i;
const IDENTITY_KEY = /email|mail|user|login|phone|mobile|account|handle|name/i;

/**
 * A lookup whose filter names a one-time secret and nothing that identifies an account:
 * `findOne({ resetToken })`, `findOne({ where: { tokenHash, expiresAt } })`. Its "not found" says
 * the token is wrong, not whether an account exists.
 */
function isTokenKeyedLookup(tsApi: TsApi, call: ts.CallExpression): boolean {
  const keys: string[] = [];
  const collect = (arg: ts.Expression, depth: number): void => {
    const object = skipOuterExpressions(tsApi, arg);
    if (!tsApi.isObjectLiteralExpression(object) || depth > 2) return;
    for (const prop of object.properties) {
      const key = prop.name ? getPropertyNameText(tsApi, prop.name) : undefined;
      if (key === undefined) continue;
      if (key === 'where' && tsApi.isPropertyAssignment(prop)) collect(prop.initializer, depth + 1);
      else keys.push(key);
    }
  };
  let expr: ts.Expression = call;
  for (let depth = 0; depth < 8 && tsApi.isCallExpression(expr); depth++) {
    for (const arg of expr.arguments) collect(arg, 0);
    const callee = skipOuterExpressions(tsApi, expr.expression);
    if (!tsApi.isPropertyAccessExpression(callee)) break;
    expr = skipOuterExpressions(tsApi, callee.expression);
  }
  return keys.some((key) => TOKEN_KEY.test(key)) && !keys.some((key) => IDENTITY_KEY.test(key));
}

/** `bcrypt.compare(pw, hash)`, `argon2.verify(hash, pw)`, `crypto.timingSafeEqual(a, b)`, `user.comparePassword(pw)`. */
export function isPasswordCheck(tsApi: TsApi, expression: ts.Expression): boolean {
  const expr = skipOuterExpressions(tsApi, expression);
  if (!tsApi.isCallExpression(expr)) return false;
  const callee = skipOuterExpressions(tsApi, expr.expression);
  const method = tsApi.isPropertyAccessExpression(callee) ? callee.name.text : tsApi.isIdentifier(callee) ? callee.text : undefined;
  if (!method) return false;
  if (findPasswordCheckMethod(method)) return true;
  if (!COMPARATOR_NAME.test(method)) return false;
  const path = getModulePath(tsApi, callee);
  if (path?.module && !path.local) {
    const exported = path.path.split('.').pop() ?? '';
    if (findPasswordComparator(path.module, exported === '' ? 'default' : exported)) return true;
  }
  if (tsApi.isPropertyAccessExpression(callee)) {
    const receiver = skipOuterExpressions(tsApi, callee.expression);
    if (tsApi.isIdentifier(receiver) && PASSWORD_LIBRARY_RECEIVERS.includes(receiver.text) && /^(compare|compareSync|verify|verifySync|timingSafeEqual)$/.test(method)) {
      return true;
    }
  }
  return false;
}

/** Cheap pre-filter: library comparators are all named like these. */
const COMPARATOR_NAME = /^(compare|compareSync|verify|verifySync|timingSafeEqual)$/;

type AccountTest = { readonly kind: 'account' | 'password'; readonly present: boolean };

/**
 * What an `if` condition tests, when it tests exactly one thing: the lookup result's absence
 * (`!user`, `user == null`, `user === undefined`) or presence (`user`, `user !== null`), or a
 * password check's failure (`!ok`, `ok === false`, `!(await bcrypt.compare(...))`) or success.
 * Combined conditions (`!user || !ok`) answer both cases at once and test nothing here.
 */
function readAccountTest(
  tsApi: TsApi,
  condition: ts.Expression,
  lookups: ReadonlySet<ts.Identifier>,
  passwordChecks: ReadonlySet<ts.Identifier>,
): AccountTest | undefined {
  let expr = skipOuterExpressions(tsApi, condition);
  let present = true;
  while (tsApi.isPrefixUnaryExpression(expr) && expr.operator === tsApi.SyntaxKind.ExclamationToken) {
    present = !present;
    expr = skipOuterExpressions(tsApi, expr.operand);
  }
  if (tsApi.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    const equal = op === tsApi.SyntaxKind.EqualsEqualsEqualsToken || op === tsApi.SyntaxKind.EqualsEqualsToken;
    const notEqual = op === tsApi.SyntaxKind.ExclamationEqualsEqualsToken || op === tsApi.SyntaxKind.ExclamationEqualsToken;
    if (!equal && !notEqual) return undefined;
    const right = skipOuterExpressions(tsApi, expr.right);
    const left = skipOuterExpressions(tsApi, expr.left);
    // user.password !== req.body.password: a plaintext (or pre-hashed) comparison
    if (isPasswordRead(tsApi, left) && isPasswordRead(tsApi, right)) return { kind: 'password', present: present === equal };
    const [subject, literal] = isLiteralOperand(tsApi, right) ? [left, right] : isLiteralOperand(tsApi, left) ? [right, left] : [undefined, undefined];
    if (!subject || !literal) return undefined;
    const isNullish = literal.kind === tsApi.SyntaxKind.NullKeyword || (tsApi.isIdentifier(literal) && literal.text === 'undefined');
    const isFalse = literal.kind === tsApi.SyntaxKind.FalseKeyword;
    const isTrue = literal.kind === tsApi.SyntaxKind.TrueKeyword;
    const inner = readAccountTest(tsApi, subject, lookups, passwordChecks);
    if (!inner) return undefined;
    if (inner.kind === 'account' && isNullish) return { kind: 'account', present: present === notEqual };
    if (inner.kind === 'password' && (isFalse || isTrue)) return { kind: 'password', present: present === (equal === isTrue) };
    return undefined;
  }
  if (tsApi.isIdentifier(expr)) {
    const binding = resolveIdentifier(tsApi, expr);
    if (binding && lookups.has(binding.name)) return { kind: 'account', present };
    if (binding && passwordChecks.has(binding.name)) return { kind: 'password', present };
    return undefined;
  }
  if (isPasswordCheck(tsApi, expr)) return { kind: 'password', present };
  return undefined;
}

/** `user.password`, `req.body.password`, `passwordHash`, `hashed`: a read named like a password or its hash. */
function isPasswordRead(tsApi: TsApi, expr: ts.Expression): boolean {
  const path = getAccessPath(tsApi, expr);
  const last = path?.split('.').pop();
  return last !== undefined && /^(pass(word)?|pwd|passwd|password_?hash|hashed_?password|hash(ed)?|pass_?hash)$/i.test(last);
}

function isLiteralOperand(tsApi: TsApi, expr: ts.Expression): boolean {
  return (
    expr.kind === tsApi.SyntaxKind.NullKeyword ||
    expr.kind === tsApi.SyntaxKind.TrueKeyword ||
    expr.kind === tsApi.SyntaxKind.FalseKeyword ||
    (tsApi.isIdentifier(expr) && expr.text === 'undefined')
  );
}

/** The first answer a branch gives, in source order (nested functions excluded). */
export function getFirstAnswer(tsApi: TsApi, branch: ts.Node, endpoint: AccountEndpoint): BranchAnswer | undefined {
  let answer: BranchAnswer | undefined;
  walkFunctionBody(tsApi, branch, (node) => {
    if (answer) return false;
    if (node !== branch && isFunctionLike(tsApi, node)) return false;
    answer = readAnswer(tsApi, node, endpoint);
    return answer ? false : undefined;
  });
  return answer;
}

/** The last answer in `fn` after `after` and outside it: the known-account answer of a reset. */
export function getLastAnswerAfter(tsApi: TsApi, endpoint: AccountEndpoint, after: ts.Node): BranchAnswer | undefined {
  let answer: BranchAnswer | undefined;
  walkDescendants(tsApi, endpoint.fn.body!, (node) => {
    if (node === after) return false;
    if (node.pos < after.end) return;
    const found = readAnswer(tsApi, node, endpoint);
    if (found) {
      answer = found;
      return false;
    }
    return;
  });
  return answer;
}

/** The answer a node gives, if it is one. */
function readAnswer(tsApi: TsApi, node: ts.Node, endpoint: AccountEndpoint): BranchAnswer | undefined {
  if (tsApi.isThrowStatement(node)) return readThrownAnswer(tsApi, node);
  if (tsApi.isReturnStatement(node) && node.expression) {
    const sink = getResponseSinkOfNode(tsApi, node);
    if (sink?.kind === 'return') return makeAnswer(node, undefined, 'default', describeValue(tsApi, node.expression));
    return undefined;
  }
  if (!tsApi.isCallExpression(node)) return undefined;
  const callee = skipOuterExpressions(tsApi, node.expression);
  // res.sendStatus(404)
  if (tsApi.isPropertyAccessExpression(callee) && callee.name.text === 'sendStatus' && isResponseObject(tsApi, callee.expression)) {
    const status = readStatus(tsApi, node.arguments[0]);
    return makeAnswer(node, status, status === undefined ? undefined : String(status), { key: '', text: undefined });
  }
  const sink = getResponseSinkOfNode(tsApi, node);
  if (sink && (sink.kind === 'send' || sink.kind === 'render')) {
    const status = readChainStatus(tsApi, node);
    const value = sink.payload[0];
    return makeAnswer(node, status, status === undefined ? '200' : String(status), value ? describeValue(tsApi, value) : { key: '', text: undefined });
  }
  const helper = getErrorResponseAt(tsApi, node);
  if (helper) {
    const value = helper.values[0]?.expression;
    return makeAnswer(node, helper.status, helper.status === undefined ? helper.label : String(helper.status), value ? describeValue(tsApi, value) : { key: '', text: undefined });
  }
  // next(createError(404, 'User not found'))
  if (tsApi.isIdentifier(callee) && node.arguments.length === 1) {
    const created = readHttpErrorsCall(tsApi, node.arguments[0]!);
    if (created) return { ...created, node };
  }
  // done(null, false, { message: 'Incorrect password.' })
  if (tsApi.isIdentifier(callee) && isVerifyCallback(tsApi, callee, endpoint)) {
    const [error, user, info] = node.arguments;
    if (error && skipOuterExpressions(tsApi, error).kind === tsApi.SyntaxKind.NullKeyword && user && skipOuterExpressions(tsApi, user).kind === tsApi.SyntaxKind.FalseKeyword) {
      return makeAnswer(node, undefined, 'done', info ? describeValue(tsApi, info) : { key: '', text: '' });
    }
  }
  return undefined;
}

/** `throw new NotFoundException('...')`, `throw createError(401, '...')`, `throw new UnauthorizedError('...')`. */
function readThrownAnswer(tsApi: TsApi, statement: ts.ThrowStatement): BranchAnswer | undefined {
  const thrown = skipOuterExpressions(tsApi, statement.expression);
  const created = readHttpErrorsCall(tsApi, thrown);
  if (created) return { ...created, node: statement };
  if (!tsApi.isNewExpression(thrown)) return undefined;
  const exception = getErrorResponseAt(tsApi, thrown);
  if (exception) {
    const value = exception.values[0]?.expression;
    const statusKey = exception.status === undefined ? exception.label : String(exception.status);
    return makeAnswer(statement, exception.status, statusKey, value ? describeValue(tsApi, value) : { key: '', text: undefined });
  }
  // An app error class with a literal message (not a built-in Error: the error handler decides those).
  const callee = skipOuterExpressions(tsApi, thrown.expression);
  if (!tsApi.isIdentifier(callee) || /^(Error|TypeError|RangeError|SyntaxError|ReferenceError)$/.test(callee.text)) return undefined;
  const arg = thrown.arguments?.[0];
  const text = arg ? getStaticString(tsApi, skipOuterExpressions(tsApi, arg)) : undefined;
  if (text === undefined) return undefined;
  return { node: statement, key: `${callee.text}|${text}`, display: `${callee.text} "${text}"` };
}

/** `createError(404, 'User not found')`, `new createError.NotFound('...')` of `http-errors`. */
function readHttpErrorsCall(tsApi: TsApi, expression: ts.Expression): BranchAnswer | undefined {
  const expr = skipOuterExpressions(tsApi, expression);
  if (!tsApi.isCallExpression(expr)) return undefined;
  const path = getModulePath(tsApi, expr.expression);
  if (path?.module !== 'http-errors' || path.path !== '') return undefined;
  const status = readStatus(tsApi, expr.arguments[0]);
  const text = expr.arguments[1] ? getStaticString(tsApi, skipOuterExpressions(tsApi, expr.arguments[1])) : '';
  if (status === undefined || text === undefined) return undefined;
  return { node: expr, key: `${status}|${text}`, display: `${status} "${text}"` };
}

/** The last parameter of a Passport verify function (`done`, `cb`). */
function isVerifyCallback(tsApi: TsApi, id: ts.Identifier, endpoint: AccountEndpoint): boolean {
  const params = endpoint.fn.parameters;
  const last = params[params.length - 1];
  if (!last || !tsApi.isIdentifier(last.name) || params.length < 3) return false;
  return resolveIdentifier(tsApi, id)?.name === last.name;
}

interface ValueDescription {
  /** Equal keys mean equal answers; `undefined` when the value is not known. */
  readonly key: string | undefined;
  readonly text: string | undefined;
}

/** The static text of a value, or the shared constant it names. */
function describeValue(tsApi: TsApi, expression: ts.Expression): ValueDescription {
  const text = getStaticAnswerText(tsApi, expression);
  if (text !== undefined) return { key: `t:${text}`, text };
  const expr = skipOuterExpressions(tsApi, expression);
  if (tsApi.isIdentifier(expr)) {
    const binding = resolveIdentifier(tsApi, expr);
    const decl = binding?.declaration;
    if (decl && tsApi.isVariableDeclaration(decl) && decl.initializer) {
      const constant = getStaticAnswerText(tsApi, decl.initializer);
      if (constant !== undefined) return { key: `t:${constant}`, text: constant };
    }
    if (binding) return { key: `r:${binding.name.pos}:${binding.name.text}`, text: expr.text };
  }
  return { key: undefined, text: undefined };
}

function makeAnswer(node: ts.Node, status: number | undefined, statusKey: string | undefined, value: ValueDescription): BranchAnswer {
  const key = statusKey === undefined || value.key === undefined ? undefined : `${statusKey}|${value.key}`;
  const parts: string[] = [];
  if (status !== undefined) parts.push(String(status));
  if (value.text !== undefined) parts.push(value.key?.startsWith('r:') ? value.text : JSON.stringify(value.text));
  return { node, key, display: parts.join(' ') || '(no message)' };
}
