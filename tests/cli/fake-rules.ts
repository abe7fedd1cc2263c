/**
 * Small rules for CLI tests, injected through `runScan({ rules })` so the tests do not depend on
 * which real rules exist: `no-danger` reports every `danger(...)` call (error), `prefer-care`
 * reports every `caution(...)` call as a warning, `crashes-on-marker` throws on files that contain
 * `CRASH_MARKER`, and `slow-rule` spends time so the per-file budget can be tested.
 */
import type * as ts from 'typescript';
import type { AnalysisContext } from '../../src/core/context.js';
import type { Finding } from '../../src/core/finding.js';
import { walkDescendants } from '../../src/core/walk.js';
import { defineApiRule, type AnyApiRule } from '../../src/rule-kit/define-api-rule.js';

function callsNamed(ctx: AnalysisContext, name: string): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  walkDescendants(ctx.ts, ctx.sourceFile, (node) => {
    if (ctx.ts.isCallExpression(node) && ctx.ts.isIdentifier(node.expression) && node.expression.text === name) calls.push(node);
  });
  return calls;
}

export const noDanger = defineApiRule({
  name: 'no-danger',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow calls to danger()',
      recommended: 'recommended',
      cwe: ['CWE-918'],
      owasp: ['API7:2023'],
      precision: 'high',
      securitySeverity: 8.1,
    },
    messages: { danger: '`{{ argument }}` reaches `danger()`' },
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' }, description: 'Arguments that are fine' } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ allow: [] as string[] }],
  detect(ctx, [options]): Finding[] {
    return callsNamed(ctx, 'danger')
      .filter((call) => !options.allow.includes(call.arguments[0]?.getText(ctx.sourceFile) ?? ''))
      .map((call) => ({ messageId: 'danger', node: call, data: { argument: call.arguments[0]?.getText(ctx.sourceFile) ?? '' } }));
  },
});

export const preferCare = defineApiRule({
  name: 'prefer-care',
  meta: {
    type: 'suggestion',
    docs: { description: 'Flag caution()', recommended: 'recommended', cwe: ['CWE-209'], owasp: ['API8:2023'], precision: 'medium', securitySeverity: 3.1 },
    messages: { caution: '`caution()` called with {{ argument }}' },
    schema: [],
  },
  defaultOptions: [],
  detect(ctx): Finding[] {
    return callsNamed(ctx, 'caution').map((call) => ({
      messageId: 'caution',
      node: call,
      severity: 'warning',
      data: { argument: call.arguments[0]?.getText(ctx.sourceFile) ?? '' },
    }));
  },
});

export const crashesOnMarker = defineApiRule({
  name: 'crashes-on-marker',
  meta: {
    type: 'problem',
    docs: { description: 'Throws on a marker', recommended: 'recommended', cwe: ['CWE-20'], owasp: [], precision: 'low', securitySeverity: 1 },
    messages: { never: 'never reported' },
    schema: [],
  },
  defaultOptions: [],
  detect(ctx): Finding[] {
    if (ctx.sourceFile.text.includes('CRASH_MARKER')) throw new Error('rule bug on purpose');
    return [];
  },
});

export const slowRule = defineApiRule({
  name: 'slow-rule',
  meta: {
    type: 'problem',
    docs: { description: 'Takes time', recommended: 'strict', cwe: ['CWE-400'], owasp: [], precision: 'low', securitySeverity: 1 },
    messages: { never: 'never reported' },
    schema: [],
  },
  defaultOptions: [],
  detect(ctx): Finding[] {
    if (!ctx.sourceFile.text.includes('SLOW_MARKER')) return [];
    const until = performance.now() + 60;
    while (performance.now() < until) {
      // busy on purpose
    }
    return [];
  },
});

/** The default fake registry: the two reporting rules. */
export const fakeRules: Record<string, AnyApiRule> = { 'no-danger': noDanger, 'prefer-care': preferCare };
