import type { AnalysisContext } from '../src/core/context.js';
import type { Finding } from '../src/core/finding.js';
import { findModelWriteFlows, type ModelWriteFlow } from '../src/flow/model-write-flows.js';
import { getModelFieldNames } from '../src/model/model-fields.js';
import { getWhitelistSuggestion } from '../src/model/validation-pipe-whitelist.js';
import { describeSourceRoute } from '../src/model/route-handler-paths.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';

export type Options = [
  {
    sensitiveFields?: string[];
    modelWriteMethods?: string[];
    validators?: string[];
  },
];

export type MessageIds = 'unvalidatedBody' | 'permissiveValidation' | 'denylistOnly' | 'openBodySchema' | 'nestBodyUnvalidated' | 'addWhitelist';

/** Fields a client should never set on its own; messages cite them as examples. */
export const DEFAULT_SENSITIVE_FIELDS: readonly string[] = [
  'role',
  'isAdmin',
  'admin',
  'permissions',
  'verified',
  'isVerified',
  'emailVerified',
  'balance',
  'credits',
  'ownerId',
  'userId',
  'tenantId',
  'password',
  'passwordHash',
];

export default defineApiRule<Options, MessageIds>({
  name: 'no-mass-assignment',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing a request body into a database model without validating or narrowing its fields',
      recommended: 'recommended',
      cwe: ['CWE-915'],
      owasp: ['API3:2023'],
      precision: 'high',
      securitySeverity: 8.1,
    },
    messages: {
      unvalidatedBody: '`{{source}}` reaches `{{sink}}` unvalidated; a client can set any field, e.g. {{examples}}.',
      permissiveValidation:
        '`{{source}}` reaches `{{sink}}` through `{{validator}}`, which keeps fields its schema does not declare; a client can set any field, e.g. {{examples}}.',
      denylistOnly:
        '`{{source}}` reaches `{{sink}}` through `{{helper}}`, which drops only the fields it names (a denylist, not an allowlist); a client can set any other field, e.g. {{examples}}. Keep only the fields the route accepts (`pick`, or a schema that strips unknown keys).',
      openBodySchema:
        '`{{source}}` reaches `{{sink}}`, and the route body schema accepts undeclared properties at `{{schemaPath}}` (no `additionalProperties: false`); a client can set any field, e.g. {{examples}}.',
      nestBodyUnvalidated: '`{{source}}` reaches `{{sink}}` unvalidated: {{detail}}; a client can set any field, e.g. {{examples}}.',
      addWhitelist: 'Add `whitelist: true` to `{{pipe}}`, so properties the DTO does not decorate are stripped.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sensitiveFields: {
            type: 'array',
            items: { type: 'string' },
            description: 'Field names that messages cite as examples of what a client could set (`role`, `isAdmin`, ...).',
          },
          modelWriteMethods: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Extra model-write methods: a name or `/regex/` called on a recognized model, document or repository, or a dotted call path (`ProfileStore.put`). Added to settings `modelWriteMethods`.',
          },
          validators: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Extra validator functions (name or `/regex/`) whose result counts as validated, also as route middleware. Added to settings `validators`.',
          },
        },
      },
    ],
  },
  defaultOptions: [{ sensitiveFields: [...DEFAULT_SENSITIVE_FIELDS], modelWriteMethods: [], validators: [] }],
  detect(ctx, [options]): Finding[] {
    const flows = findModelWriteFlows(ctx, {
      extraWriteMethods: [...ctx.settings.modelWriteMethods, ...(options.modelWriteMethods ?? [])],
      extraValidators: [...ctx.settings.validators, ...(options.validators ?? [])],
    });
    return flows.map((flow) => toFinding(ctx, flow, options.sensitiveFields ?? DEFAULT_SENSITIVE_FIELDS));
  },
});

function toFinding(ctx: AnalysisContext, found: ModelWriteFlow, sensitiveFields: readonly string[]): Finding {
  const { flow, write, route, permissiveValidator, denylist } = found;
  // A denylist's own fields are not what a client can still set.
  const omitted = new Set(denylist?.omitted ?? []);
  const base = {
    source: describeSource(ctx, found),
    sink: write.callText,
    examples: describeExamples(
      sensitiveFields.filter((f) => !omitted.has(f)),
      getModelFieldNames(ctx, write),
    ),
  };
  const node = write.call;
  // The editor underlines the argument that carries the body, not the whole write call.
  const expression = flow.sink.expression;
  const range =
    expression.getSourceFile() === ctx.sourceFile && expression.pos >= node.pos && expression.end <= node.end
      ? { range: { start: expression.getStart(ctx.sourceFile), end: expression.getEnd() } }
      : {};
  const related = [{ node: flow.source.node, message: `the body comes from \`${flow.source.label}\`` }];
  const fingerprint = ['no-mass-assignment', write.callText, flow.source.label];
  if (route.kind === 'nest-unvalidated') {
    const whitelist = route.reason === 'pipe-without-whitelist' ? getWhitelistSuggestion(ctx.ts, ctx.sourceFile, route.pipes) : undefined;
    const suggestions = whitelist ? [{ messageId: 'addWhitelist', data: { pipe: whitelist.pipe.text }, edits: [whitelist.edit] }] : undefined;
    return { messageId: 'nestBodyUnvalidated', data: { ...base, detail: route.detail }, node, ...range, related, fingerprint, ...(suggestions ? { suggestions } : {}) };
  }
  if (route.kind === 'open-schema') {
    return { messageId: 'openBodySchema', data: { ...base, schemaPath: route.path }, node, ...range, related, fingerprint };
  }
  if (route.kind === 'permissive-middleware') {
    return { messageId: 'permissiveValidation', data: { ...base, validator: route.text }, node, ...range, related, fingerprint };
  }
  if (denylist) {
    return { messageId: 'denylistOnly', data: { ...base, helper: denylist.text }, node, ...range, related, fingerprint };
  }
  if (permissiveValidator) {
    return { messageId: 'permissiveValidation', data: { ...base, validator: permissiveValidator.text }, node, ...range, related, fingerprint };
  }
  return { messageId: 'unvalidatedBody', data: base, node, ...range, related, fingerprint };
}

/** `req.body`, `@Body() dto`; with the route and file when the body comes from another file. */
function describeSource(ctx: AnalysisContext, found: ModelWriteFlow): string {
  const source = found.flow.source;
  const tsApi = ctx.ts;
  let label = source.label;
  if (tsApi.isParameter(source.node)) label = /^@Body\(/.test(label) ? label : `@Body() ${label}`;
  if (source.file !== ctx.sourceFile) {
    const fileName = source.file.fileName.replace(/^.*[\\/]/, '');
    const route = describeSourceRoute(ctx, source);
    label += route ? ` (${route} in ${fileName})` : ` (in ${fileName})`;
  }
  return label;
}

/** "`role` or `isAdmin`": sensitive fields the model declares first, else the first two listed. */
function describeExamples(sensitiveFields: readonly string[], modelFields: ReadonlySet<string> | undefined): string {
  const declared = modelFields ? sensitiveFields.filter((f) => modelFields.has(f)) : [];
  const picked = (declared.length > 0 ? declared : sensitiveFields).slice(0, 2);
  if (picked.length === 0) return 'any column';
  return picked.map((f) => `\`${f}\``).join(' or ');
}
