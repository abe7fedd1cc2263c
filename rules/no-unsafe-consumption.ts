/**
 * no-unsafe-consumption (OWASP API10:2023, CWE-20): data from a third-party API response written to a
 * database model, used as a redirect target, or interpolated into a shell command or SQL text,
 * without a schema validation or explicit field picking on the way.
 */
import type * as ts from 'typescript';
import type { Finding } from '../src/core/finding.js';
import type { Flow } from '../src/flow/engine.js';
import { findUnsafeConsumptionFlows, type ConsumptionSinkKind } from '../src/flow/unsafe-consumption.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';

export type Options = [
  {
    modelWriteMethods?: string[];
    validators?: string[];
  },
];

export type MessageIds = 'modelWrite' | 'redirect' | 'shell' | 'sql';

const MESSAGE_OF: Readonly<Record<ConsumptionSinkKind, MessageIds>> = {
  'model-write': 'modelWrite',
  redirect: 'redirect',
  shell: 'shell',
  sql: 'sql',
};

/** `services/github.ts`: the last two segments of a path, enough to find the file. */
function shortFileName(file: ts.SourceFile): string {
  return file.fileName.replace(/\\/g, '/').split('/').slice(-2).join('/');
}

/** ` (via \`syncRepos(data)\` in services/github.ts)`, or nothing for a flow inside one function. */
function describeSteps(flow: Flow, sinkFile: ts.SourceFile): string {
  if (flow.steps.length === 0) return '';
  const calls = flow.steps.map((step) => `\`${step.label}\`${step.file === sinkFile ? '' : ` in ${shortFileName(step.file)}`}`);
  return ` via ${calls.join(', then ')}`;
}

/** `axios.get(…).data`, with the file when the response is read in another file. */
function describeSource(flow: Flow, sinkFile: ts.SourceFile): string {
  const label = flow.source.label;
  return flow.source.file === sinkFile ? label : `${label} (in ${shortFileName(flow.source.file)})`;
}

export default defineApiRule<Options, MessageIds>({
  name: 'no-unsafe-consumption',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow third-party API responses in model writes, redirects, shell commands or SQL text without validation',
      recommended: 'strict',
      cwe: ['CWE-20'],
      owasp: ['API10:2023'],
      precision: 'medium',
      securitySeverity: 7.5,
    },
    messages: {
      modelWrite:
        'The response of `{{source}}` reaches `{{sink}}` unvalidated{{via}}; a compromised or changed upstream API decides what is stored. Validate it with a schema or pick the fields you expect.',
      redirect:
        'The response of `{{source}}` is the redirect target of `{{sink}}`{{via}}; an upstream API can send your users anywhere. Check the URL against an allowlist of hosts.',
      shell:
        'The response of `{{source}}` reaches the shell command of `{{sink}}`{{via}}; an upstream API can run commands on this server. Validate the value, and pass arguments without a shell (`execFile`, `spawn` without `shell`).',
      sql: 'The response of `{{source}}` is interpolated into the SQL text of `{{sink}}`{{via}}; an upstream API can inject SQL. Pass it as a bound parameter, or validate it first.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          modelWriteMethods: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Extra model-write methods: a name or `/regex/` called on a recognized model, document or repository, or a dotted call path (`ProfileStore.put`). Added to settings `modelWriteMethods`.',
          },
          validators: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra validator functions (name or `/regex/`) whose result counts as validated. Added to settings `validators`.',
          },
        },
      },
    ],
  },
  defaultOptions: [{ modelWriteMethods: [], validators: [] }],
  detect(ctx, [options]): Finding[] {
    const flows = findUnsafeConsumptionFlows(ctx, {
      extraWriteMethods: [...ctx.settings.modelWriteMethods, ...(options.modelWriteMethods ?? [])],
      extraValidators: [...ctx.settings.validators, ...(options.validators ?? [])],
    });
    return flows.map(({ flow, kind }) => ({
      messageId: MESSAGE_OF[kind],
      data: { source: describeSource(flow, ctx.sourceFile), sink: flow.sink.label, via: describeSteps(flow, ctx.sourceFile) },
      node: flow.sink.node,
      related: [{ node: flow.source.node, message: `the response of \`${flow.source.label}\` is read here` }],
      fingerprint: ['no-unsafe-consumption', kind, flow.sink.label, flow.source.label],
    }));
  },
});
