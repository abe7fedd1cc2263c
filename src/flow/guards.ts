/**
 * Barrier guards: which taints a condition proves clean when it evaluates to `true` or `false`.
 *
 * A rule declares single checks (`ALLOWED.has(new URL(u).hostname)`, `host === API_HOST`); this
 * module combines them through `!`, `&&`, `||` and parentheses, and through calls to functions
 * whose summary is such a check (`isAllowedHost(u)`, also in another file with the project index).
 * Calls the engine cannot follow, which the rule says may be guards, give `unknown` facts: the
 * interpreter applies those only where they cannot leak past the check (see `interpreter.ts`).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { resolveIdentifier } from '../core/scope.js';
import type { GuardCheck } from './spec.js';
import { allTaints, isClean, projectField, taintKey, type AbsValue, type Taint } from './values.js';

export type TaintSet = ReadonlyMap<string, Taint>;

export interface GuardFacts {
  /** Taints proven clean by checks whose meaning is known. */
  readonly known: TaintSet;
  /** Taints checked by calls the analysis cannot see into (per-file mode): silent, not proven. */
  readonly unknown: TaintSet;
}

/** What a call to a summarized function proves: the parameter taints clean when it returns true or false. */
export interface GuardCallSummary {
  readonly whenTrue: readonly Taint[];
  readonly whenFalse: readonly Taint[];
}

/** What the guard logic needs from the interpreter. */
export interface GuardHost {
  readonly ts: TsApi;
  /** The value of an expression at the condition, without recording sinks. */
  valueOf(expr: ts.Expression): AbsValue;
  /** A rule's single check, if the condition is one. */
  check(condition: ts.Expression): GuardCheck | undefined;
  /** The guard summary of a called function and the argument values, or `unknown` for a possible guard the analysis cannot see. */
  callGuard(call: ts.CallExpression): { readonly summary: GuardCallSummary; readonly args: readonly AbsValue[]; readonly fn: ts.Node } | 'unknown' | undefined;
}

const NONE: GuardFacts = { known: new Map(), unknown: new Map() };

function toSet(taints: readonly Taint[]): Map<string, Taint> {
  const out = new Map<string, Taint>();
  for (const t of taints) out.set(taintKey(t), t);
  return out;
}

function union(a: TaintSet, b: TaintSet): TaintSet {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  return new Map([...a, ...b]);
}

function intersect(a: TaintSet, b: TaintSet): TaintSet {
  const out = new Map<string, Taint>();
  for (const [key, t] of a) if (b.has(key)) out.set(key, t);
  return out;
}

/** The facts a condition proves when it evaluates to `outcome`. */
export function guardFacts(host: GuardHost, condition: ts.Expression, outcome: boolean, depth = 0): GuardFacts {
  if (depth > 32) return NONE;
  const tsApi = host.ts;
  let cond = condition;
  while (tsApi.isParenthesizedExpression(cond) || tsApi.isAwaitExpression(cond) || tsApi.isNonNullExpression(cond) || tsApi.isAsExpression(cond)) {
    cond = cond.expression;
  }
  // const allowed = ALLOWED.has(host); if (!allowed) return  (the rule's own check of the identifier comes first)
  if (tsApi.isIdentifier(cond) && !host.check(cond)) {
    const decl = resolveIdentifier(tsApi, cond)?.declaration;
    const list = decl?.parent;
    if (
      decl &&
      tsApi.isVariableDeclaration(decl) &&
      decl.initializer &&
      list &&
      tsApi.isVariableDeclarationList(list) &&
      (list.flags & tsApi.NodeFlags.Const) !== 0
    ) {
      return guardFacts(host, decl.initializer, outcome, depth + 1);
    }
  }
  if (tsApi.isPrefixUnaryExpression(cond) && cond.operator === tsApi.SyntaxKind.ExclamationToken) {
    return guardFacts(host, cond.operand, !outcome, depth + 1);
  }
  if (tsApi.isBinaryExpression(cond)) {
    const op = cond.operatorToken.kind;
    const both = op === tsApi.SyntaxKind.AmpersandAmpersandToken ? true : op === tsApi.SyntaxKind.BarBarToken ? false : undefined;
    if (both !== undefined) {
      const left = guardFacts(host, cond.left, outcome, depth + 1);
      const right = guardFacts(host, cond.right, outcome, depth + 1);
      // `a && b` true: both hold; `a || b` false: both failed. Otherwise only what both sides prove.
      if (outcome === both) return { known: union(left.known, right.known), unknown: union(left.unknown, right.unknown) };
      return { known: intersect(left.known, right.known), unknown: intersect(left.unknown, right.unknown) };
    }
  }
  const check = host.check(cond);
  if (check) {
    if (check.when !== outcome) return NONE;
    if (check.against && !isClean(host.valueOf(check.against))) return NONE;
    return { known: toSet(allTaints(host.valueOf(check.checked))), unknown: new Map() };
  }
  if (tsApi.isCallExpression(cond)) {
    const call = host.callGuard(cond);
    if (call === 'unknown') {
      const taints: Taint[] = [];
      for (const arg of cond.arguments) taints.push(...allTaints(host.valueOf(arg)));
      return { known: new Map(), unknown: toSet(taints) };
    }
    if (call) {
      const proven = outcome ? call.summary.whenTrue : call.summary.whenFalse;
      const taints: Taint[] = [];
      for (const t of proven) {
        if (t.origin.kind !== 'param' || t.origin.fn !== call.fn) continue;
        let value = call.args[t.origin.index];
        if (!value) continue;
        for (const field of t.path) value = projectField(value, field);
        taints.push(...allTaints(value));
      }
      return { known: toSet(taints), unknown: new Map() };
    }
  }
  return NONE;
}
