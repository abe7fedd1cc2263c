/**
 * The per-function abstract interpreter of the flow engine. It runs once per function (and once for
 * the module's top-level code) in statement order, with the function's parameters as symbolic taints,
 * and records facts the engine combines across functions and files:
 *
 * - sink hits: the value (sources and parameter taints) reaching each sink target of the rule;
 * - the returned value (a summary: parameter to return);
 * - the argument values at resolved calls and at callbacks (so callees learn what enters them);
 * - the environment at each nested function's definition (closures read it);
 * - guard summaries: which parameter taints are proven clean when the function returns true/false,
 *   and which are clean at every normal exit (assertion helpers that throw).
 *
 * Control flow is structured: `if`/`else`, loops (re-run once when taint grows), `try`/`catch`/
 * `finally`, `switch`, `return`/`throw`/`break`/`continue` end a path. Guards apply to the branch
 * they dominate and, after `if (!check) return/throw`, to the rest of the block.
 *
 * Recursion depth is bounded: past `MAX_DEPTH` nested expressions or statements the interpreter
 * stops descending (and finds nothing there) instead of overflowing the stack.
 */
import type * as ts from 'typescript';
import type { AnalysisContext, TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getCalleeName, getPropertyNameText, getShortText, getStaticString, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import type { RequestInputKind } from '../catalog/request-inputs.js';
import { getHandlerParameterRole } from '../model/handlers.js';
import { getNestParameterInput, getRequestMethodKind, getRequestObjectHandler, getRequestPropertyKind, isRequestInputKind, REQUEST_WRAPPER_PROPERTIES } from '../model/request-sources.js';
import { getClientResponseSource } from './client-responses.js';
import { guardFacts, type GuardCallSummary, type GuardFacts, type GuardHost, type TaintSet } from './guards.js';
import { getModulePath } from './module-paths.js';
import {
  CLEAN_PROPERTIES,
  CLEAN_RESULT_METHODS,
  ELEMENT_CALLBACK_METHODS,
  MUTATING_METHODS,
  URL_HOST_PROPERTIES,
  URL_PATH_PROPERTIES,
  findPropagationStep,
  findValidationMethodStep,
  type StepEffect,
} from './propagation-steps.js';
import type { FlowApi, FlowSpec, SinkTarget, SourceInfo } from './spec.js';
import { placeUrlPart, positionsOfPieces, type UrlPart, type UrlPiece } from './url-parts.js';
import {
  CLEAN,
  allTaints,
  idOf,
  isClean,
  joinAll,
  joinValues,
  placeValue,
  projectAnyField,
  projectField,
  taintKey,
  taintedValue,
  transformValue,
  withoutTaintKeys,
  UNKNOWN_KEY_FIELD,
  type AbsValue,
  type RequestObjectMarker,
  type Taint,
} from './values.js';

/** A unit of analysis: a function, or a file's top-level code. */
export type FunctionUnit = ts.FunctionLikeDeclaration | ts.SourceFile;

export interface SinkHit {
  readonly target: SinkTarget;
  /** The value at the target (after `access`), with source and parameter taints. */
  readonly value: AbsValue;
}

export interface FunctionFacts {
  readonly unit: FunctionUnit;
  readonly sinks: SinkHit[];
  returns: AbsValue;
  /** Argument values at calls whose target the analysis resolved. */
  readonly calls: Map<ts.CallExpression, readonly AbsValue[]>;
  /** Values passed to callbacks (`arr.map(cb)`, `p.then(cb)`), by the callback function. */
  readonly callbackArgs: Map<ts.Node, readonly AbsValue[]>;
  /** The visible variables (non-clean only) when each nested function was defined. */
  readonly closureEnvs: Map<ts.Node, ReadonlyMap<ts.Node, AbsValue>>;
  /** Parameter taints proven clean when the function returns true / false. */
  guard: GuardCallSummary;
  /** Parameter taints proven clean at every normal exit (assertion helpers). */
  exitSanitizes: readonly Taint[];
  complete: boolean;
}

export interface InterpreterHost {
  readonly ts: TsApi;
  readonly spec: FlowSpec;
  readonly ctx: AnalysisContext;
  readonly project: ProjectIndex | undefined;
  readonly requestKinds: ReadonlySet<RequestInputKind>;
  /** Facts of another unit (possibly still in progress, for recursion). */
  factsOf(unit: FunctionUnit): FunctionFacts;
  /** The function a call runs, when the analysis can follow it. */
  callTarget(call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined;
  /** The function an expression refers to (`.then(handle)`). */
  functionReference(expr: ts.Expression): ts.FunctionLikeDeclaration | undefined;
  /** Settings sanitizers: the call's result is clean. */
  isSanitizerCall(call: ts.CallExpression): boolean;
}

const MAX_DEPTH = 250;
/** `+x`, `-x`, `~x`: numbers as large as their operand (with `FlowSpec.arithmeticKeepsTaint`). */
const ARITHMETIC_PREFIX_TOKENS = ['PlusToken', 'MinusToken', 'TildeToken'] as const;
/** `*`, `-`, `/`, `%`, `**`, `|`, `&`, `^`, `<<`, `>>`, `>>>` (with `FlowSpec.arithmeticKeepsTaint`). */
const ARITHMETIC_BINARY_TOKENS = [
  'AsteriskToken',
  'MinusToken',
  'SlashToken',
  'PercentToken',
  'AsteriskAsteriskToken',
  'BarToken',
  'AmpersandToken',
  'CaretToken',
  'LessThanLessThanToken',
  'GreaterThanGreaterThanToken',
  'GreaterThanGreaterThanGreaterThanToken',
] as const;

function isTokenOf(tsApi: TsApi, kind: ts.SyntaxKind, names: readonly (keyof typeof ts.SyntaxKind)[]): boolean {
  return names.some((name) => tsApi.SyntaxKind[name] === kind);
}
const TOP = 'top' as const;

export function createFacts(unit: FunctionUnit): FunctionFacts {
  return {
    unit,
    sinks: [],
    returns: CLEAN,
    calls: new Map(),
    callbackArgs: new Map(),
    closureEnvs: new Map(),
    guard: { whenTrue: [], whenFalse: [] },
    exitSanitizes: [],
    complete: false,
  };
}

/** A source taint of a fresh read. */
export function sourceTaint(source: SourceInfo): Taint {
  return { origin: { kind: 'source', source }, path: [], part: 'whole', steps: [], refinable: true };
}

/** The value of a field read, request objects included (`req.body` is a source). */
export function readMember(
  tsApi: TsApi,
  value: AbsValue,
  name: string,
  node: ts.Node,
  requestKinds: ReadonlySet<RequestInputKind>,
): AbsValue {
  if (value.request) return readRequestMember(value.request, name, node, requestKinds);
  // `size` of raw input (`req.query.size`, a page size) is the client's field, not a collection's count.
  if (CLEAN_PROPERTIES.has(name) && !(name === 'size' && value.taints.some((t) => t.refinable && t.origin.kind === 'source'))) return CLEAN;
  void tsApi;
  // The pathname, search or hash of a parsed URL starts with `/`, `?` or `#`: appended to any
  // prefix it stays in the path. (Raw request fields named like that are still refinable.)
  if (URL_PATH_PROPERTIES.has(name) && !value.fields?.has(name) && value.taints.length > 0 && value.taints.every((t) => !t.refinable)) {
    return taintedValue(placeValue(value, 'path'));
  }
  return projectField(value, name);
}

function readRequestMember(marker: RequestObjectMarker, name: string, node: ts.Node, requestKinds: ReadonlySet<RequestInputKind>): AbsValue {
  if (REQUEST_WRAPPER_PROPERTIES.includes(name)) {
    return { taints: [], request: { ...marker, label: marker.label === '' ? name : `${marker.label}.${name}` } };
  }
  const kind = getRequestPropertyKind(name);
  if (!kind || !requestKinds.has(kind)) return CLEAN;
  return taintedValue([
    sourceTaint({
      node,
      // The marker's node is shallow; walking up from a deeply nested read would cost its depth.
      file: marker.node.getSourceFile(),
      kind,
      label: marker.label === '' ? name : `${marker.label}.${name}`,
      route: marker.handler.route,
      key: `r${idOf(marker.handler.fn)}.${name}`,
    }),
  ]);
}

/** Variables of one path through a function. Only non-clean values matter; a miss reads as clean. */
class Env {
  constructor(
    readonly vars: Map<ts.Node, AbsValue>,
    readonly sanitized: Map<string, Taint>,
    readonly outer: ReadonlyMap<ts.Node, AbsValue> | undefined,
  ) {}

  get(id: ts.Node): AbsValue {
    return this.vars.get(id) ?? this.outer?.get(id) ?? CLEAN;
  }

  set(id: ts.Node, value: AbsValue): void {
    this.vars.set(id, value);
  }

  clone(): Env {
    return new Env(new Map(this.vars), new Map(this.sanitized), this.outer);
  }

  sanitize(keys: TaintSet): void {
    if (keys.size === 0) return;
    const keySet = new Set(keys.keys());
    for (const [id, value] of this.vars) this.vars.set(id, withoutTaintKeys(value, keySet));
    if (this.outer) {
      for (const [id, value] of this.outer) {
        if (!this.vars.has(id)) this.vars.set(id, withoutTaintKeys(value, keySet));
      }
    }
    for (const [key, taint] of keys) this.sanitized.set(key, taint);
  }

  snapshot(): Map<ts.Node, AbsValue> {
    const out = new Map<ts.Node, AbsValue>();
    if (this.outer) for (const [id, value] of this.outer) if (!this.vars.has(id)) out.set(id, value);
    for (const [id, value] of this.vars) if (!isClean(value)) out.set(id, value);
    return out;
  }

  signature(): number {
    let n = 0;
    for (const value of this.vars.values()) n += allTaints(value).length + (value.request ? 1 : 0);
    return n;
  }
}

function joinEnvs(a: Env | undefined, b: Env | undefined): Env | undefined {
  if (!a) return b;
  if (!b) return a;
  const vars = new Map<ts.Node, AbsValue>();
  const keys = new Set([...a.vars.keys(), ...b.vars.keys()]);
  for (const key of keys) vars.set(key, joinValues(a.get(key), b.get(key)));
  const sanitized = new Map<string, Taint>();
  for (const [key, taint] of a.sanitized) if (b.sanitized.has(key)) sanitized.set(key, taint);
  return new Env(vars, sanitized, a.outer);
}

interface LoopFrame {
  readonly breaks: Env[];
  readonly continues: Env[];
  readonly isSwitch: boolean;
}

type GuardSet = Map<string, Taint> | typeof TOP;

/** Runs the interpreter over one unit and fills `facts`. */
export function interpretUnit(host: InterpreterHost, unit: FunctionUnit, facts: FunctionFacts, outer: ReadonlyMap<ts.Node, AbsValue> | undefined): void {
  new Interpreter(host, unit, facts).run(outer);
}

class Interpreter {
  private readonly tsApi: TsApi;
  private depth = 0;
  private recording = true;
  private env: Env = new Env(new Map(), new Map(), undefined);
  private readonly loops: LoopFrame[] = [];
  private loopDepth = 0;
  private readonly values = new Map<ts.Node, AbsValue>();
  private readonly returnGuards: { whenTrue: GuardSet; whenFalse: GuardSet }[] = [];
  private readonly exitSanitized: Map<string, Taint>[] = [];
  private readonly api: FlowApi;
  private readonly guardHost: GuardHost;

  constructor(
    private readonly host: InterpreterHost,
    private readonly unit: FunctionUnit,
    private readonly facts: FunctionFacts,
  ) {
    this.tsApi = host.ts;
    this.api = {
      ts: host.ts,
      ctx: host.ctx,
      sourceFile: unit.getSourceFile(),
      modulePathOf: (expr) => getModulePath(host.ts, expr, host.project),
      isTainted: (expr) => allTaints(this.valueOf(expr)).length > 0,
    };
    this.guardHost = {
      ts: host.ts,
      valueOf: (expr) => this.valueOf(expr),
      check: (cond) => host.spec.barrierGuard?.(cond, this.api),
      callGuard: (call) => this.callGuard(call),
    };
  }

  run(outer: ReadonlyMap<ts.Node, AbsValue> | undefined): void {
    const tsApi = this.tsApi;
    this.env = new Env(new Map(), new Map(), outer);
    const unit = this.unit;
    if (tsApi.isSourceFile(unit)) {
      const out = this.execStatements(unit.statements, this.env);
      void out;
      this.finish(undefined);
      return;
    }
    unit.parameters.forEach((param, index) => {
      this.bindName(param.name, this.parameterValue(param, index), this.env);
    });
    const body = unit.body;
    if (!body) {
      this.finish(undefined);
      return;
    }
    if (tsApi.isBlock(body)) {
      const out = this.execStatements(body.statements, this.env);
      this.finish(out);
      return;
    }
    // Concise arrow body: returns its expression.
    const value = this.evaluate(body, this.env);
    this.checkSinks(unit, this.env);
    this.recordReturn(body, value, this.env);
    this.finish(undefined);
  }

  private finish(fallthrough: Env | undefined): void {
    if (fallthrough) {
      this.exitSanitized.push(new Map(fallthrough.sanitized));
      this.returnGuards.push({ whenTrue: TOP, whenFalse: this.paramTaints(fallthrough.sanitized) });
    }
    this.facts.exitSanitizes = this.paramList(intersectAll(this.exitSanitized));
    const whenTrue = intersectGuardSets(this.returnGuards.map((r) => r.whenTrue));
    const whenFalse = intersectGuardSets(this.returnGuards.map((r) => r.whenFalse));
    this.facts.guard = {
      whenTrue: whenTrue === TOP ? [] : this.paramList(whenTrue),
      whenFalse: whenFalse === TOP ? [] : this.paramList(whenFalse),
    };
  }

  private paramTaints(set: ReadonlyMap<string, Taint>): Map<string, Taint> {
    const out = new Map<string, Taint>();
    for (const [key, t] of set) if (t.origin.kind === 'param' && t.origin.fn === this.unit) out.set(key, t);
    return out;
  }

  private paramList(set: ReadonlyMap<string, Taint> | undefined): Taint[] {
    return set ? [...this.paramTaints(set).values()] : [];
  }

  // ---------------------------------------------------------------- parameters and bindings

  private parameterValue(param: ts.ParameterDeclaration, index: number): AbsValue {
    const tsApi = this.tsApi;
    const host = this.host;
    // A destructured request (`({ body }, res) => ...`) labels its reads by the bound name (`body.url`).
    const name = tsApi.isIdentifier(param.name) ? param.name.text : '';
    const handler = getRequestObjectHandler(tsApi, param);
    if (handler) return { taints: [], request: { handler, node: param, label: name } };
    const nest = getNestParameterInput(tsApi, param);
    if (nest) {
      if (isRequestInputKind(nest.reads) && host.requestKinds.has(nest.reads)) {
        return taintedValue([
          sourceTaint({ node: param, file: param.getSourceFile(), kind: nest.reads, label: nest.label, route: nest.handler.route, key: `n${idOf(param)}` }),
        ]);
      }
      return CLEAN;
    }
    if (host.spec.sources.caughtErrors && getHandlerParameterRole(tsApi, param)?.role === 'error') {
      return taintedValue([sourceTaint({ node: param, file: param.getSourceFile(), kind: 'caught-error', label: name })]);
    }
    const role = getHandlerParameterRole(tsApi, param)?.role;
    if (role === 'response' || role === 'next') return CLEAN;
    return taintedValue([{ origin: { kind: 'param', fn: this.unit, index }, path: [], part: 'whole', steps: [], refinable: true }]);
  }

  private bindName(name: ts.BindingName, value: AbsValue, env: Env): void {
    const tsApi = this.tsApi;
    if (tsApi.isIdentifier(name)) {
      env.set(name, value);
      return;
    }
    if (tsApi.isObjectBindingPattern(name)) {
      for (const element of name.elements) {
        if (element.dotDotDotToken) {
          this.bindName(element.name, value, env);
          continue;
        }
        const key = element.propertyName ? getPropertyNameText(tsApi, element.propertyName) : tsApi.isIdentifier(element.name) ? element.name.text : undefined;
        let field = key === undefined ? projectAnyField(value) : readMember(tsApi, value, key, element, this.host.requestKinds);
        if (element.initializer) field = joinValues(field, this.evaluate(element.initializer, env));
        this.bindName(element.name, field, env);
      }
      return;
    }
    name.elements.forEach((element, index) => {
      if (tsApi.isOmittedExpression(element)) return;
      let field = element.dotDotDotToken ? value : (value.fields?.get(String(index)) ?? elementOf(value));
      if (element.initializer) field = joinValues(field, this.evaluate(element.initializer, env));
      this.bindName(element.name, field, env);
    });
  }

  // ---------------------------------------------------------------- statements

  private execStatements(statements: readonly ts.Statement[], env: Env): Env | undefined {
    let current: Env | undefined = env;
    for (const statement of statements) {
      if (!current) return undefined;
      current = this.exec(statement, current);
    }
    return current;
  }

  private exec(statement: ts.Statement, env: Env): Env | undefined {
    if (this.depth > MAX_DEPTH) return env;
    this.depth++;
    try {
      this.env = env;
      return this.execInner(statement, env);
    } finally {
      this.depth--;
    }
  }

  private execInner(statement: ts.Statement, env: Env): Env | undefined {
    const tsApi = this.tsApi;
    if (tsApi.isBlock(statement)) return this.execStatements(statement.statements, env);
    if (tsApi.isExpressionStatement(statement)) {
      this.evaluate(statement.expression, env);
      // assert(check), assert.ok(check), invariant(check): throws unless the check holds.
      const condition = getAssertedCondition(tsApi, statement.expression);
      if (condition) applyGuard(env, guardFacts(this.guardHost, condition, true), true);
      this.applyUnknownAssertion(statement.expression, env);
      return env;
    }
    if (tsApi.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const value = decl.initializer ? this.evaluate(decl.initializer, env) : CLEAN;
        this.bindName(decl.name, value, env);
      }
      return env;
    }
    if (tsApi.isReturnStatement(statement)) {
      const value = statement.expression ? this.evaluate(statement.expression, env) : CLEAN;
      this.checkSinks(statement, env);
      this.recordReturn(statement.expression, value, env);
      return undefined;
    }
    if (tsApi.isThrowStatement(statement)) {
      this.evaluate(statement.expression, env);
      this.checkSinks(statement, env);
      return undefined;
    }
    if (tsApi.isIfStatement(statement)) return this.execIf(statement, env);
    if (tsApi.isTryStatement(statement)) return this.execTry(statement, env);
    if (tsApi.isSwitchStatement(statement)) return this.execSwitch(statement, env);
    if (tsApi.isBreakStatement(statement) || tsApi.isContinueStatement(statement)) {
      const frame = this.loops[this.loops.length - 1];
      if (frame) {
        if (tsApi.isContinueStatement(statement) && !frame.isSwitch) frame.continues.push(env);
        else frame.breaks.push(env);
      }
      return undefined;
    }
    if (
      tsApi.isForStatement(statement) ||
      tsApi.isForOfStatement(statement) ||
      tsApi.isForInStatement(statement) ||
      tsApi.isWhileStatement(statement) ||
      tsApi.isDoStatement(statement)
    ) {
      return this.execLoop(statement, env);
    }
    if (tsApi.isLabeledStatement(statement)) return this.exec(statement.statement, env);
    if (tsApi.isFunctionDeclaration(statement)) {
      this.facts.closureEnvs.set(statement, env.snapshot());
      return env;
    }
    if (tsApi.isClassDeclaration(statement)) {
      this.recordClass(statement, env);
      return env;
    }
    return env;
  }

  private execIf(statement: ts.IfStatement, env: Env): Env | undefined {
    const cond = statement.expression;
    this.evaluate(cond, env);
    const whenTrue = guardFacts(this.guardHost, cond, true);
    const whenFalse = guardFacts(this.guardHost, cond, false);
    const unknownApplies = alwaysExits(this.tsApi, statement.thenStatement) || (!!statement.elseStatement && alwaysExits(this.tsApi, statement.elseStatement));
    const thenEnv = env.clone();
    applyGuard(thenEnv, whenTrue, unknownApplies);
    const elseEnv = env.clone();
    applyGuard(elseEnv, whenFalse, unknownApplies);
    const thenOut = this.exec(statement.thenStatement, thenEnv);
    const elseOut = statement.elseStatement ? this.exec(statement.elseStatement, elseEnv) : elseEnv;
    return joinEnvs(thenOut, elseOut);
  }

  private execTry(statement: ts.TryStatement, env: Env): Env | undefined {
    const tryOut = this.exec(statement.tryBlock, env.clone());
    let after = tryOut;
    if (statement.catchClause) {
      // The exception may come from anywhere in the try block.
      // A join builds fresh maps, so only the no-join case needs a copy.
      const catchEnv = tryOut ? joinEnvs(env, tryOut)! : env.clone();
      const decl = statement.catchClause.variableDeclaration;
      if (decl) {
        const value = this.host.spec.sources.caughtErrors
          ? taintedValue([sourceTaint({ node: decl, file: decl.getSourceFile(), kind: 'caught-error', label: decl.name.getText() })])
          : CLEAN;
        this.bindName(decl.name, value, catchEnv);
      }
      const catchOut = this.exec(statement.catchClause.block, catchEnv);
      after = joinEnvs(tryOut, catchOut);
    }
    if (statement.finallyBlock) {
      const finallyOut = this.exec(statement.finallyBlock, (after ?? env).clone());
      if (!finallyOut) return undefined;
      return after ? finallyOut : undefined;
    }
    return after;
  }

  private execSwitch(statement: ts.SwitchStatement, env: Env): Env | undefined {
    this.evaluate(statement.expression, env);
    const frame: LoopFrame = { breaks: [], continues: [], isSwitch: true };
    this.loops.push(frame);
    let fallthrough: Env | undefined;
    let hasDefault = false;
    try {
      // `case 'a.example.com':` proves the discriminant equals a clean value in that clause.
      const discriminant = allTaints(this.valueOf(statement.expression));
      for (const clause of statement.caseBlock.clauses) {
        const entry = env.clone();
        if (this.tsApi.isDefaultClause(clause)) hasDefault = true;
        else if (isClean(this.evaluate(clause.expression, env))) entry.sanitize(new Map(discriminant.map((t) => [taintKey(t), t])));
        const clauseEnv = joinEnvs(entry, fallthrough) ?? entry;
        fallthrough = this.execStatements(clause.statements, clauseEnv.clone());
      }
    } finally {
      this.loops.pop();
    }
    let out = fallthrough;
    for (const b of frame.breaks) out = joinEnvs(out, b);
    if (!hasDefault) out = joinEnvs(out, env);
    return out;
  }

  private execLoop(
    statement: ts.ForStatement | ts.ForOfStatement | ts.ForInStatement | ts.WhileStatement | ts.DoStatement,
    env: Env,
  ): Env | undefined {
    const tsApi = this.tsApi;
    let head = env;
    if (tsApi.isForStatement(statement) && statement.initializer) {
      if (tsApi.isVariableDeclarationList(statement.initializer)) {
        for (const decl of statement.initializer.declarations) {
          this.bindName(decl.name, decl.initializer ? this.evaluate(decl.initializer, head) : CLEAN, head);
        }
      } else {
        this.evaluate(statement.initializer, head);
      }
    }
    const frame: LoopFrame = { breaks: [], continues: [], isSwitch: false };
    this.loops.push(frame);
    this.loopDepth++;
    try {
      const iterations = this.loopDepth > 3 ? 1 : 2;
      for (let i = 0; i < iterations; i++) {
        const before = head.signature();
        const bodyEnv = head.clone();
        if (tsApi.isForOfStatement(statement) || tsApi.isForInStatement(statement)) {
          const collection = this.evaluate(statement.expression, bodyEnv);
          const item = tsApi.isForOfStatement(statement) ? elementOf(collection) : transformValue(collection);
          const init = statement.initializer;
          if (tsApi.isVariableDeclarationList(init)) {
            for (const decl of init.declarations) this.bindName(decl.name, item, bodyEnv);
          } else {
            this.assign(init, item, bodyEnv);
          }
        } else if (tsApi.isForStatement(statement)) {
          if (statement.condition) this.evaluate(statement.condition, bodyEnv);
        } else {
          this.evaluate(statement.expression, bodyEnv);
        }
        let out = this.exec(statement.statement, bodyEnv);
        for (const c of frame.continues) out = joinEnvs(out, c);
        frame.continues.length = 0;
        if (out && tsApi.isForStatement(statement) && statement.incrementor) this.evaluate(statement.incrementor, out);
        head = joinEnvs(head, out) ?? head;
        if (head.signature() === before) break;
      }
    } finally {
      this.loopDepth--;
      this.loops.pop();
    }
    let out: Env | undefined = head;
    for (const b of frame.breaks) out = joinEnvs(out, b);
    return out;
  }

  private recordClass(cls: ts.ClassLikeDeclaration, env: Env): void {
    const snapshot = env.snapshot();
    for (const member of cls.members) {
      if (isFunctionLike(this.tsApi, member)) this.facts.closureEnvs.set(member, snapshot);
    }
  }

  private recordReturn(expr: ts.Expression | undefined, value: AbsValue, env: Env): void {
    this.facts.returns = joinValues(this.facts.returns, value);
    this.exitSanitized.push(new Map(env.sanitized));
    if (this.tsApi.isSourceFile(this.unit) || this.unit.parameters.length === 0) return;
    const tsApi = this.tsApi;
    const sanitized = this.paramTaints(env.sanitized);
    let whenTrue: GuardSet = new Map(sanitized);
    let whenFalse: GuardSet = new Map(sanitized);
    if (!expr || expr.kind === tsApi.SyntaxKind.FalseKeyword || expr.kind === tsApi.SyntaxKind.NullKeyword) {
      whenTrue = TOP;
    } else if (expr.kind === tsApi.SyntaxKind.TrueKeyword) {
      whenFalse = TOP;
    } else {
      const t = guardFacts(this.guardHost, expr, true);
      const f = guardFacts(this.guardHost, expr, false);
      for (const [k, taint] of this.paramTaints(t.known)) whenTrue.set(k, taint);
      for (const [k, taint] of this.paramTaints(f.known)) whenFalse.set(k, taint);
      // A function that returns a value built from a checked input (`return url` after the check)
      // proves nothing by its truthiness beyond what is sanitized on this path.
    }
    this.returnGuards.push({ whenTrue, whenFalse });
  }

  // ---------------------------------------------------------------- expressions

  /** The value of an expression without recording sinks or changing the environment. */
  valueOf(expr: ts.Expression): AbsValue {
    const cached = this.values.get(expr);
    if (cached) return cached;
    const recording = this.recording;
    this.recording = false;
    const env = this.env.clone();
    try {
      return this.evaluate(expr, env);
    } finally {
      this.recording = recording;
    }
  }

  private evaluate(node: ts.Expression, env: Env): AbsValue {
    if (this.depth > MAX_DEPTH) return CLEAN;
    this.depth++;
    const saved = this.env;
    this.env = env;
    try {
      let value = this.evaluateInner(node, env);
      // A value proven clean on this path stays clean when read again (`if (!ok(req.body)) return;` then `req.body`).
      if (env.sanitized.size > 0 && !isClean(value)) value = withoutTaintKeys(value, new Set(env.sanitized.keys()));
      if (!isClean(value)) this.values.set(node, value);
      else this.values.delete(node);
      return value;
    } finally {
      this.env = saved;
      this.depth--;
    }
  }

  private evaluateInner(node: ts.Expression, env: Env): AbsValue {
    const tsApi = this.tsApi;
    const spec = this.host.spec;
    let expr: ts.Expression = node;
    while (
      tsApi.isParenthesizedExpression(expr) ||
      tsApi.isAsExpression(expr) ||
      tsApi.isTypeAssertionExpression(expr) ||
      tsApi.isNonNullExpression(expr) ||
      tsApi.isSatisfiesExpression(expr) ||
      tsApi.isAwaitExpression(expr)
    ) {
      expr = expr.expression;
    }
    if (expr !== node) {
      const inner = this.evaluate(expr, env);
      return inner;
    }
    if (spec.isSource) {
      const custom = spec.isSource(expr, this.api);
      if (custom) return taintedValue([sourceTaint({ ...custom, file: expr.getSourceFile() })]);
    }
    if (tsApi.isIdentifier(expr)) return this.evaluateIdentifier(expr, env);
    if (tsApi.isStringLiteral(expr) || tsApi.isNoSubstitutionTemplateLiteral(expr) || tsApi.isNumericLiteral(expr)) return CLEAN;
    if (tsApi.isTemplateExpression(expr)) {
      const pieces: { piece: UrlPiece; value?: AbsValue }[] = [{ piece: { text: expr.head.text } }];
      for (const span of expr.templateSpans) {
        pieces.push({ piece: { value: true }, value: this.evaluate(span.expression, env) });
        pieces.push({ piece: { text: span.literal.text } });
      }
      return concatenation(pieces);
    }
    if (tsApi.isBinaryExpression(expr)) return this.evaluateBinary(expr, env);
    if (tsApi.isConditionalExpression(expr)) {
      this.evaluate(expr.condition, env);
      const whenTrue = env.clone();
      applyGuard(whenTrue, guardFacts(this.guardHost, expr.condition, true), true);
      const whenFalse = env.clone();
      applyGuard(whenFalse, guardFacts(this.guardHost, expr.condition, false), true);
      return joinValues(this.evaluate(expr.whenTrue, whenTrue), this.evaluate(expr.whenFalse, whenFalse));
    }
    if (tsApi.isPrefixUnaryExpression(expr) || tsApi.isPostfixUnaryExpression(expr)) {
      const operand = this.evaluate(expr.operand, env);
      if (spec.arithmeticKeepsTaint && tsApi.isPrefixUnaryExpression(expr) && isTokenOf(tsApi, expr.operator, ARITHMETIC_PREFIX_TOKENS)) return transformValue(operand);
      return CLEAN;
    }
    if (tsApi.isTypeOfExpression(expr) || tsApi.isVoidExpression(expr) || tsApi.isDeleteExpression(expr)) {
      this.evaluate(expr.expression, env);
      return CLEAN;
    }
    if (tsApi.isPropertyAccessExpression(expr)) {
      const object = this.evaluate(expr.expression, env);
      return readMember(tsApi, object, expr.name.text, expr, this.host.requestKinds);
    }
    if (tsApi.isElementAccessExpression(expr)) {
      const object = this.evaluate(expr.expression, env);
      const index = this.evaluate(expr.argumentExpression, env);
      const key = getStaticString(tsApi, expr.argumentExpression) ?? (tsApi.isNumericLiteral(expr.argumentExpression) ? expr.argumentExpression.text : undefined);
      if (key !== undefined) return readMember(tsApi, object, key, expr, this.host.requestKinds);
      void index;
      if (object.request) return CLEAN;
      return projectAnyField(object);
    }
    if (tsApi.isCallExpression(expr)) return this.evaluateCall(expr, env);
    if (tsApi.isNewExpression(expr)) return this.evaluateNew(expr, env);
    if (tsApi.isObjectLiteralExpression(expr)) return this.evaluateObject(expr, env);
    if (tsApi.isArrayLiteralExpression(expr)) {
      const fields = new Map<string, AbsValue>();
      const taints: Taint[] = [];
      let tainted = false;
      expr.elements.forEach((element, index) => {
        const spread = tsApi.isSpreadElement(element);
        const value = this.evaluate(spread ? element.expression : element, env);
        if (!spread) fields.set(String(index), value);
        // An element's own taints are the array's; the taints of an element's fields stay in that
        // element (`[{ title: body.title }]` holds one named field, as `{ title: body.title }`
        // does). A spread's elements are not known apart: all its taints are the array's.
        taints.push(...(spread ? allTaints(value) : value.taints).map((t) => ({ ...t, refinable: false })));
        if (!isClean(value)) tainted = true;
      });
      return tainted ? { taints: taints.slice(0, 64), fields } : CLEAN;
    }
    if (tsApi.isSpreadElement(expr)) return this.evaluate(expr.expression, env);
    if (tsApi.isArrowFunction(expr) || tsApi.isFunctionExpression(expr)) {
      this.facts.closureEnvs.set(expr, env.snapshot());
      return CLEAN;
    }
    if (tsApi.isClassExpression(expr)) {
      this.recordClass(expr, env);
      return CLEAN;
    }
    if (tsApi.isYieldExpression(expr)) return expr.expression ? this.evaluate(expr.expression, env) : CLEAN;
    if (tsApi.isTaggedTemplateExpression(expr)) {
      if (tsApi.isTemplateExpression(expr.template)) for (const span of expr.template.templateSpans) this.evaluate(span.expression, env);
      return CLEAN;
    }
    return CLEAN;
  }

  private evaluateIdentifier(id: ts.Identifier, env: Env): AbsValue {
    if (id.text === 'undefined') return CLEAN;
    const binding = resolveIdentifier(this.tsApi, id);
    if (!binding) return CLEAN;
    return env.get(binding.name);
  }

  private evaluateBinary(expr: ts.BinaryExpression, env: Env): AbsValue {
    const tsApi = this.tsApi;
    const op = expr.operatorToken.kind;
    const kinds = tsApi.SyntaxKind;
    if (op === kinds.EqualsToken) {
      const value = this.evaluate(expr.right, env);
      this.assign(expr.left, value, env);
      if (tsApi.isArrayLiteralExpression(skipOuterExpressions(tsApi, expr.right))) this.addElementsToRoot(expr.left, value, env);
      return value;
    }
    if (op === kinds.PlusEqualsToken) {
      const pieces = [
        { piece: pieceOf(tsApi, expr.left), value: this.evaluate(expr.left, env) },
        { piece: pieceOf(tsApi, expr.right), value: this.evaluate(expr.right, env) },
      ];
      const value = concatenation(pieces);
      this.assign(expr.left, value, env);
      return value;
    }
    if (op === kinds.QuestionQuestionEqualsToken || op === kinds.BarBarEqualsToken) {
      const value = joinValues(this.evaluate(expr.left, env), this.evaluate(expr.right, env));
      this.assign(expr.left, value, env);
      return value;
    }
    if (op === kinds.PlusToken) {
      const operands = flattenConcatenation(tsApi, expr);
      return concatenation(operands.map((operand) => ({ piece: pieceOf(tsApi, operand), value: this.evaluate(operand, env) })));
    }
    if (op === kinds.QuestionQuestionToken || op === kinds.BarBarToken) {
      const left = this.evaluate(expr.left, env);
      const rightEnv = env.clone();
      if (op === kinds.BarBarToken) applyGuard(rightEnv, guardFacts(this.guardHost, expr.left, false), true);
      return joinValues(left, this.evaluate(expr.right, rightEnv));
    }
    if (op === kinds.AmpersandAmpersandToken) {
      const left = this.evaluate(expr.left, env);
      const rightEnv = env.clone();
      applyGuard(rightEnv, guardFacts(this.guardHost, expr.left, true), true);
      return joinValues(left.request ? CLEAN : left, this.evaluate(expr.right, rightEnv));
    }
    if (op === kinds.CommaToken) {
      this.evaluate(expr.left, env);
      return this.evaluate(expr.right, env);
    }
    const left = this.evaluate(expr.left, env);
    const right = this.evaluate(expr.right, env);
    if (this.host.spec.arithmeticKeepsTaint && isTokenOf(tsApi, op, ARITHMETIC_BINARY_TOKENS)) return transformValue(joinValues(left, right));
    return CLEAN;
  }

  private assign(target: ts.Expression, value: AbsValue, env: Env): void {
    const tsApi = this.tsApi;
    let left = target;
    while (tsApi.isParenthesizedExpression(left) || tsApi.isAsExpression(left) || tsApi.isNonNullExpression(left)) left = left.expression;
    if (tsApi.isIdentifier(left)) {
      const binding = resolveIdentifier(tsApi, left);
      if (binding) env.set(binding.name, value);
      return;
    }
    if (tsApi.isObjectLiteralExpression(left)) {
      for (const prop of left.properties) {
        if (tsApi.isShorthandPropertyAssignment(prop)) this.assign(prop.name, readMember(tsApi, value, prop.name.text, prop, this.host.requestKinds), env);
        else if (tsApi.isPropertyAssignment(prop)) {
          const key = getPropertyNameText(tsApi, prop.name);
          this.assign(prop.initializer, key === undefined ? projectAnyField(value) : readMember(tsApi, value, key, prop, this.host.requestKinds), env);
        } else if (tsApi.isSpreadAssignment(prop)) this.assign(prop.expression, value, env);
      }
      return;
    }
    if (tsApi.isArrayLiteralExpression(left)) {
      left.elements.forEach((element, index) => {
        if (tsApi.isOmittedExpression(element)) return;
        const target = tsApi.isSpreadElement(element) ? element.expression : element;
        this.assign(target, value.fields?.get(String(index)) ?? elementOf(value), env);
      });
      return;
    }
    if (tsApi.isPropertyAccessExpression(left) || tsApi.isElementAccessExpression(left)) {
      // obj.f = v: update the root variable's fields; u.hostname = v taints the URL's host.
      const path: string[] = [];
      let current: ts.Expression = left;
      while (tsApi.isPropertyAccessExpression(current) || tsApi.isElementAccessExpression(current)) {
        const key = tsApi.isPropertyAccessExpression(current) ? current.name.text : getStaticString(tsApi, current.argumentExpression);
        // A computed key the client chooses taints the whole object; one the server chooses adds a field.
        const dynamicKey = tsApi.isElementAccessExpression(current) && isClean(this.valueOf(current.argumentExpression)) ? UNKNOWN_KEY_FIELD : '*';
        path.unshift(key ?? dynamicKey);
        current = current.expression;
      }
      if (!tsApi.isIdentifier(current)) return;
      const binding = resolveIdentifier(tsApi, current);
      if (!binding) return;
      const root = env.get(binding.name);
      const last = path[path.length - 1]!;
      if (path.length === 1 && (URL_HOST_PROPERTIES.has(last) || URL_PATH_PROPERTIES.has(last)) && !isClean(value) && !root.fields) {
        const placed = placeValue(value, URL_PATH_PROPERTIES.has(last) ? 'path' : 'host');
        env.set(binding.name, { ...root, taints: [...root.taints, ...placed] });
        return;
      }
      env.set(binding.name, setFieldPath(root, path, value));
    }
  }

  private evaluateObject(expr: ts.ObjectLiteralExpression, env: Env): AbsValue {
    const tsApi = this.tsApi;
    const fields = new Map<string, AbsValue>();
    const taints: Taint[] = [];
    for (const prop of expr.properties) {
      if (tsApi.isPropertyAssignment(prop)) {
        const value = this.evaluate(prop.initializer, env);
        const key = getPropertyNameText(tsApi, prop.name);
        if (key !== undefined) fields.set(key, value);
        else if (tsApi.isComputedPropertyName(prop.name)) {
          const keyValue = this.evaluate(prop.name.expression, env);
          if (!isClean(keyValue)) taints.push(...allTaints(value));
        }
      } else if (tsApi.isShorthandPropertyAssignment(prop)) {
        // Through evaluate(), so a spec's custom sources see shorthand values too (`{ stack }`).
        fields.set(prop.name.text, this.evaluate(prop.name, env));
      } else if (tsApi.isSpreadAssignment(prop)) {
        const value = this.evaluateSpread(prop.expression, env);
        taints.push(...value.taints);
        for (const [key, field] of value.fields ?? []) fields.set(key, field);
      } else if (isFunctionLike(tsApi, prop)) {
        this.facts.closureEnvs.set(prop, env.snapshot());
      }
    }
    if (taints.length === 0 && [...fields.values()].every(isClean)) return CLEAN;
    return { taints, fields };
  }

  /**
   * What a spread adds to an object. `...(flag && { key })` spreads either a falsy value, which adds
   * no key, or the right side: only the right side's fields count (evaluated under `flag`, as `&&` is).
   */
  private evaluateSpread(expression: ts.Expression, env: Env): AbsValue {
    const tsApi = this.tsApi;
    const spread = skipOuterExpressions(tsApi, expression);
    if (!tsApi.isBinaryExpression(spread) || spread.operatorToken.kind !== tsApi.SyntaxKind.AmpersandAmpersandToken) return this.evaluate(expression, env);
    this.evaluate(spread.left, env);
    const rightEnv = env.clone();
    applyGuard(rightEnv, guardFacts(this.guardHost, spread.left, true), true);
    return this.evaluate(spread.right, rightEnv);
  }

  private evaluateNew(expr: ts.NewExpression, env: Env): AbsValue {
    const tsApi = this.tsApi;
    const args = (expr.arguments ?? []).map((a) => this.evaluate(a, env));
    this.checkSinks(expr, env);
    if (this.host.spec.isBarrier?.(expr, this.api)) return CLEAN;
    const step = this.host.spec.step?.(expr, this.api);
    if (step) return this.extraStep(step.from, step.position, env);
    const path = getModulePath(tsApi, expr.expression, this.host.project);
    const name = path && path.module === undefined ? path.path : undefined;
    if (name === 'URL') {
      // new URL(input, base): an absolute input ignores the base, so the input keeps its part; the
      // base decides the origin otherwise.
      const input = args[0] ?? CLEAN;
      const base = args[1];
      const taints = [...placeValue(input, 'whole')];
      if (base) taints.push(...placeValue(base, 'whole'));
      return taintedValue(taints);
    }
    if (name === 'URLSearchParams') return transformValue(joinAll(args));
    if (name === 'Request' || name === 'String') return transformValue(args[0] ?? CLEAN);
    return CLEAN;
  }

  private extraStep(from: readonly ts.Expression[], position: UrlPart | undefined, env: Env): AbsValue {
    const taints: Taint[] = [];
    for (const e of from) taints.push(...placeValue(this.values.get(e) ?? this.evaluate(e, env), position ?? 'whole'));
    return taintedValue(taints);
  }

  private evaluateCall(call: ts.CallExpression, env: Env): AbsValue {
    const tsApi = this.tsApi;
    const host = this.host;
    let callee: ts.Expression = call.expression;
    while (tsApi.isParenthesizedExpression(callee) || tsApi.isNonNullExpression(callee)) callee = callee.expression;
    let receiver: AbsValue | undefined;
    let method: string | undefined;
    if (tsApi.isPropertyAccessExpression(callee)) {
      receiver = this.evaluate(callee.expression, env);
      method = callee.name.text;
    } else if (tsApi.isElementAccessExpression(callee)) {
      receiver = this.evaluate(callee.expression, env);
      method = getStaticString(tsApi, callee.argumentExpression);
    } else if (!tsApi.isIdentifier(callee)) {
      this.evaluate(callee, env);
    }
    const args = call.arguments.map((a) => this.evaluate(a, env));
    this.checkSinks(call, env);

    if (host.spec.isBarrier?.(call, this.api) || host.isSanitizerCall(call)) return CLEAN;

    if (host.spec.sources.clientResponses) {
      const response = getClientResponseSource(tsApi, call, host.project);
      if (response) return taintedValue([sourceTaint(response)]);
    }

    // req.get('host'), req.header('x')
    if (receiver?.request && method) {
      const kind = getRequestMethodKind(method);
      if (kind && host.requestKinds.has(kind) && call.arguments.length >= 1) {
        const marker = receiver.request;
        return taintedValue([
          sourceTaint({
            node: call,
            file: call.getSourceFile(),
            kind,
            label: `${marker.label === '' ? '' : `${marker.label}.`}${getShortText(this.unit.getSourceFile(), call).replace(/^[^.]*\./, '')}`,
            route: marker.handler.route,
            key: `r${idOf(marker.handler.fn)}.${method}(${getStaticString(tsApi, call.arguments[0]) ?? '?'})`,
          }),
        ]);
      }
      return CLEAN;
    }

    const step = host.spec.step?.(call, this.api);
    if (step) return this.extraStep(step.from, step.position, env);

    const modulePath = getModulePath(tsApi, callee, host.project);
    if (modulePath) {
      const row = findPropagationStep(modulePath.module, modulePath.path);
      if (row) return this.applyStep(row.effect, call, args, env);
    }
    if (method && receiver && isClean(receiver)) {
      const validation = findValidationMethodStep(method);
      if (validation && args.length > 0) return this.applyStep(validation.effect, call, args, env);
    }

    // Callbacks: p.then(cb), arr.map(cb)
    if (method && receiver && !isClean(receiver)) {
      if (method === 'then' || method === 'finally') {
        const cb = call.arguments[0] ? host.functionReference(call.arguments[0]) : undefined;
        if (cb) return this.callCallback(cb, [receiver]);
        return receiver;
      }
      if (method === 'catch') return receiver;
      if (ELEMENT_CALLBACK_METHODS.has(method)) {
        const element = elementOf(receiver);
        const cbArg = method === 'reduce' || method === 'reduceRight' ? undefined : call.arguments[0];
        const cb = cbArg ? host.functionReference(cbArg) : undefined;
        const result = cb ? this.callCallback(cb, [element]) : CLEAN;
        if (method === 'map' || method === 'flatMap') return transformValue(result);
        if (method === 'filter' || method === 'sort' || method === 'find' || method === 'findLast') return receiver;
        return CLEAN;
      }
    }

    const target = host.callTarget(call);
    if (target) {
      this.facts.calls.set(call, args);
      const summary = host.factsOf(target);
      const result = substituteParams(tsApi, summary.returns, target, args, call, host.requestKinds);
      if (summary.exitSanitizes.length > 0) {
        const proven = new Map<string, Taint>();
        for (const t of summary.exitSanitizes) {
          if (t.origin.kind !== 'param') continue;
          let value = args[t.origin.index] ?? CLEAN;
          for (const field of t.path) value = projectField(value, field);
          for (const taint of allTaints(value)) proven.set(taintKey(taint), taint);
        }
        env.sanitize(proven);
      }
      return result;
    }

    if (method && receiver && !isClean(receiver)) {
      if (MUTATING_METHODS.has(method)) this.mutateReceiver(callee, args, env);
      if (CLEAN_RESULT_METHODS.has(method)) return CLEAN;
      return transformValue(receiver);
    }
    if (method && receiver && MUTATING_METHODS.has(method) && args.some((a) => !isClean(a))) {
      this.mutateReceiver(callee, args, env);
    }
    return CLEAN;
  }

  /**
   * `arr.push(x)`, `url.searchParams.set('q', x)`: the receiver's root variable now holds `x`. Into a
   * member (`article.comments.push(comment)`), the root holds `x`'s own taints as a whole, and the
   * taints of `x`'s named fields stay in that member, as after `article.comments = [comment]`.
   */
  private mutateReceiver(callee: ts.Expression, args: readonly AbsValue[], env: Env): void {
    const tsApi = this.tsApi;
    if (!tsApi.isPropertyAccessExpression(callee)) return;
    let root: ts.Expression = callee.expression;
    let viaSearchParams = false;
    const members: string[] = [];
    while (tsApi.isPropertyAccessExpression(root)) {
      if (root.name.text === 'searchParams') viaSearchParams = true;
      members.unshift(root.name.text);
      root = root.expression;
    }
    if (!tsApi.isIdentifier(root)) return;
    const binding = resolveIdentifier(tsApi, root);
    if (!binding) return;
    const added = args.flatMap((a) => placeValue(a, viaSearchParams ? 'path' : 'whole'));
    if (added.length === 0) return;
    const current = env.get(binding.name);
    if (viaSearchParams || members.length === 0) {
      env.set(binding.name, { ...current, taints: [...current.taints, ...added].slice(0, 64) });
      return;
    }
    const own = args.flatMap((a) => placeValue({ taints: a.taints }, 'whole'));
    const member = members.reduce(projectField, current);
    const withOwn = own.length === 0 ? current : { ...current, taints: [...current.taints, ...own].slice(0, 64) };
    env.set(binding.name, setFieldPath(withOwn, members, joinValues(member, taintedValue(added))));
  }

  /**
   * `article.comments = [comment]` fills a member with a new list, as `article.comments.push(comment)`
   * adds to it: the root holds the elements' own taints as a whole too (see `mutateReceiver`), and an
   * element made of named fields (`[{ body: dto.body }]`) adds none.
   */
  private addElementsToRoot(target: ts.Expression, list: AbsValue, env: Env): void {
    const tsApi = this.tsApi;
    if (list.taints.length === 0) return;
    let root = skipOuterExpressions(tsApi, target);
    if (!tsApi.isPropertyAccessExpression(root)) return;
    while (tsApi.isPropertyAccessExpression(root)) root = root.expression;
    if (!tsApi.isIdentifier(root)) return;
    const binding = resolveIdentifier(tsApi, root);
    if (!binding) return;
    const own = placeValue({ taints: list.taints }, 'whole');
    if (own.length === 0) return;
    const current = env.get(binding.name);
    env.set(binding.name, { ...current, taints: [...current.taints, ...own].slice(0, 64) });
  }

  private applyStep(effect: StepEffect, call: ts.CallExpression, args: readonly AbsValue[], env: Env): AbsValue {
    const tsApi = this.tsApi;
    switch (effect.kind) {
      case 'copy':
        return args[effect.arg] ?? CLEAN;
      case 'transform':
        return transformValue(joinAll(args));
      case 'join-path': {
        const pieces: { piece: UrlPiece; value?: AbsValue }[] = [];
        call.arguments.forEach((arg, i) => {
          if (i > 0) pieces.push({ piece: { text: '/' } });
          pieces.push({ piece: pieceOf(tsApi, arg), value: args[i] });
        });
        return concatenation(pieces);
      }
      case 'wrap': {
        const inner = args[effect.arg] ?? CLEAN;
        return isClean(inner) ? CLEAN : { taints: [], fields: new Map([[effect.field, inner]]) };
      }
      case 'pick': {
        const source = args[0] ?? CLEAN;
        const keysNode = call.arguments[1];
        const keys: string[] = [];
        if (keysNode && tsApi.isArrayLiteralExpression(keysNode)) {
          for (const e of keysNode.elements) {
            const k = getStaticString(tsApi, e);
            if (k === undefined) return transformValue(source);
            keys.push(k);
          }
        } else {
          for (const a of call.arguments.slice(1)) {
            const k = getStaticString(tsApi, a);
            if (k === undefined) return transformValue(source);
            keys.push(k);
          }
        }
        const fields = new Map<string, AbsValue>();
        for (const k of keys) fields.set(k, readMember(tsApi, source, k, call, this.host.requestKinds));
        return { taints: [], fields };
      }
      case 'get-path': {
        let value = args[0] ?? CLEAN;
        const path = getStaticString(tsApi, call.arguments[1]);
        if (path === undefined) return projectAnyField(value);
        for (const part of path.split('.')) value = readMember(tsApi, value, part, call, this.host.requestKinds);
        return value;
      }
      case 'request-inputs': {
        const request = args[effect.arg];
        if (!request?.request) return CLEAN;
        return joinAll(effect.inputs.map((input) => readMember(tsApi, request, input, call, this.host.requestKinds)));
      }
      case 'merge-into-first': {
        const merged = joinAll(args.map((a) => (a.request ? CLEAN : a)));
        const first = call.arguments[0];
        if (first && !isClean(merged)) this.assign(first, merged, env);
        return merged;
      }
    }
  }

  private callCallback(fn: ts.FunctionLikeDeclaration, args: readonly AbsValue[]): AbsValue {
    const existing = this.facts.callbackArgs.get(fn);
    this.facts.callbackArgs.set(fn, existing ? existing.map((v, i) => joinValues(v, args[i] ?? CLEAN)) : args);
    const facts = this.host.factsOf(fn);
    return substituteParams(this.tsApi, facts.returns, fn, args, fn, this.host.requestKinds);
  }

  /**
   * `await validateWebhookUrl(url);` with the helper in a file the analysis cannot see (per-file
   * mode): it may throw for values it refuses, so what it checks is silent afterwards. Only for
   * assertion-like names (`assert…`, `validate…`, `verify…`, `check…`, `ensure…`, `guard…`) and
   * calls the spec says may be checks; with the project index the helper's summary decides.
   */
  private applyUnknownAssertion(expr: ts.Expression, env: Env): void {
    const tsApi = this.tsApi;
    let call: ts.Expression = expr;
    while (tsApi.isAwaitExpression(call) || tsApi.isParenthesizedExpression(call)) call = call.expression;
    if (!tsApi.isCallExpression(call) || call.arguments.length === 0) return;
    const name = getCalleeName(tsApi, call);
    if (!name || !/^(assert|validate|verify|check|ensure|guard)/i.test(name)) return;
    if (this.host.callTarget(call) || !this.host.spec.mayBeGuardCall?.(call, this.api)) return;
    const checked = new Map<string, Taint>();
    for (const arg of call.arguments) for (const t of allTaints(this.valueOf(arg))) checked.set(taintKey(t), t);
    env.sanitize(checked);
  }

  private callGuard(call: ts.CallExpression): ReturnType<GuardHost['callGuard']> {
    const target = this.host.callTarget(call);
    if (target) {
      const facts = this.host.factsOf(target);
      if (facts.guard.whenTrue.length === 0 && facts.guard.whenFalse.length === 0) return undefined;
      const args = call.arguments.map((a) => this.valueOf(a));
      return { summary: facts.guard, args, fn: target };
    }
    if (this.host.spec.mayBeGuardCall?.(call, this.api)) return 'unknown';
    return undefined;
  }

  private checkSinks(node: ts.Node, env: Env): void {
    if (!this.recording) return;
    const targets = this.host.spec.sinks(node, this.api);
    for (const target of targets) {
      let value = this.values.get(target.expression) ?? this.valueOfIn(target.expression, env);
      for (const field of target.access ?? []) value = readMember(this.tsApi, value, field, target.expression, this.host.requestKinds);
      if (target.deep && value.fields) {
        if (allTaints(value).length > 0) this.facts.sinks.push({ target, value });
        continue;
      }
      if (value.taints.length > 0) this.facts.sinks.push({ target, value });
    }
  }

  private valueOfIn(expr: ts.Expression, env: Env): AbsValue {
    const saved = this.env;
    this.env = env;
    try {
      return this.valueOf(expr);
    } finally {
      this.env = saved;
    }
  }
}

// ---------------------------------------------------------------- helpers

function applyGuard(env: Env, facts: GuardFacts, includeUnknown: boolean): void {
  env.sanitize(facts.known);
  if (includeUnknown) env.sanitize(facts.unknown);
}

/** The condition of `assert(c)`, `assert.ok(c)`, `assert.strict(c)`, `invariant(c)`: calls that throw unless `c` holds. */
function getAssertedCondition(tsApi: TsApi, expr: ts.Expression): ts.Expression | undefined {
  let call: ts.Expression = expr;
  while (tsApi.isAwaitExpression(call) || tsApi.isParenthesizedExpression(call)) call = call.expression;
  if (!tsApi.isCallExpression(call) || call.arguments.length === 0) return undefined;
  const callee = call.expression;
  const name = tsApi.isIdentifier(callee)
    ? callee.text
    : tsApi.isPropertyAccessExpression(callee) && tsApi.isIdentifier(callee.expression) && callee.expression.text === 'assert'
      ? `assert.${callee.name.text}`
      : undefined;
  return name === 'assert' || name === 'invariant' || name === 'assert.ok' || name === 'assert.strict' ? call.arguments[0] : undefined;
}

/** True when a statement never completes normally (it returns, throws, breaks or continues on every path). */
export function alwaysExits(tsApi: TsApi, statement: ts.Statement): boolean {
  if (tsApi.isReturnStatement(statement) || tsApi.isThrowStatement(statement) || tsApi.isBreakStatement(statement) || tsApi.isContinueStatement(statement)) {
    return true;
  }
  if (tsApi.isBlock(statement)) return statement.statements.some((s) => alwaysExits(tsApi, s));
  if (tsApi.isIfStatement(statement)) {
    return !!statement.elseStatement && alwaysExits(tsApi, statement.thenStatement) && alwaysExits(tsApi, statement.elseStatement);
  }
  if (tsApi.isTryStatement(statement)) {
    if (statement.finallyBlock && alwaysExits(tsApi, statement.finallyBlock)) return true;
    return alwaysExits(tsApi, statement.tryBlock) && (!statement.catchClause || alwaysExits(tsApi, statement.catchClause.block));
  }
  if (tsApi.isExpressionStatement(statement)) {
    const e = statement.expression;
    // process.exit(...)
    return tsApi.isCallExpression(e) && tsApi.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'exit' && tsApi.isIdentifier(e.expression.expression) && e.expression.expression.text === 'process';
  }
  return false;
}

function intersectAll(sets: readonly Map<string, Taint>[]): Map<string, Taint> | undefined {
  if (sets.length === 0) return undefined;
  let out = sets[0]!;
  for (const set of sets.slice(1)) {
    const next = new Map<string, Taint>();
    for (const [k, t] of out) if (set.has(k)) next.set(k, t);
    out = next;
  }
  return out;
}

function intersectGuardSets(sets: readonly GuardSet[]): GuardSet {
  let out: GuardSet = TOP;
  for (const set of sets) {
    if (set === TOP) continue;
    if (out === TOP) {
      out = set;
      continue;
    }
    const next = new Map<string, Taint>();
    for (const [k, t] of out) if (set.has(k)) next.set(k, t);
    out = next;
  }
  return out;
}

/** The value of an element of a collection. */
function elementOf(value: AbsValue): AbsValue {
  if (value.request) return CLEAN;
  const taints: Taint[] = [...value.taints];
  for (const field of value.fields?.values() ?? []) taints.push(...allTaints(field));
  return taintedValue(taints.map((t) => (t.refinable ? { ...t, refinable: false } : t)));
}

function pieceOf(tsApi: TsApi, expr: ts.Expression): UrlPiece {
  const text = getStaticString(tsApi, expr);
  return text !== undefined ? { text } : { value: true };
}

/** The operands of `a + b + c` in order, without recursion. */
function flattenConcatenation(tsApi: TsApi, expr: ts.BinaryExpression): ts.Expression[] {
  const rights: ts.Expression[] = [];
  let current: ts.Expression = expr;
  while (tsApi.isBinaryExpression(current) && current.operatorToken.kind === tsApi.SyntaxKind.PlusToken) {
    rights.push(current.right);
    current = current.left;
  }
  return [current, ...rights.reverse()];
}

/** A concatenation's value: each value piece's taints placed where it lands in the URL. */
function concatenation(pieces: readonly { piece: UrlPiece; value?: AbsValue }[]): AbsValue {
  const positions = positionsOfPieces(pieces.map((p) => ('text' in p.piece ? p.piece : { value: true as const })));
  const taints: Taint[] = [];
  let i = 0;
  for (const p of pieces) {
    if ('text' in p.piece) continue;
    const position = positions[i++]!;
    if (p.value) taints.push(...placeValue(p.value, position));
  }
  return taintedValue(taints);
}

function setFieldPath(root: AbsValue, path: readonly string[], value: AbsValue): AbsValue {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (head === '*') return { ...root, taints: [...root.taints, ...allTaints(value)] };
  const fields = new Map(root.fields ?? []);
  if (head === UNKNOWN_KEY_FIELD) {
    fields.set(head, joinValues(fields.get(head) ?? CLEAN, setFieldPath(CLEAN, rest, value)));
    return { ...root, fields };
  }
  const current = fields.get(head!) ?? (root.fields ? CLEAN : projectField(root, head!));
  fields.set(head!, setFieldPath(current, rest, value));
  return { ...root, fields };
}

/**
 * A callee's summary value with its parameter taints replaced by the argument values at a call:
 * `p` read as `p.url` becomes the argument's `url` field; the part a parameter has in the
 * summary is applied to the argument's taints (`` `https://api.example.com/${p}` `` makes them `path`).
 */
export function substituteParams(
  tsApi: TsApi,
  value: AbsValue,
  fn: ts.Node,
  args: readonly AbsValue[],
  site: ts.Node,
  requestKinds: ReadonlySet<RequestInputKind>,
  depth = 0,
): AbsValue {
  if (isClean(value) || depth > 8) return value.request ? CLEAN : value;
  const taints: Taint[] = [];
  let merged: AbsValue | undefined;
  const params = isFunctionLike(tsApi, fn) ? fn.parameters : undefined;
  for (const t of value.taints) {
    if (t.origin.kind !== 'param' || t.origin.fn !== fn) {
      taints.push(t);
      continue;
    }
    const index = t.origin.index;
    let arg = params?.[index]?.dotDotDotToken ? joinAll(args.slice(index)) : (args[index] ?? CLEAN);
    for (const field of t.path) arg = readMember(tsApi, arg, field, site, requestKinds);
    if (t.part === 'whole' && t.refinable) {
      merged = merged ? joinValues(merged, arg) : arg;
      continue;
    }
    const source = t.refinable ? arg.taints : allTaints(arg);
    taints.push(...source.map((s) => ({ ...s, part: placeUrlPart(s.part, t.part), refinable: s.refinable && t.refinable })));
  }
  let fields: Map<string, AbsValue> | undefined;
  if (value.fields) {
    fields = new Map();
    for (const [key, field] of value.fields) fields.set(key, substituteParams(tsApi, field, fn, args, site, requestKinds, depth + 1));
  }
  const own: AbsValue = { taints, fields };
  return merged ? joinValues(merged, own) : own;
}
