/**
 * no-ssrf (CWE-918): request input that reaches the URL, base URL or host of an outbound request
 * (fetch, undici, axios, got, ky, node:http(s), superagent, needle, request, Nest `HttpService`,
 * WebSocket clients) without an allowlist check of the parsed host that dominates the request.
 * Input confined to the path or query of a fixed origin is reported only with `reportPathInjection`.
 */
import type * as ts from 'typescript';
import type { AnalysisContext } from '../src/core/context.js';
import type { Finding } from '../src/core/finding.js';
import { controlsHost, findFlows, type Flow, type UrlPart } from '../src/flow/engine.js';
import { getRequestForgerySpec } from '../src/flow/request-forgery.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';
import { describeFlowSteps } from '../src/rule-kit/flow-messages.js';

export type Options = [
  {
    /** Also report input that reaches only the path or query of a fixed origin. */
    reportPathInjection?: boolean;
  },
];

export type MessageIds = 'ssrf' | 'ssrfPath';

/**
 * The part a flow controls, as reported. The request URL (`req.url`, `req.originalUrl`, `req.path`)
 * always starts with `/`: after any prefix it can only reach the path (`UPSTREAM + req.originalUrl`
 * in a gateway), so it controls the host only when it starts the URL.
 */
function reportedPart(flow: Flow): UrlPart {
  return flow.source.kind === 'url' && flow.part === 'host' ? 'path' : flow.part;
}

/** Lower is reported first: host control before path, fewer calls crossed before more. */
function rank(flow: Flow): number {
  const part = reportedPart(flow) === 'whole' ? 0 : reportedPart(flow) === 'host' ? 1 : 2;
  return part * 100 + flow.steps.length;
}

function toFinding(ctx: AnalysisContext, flow: Flow): Finding {
  const sinkFile = ctx.sourceFile;
  const part = reportedPart(flow);
  const host = controlsHost(part);
  return {
    messageId: host ? 'ssrf' : 'ssrfPath',
    data: {
      source: flow.source.label,
      role: flow.sink.role ?? 'URL',
      sink: flow.sink.label,
      control: part === 'whole' ? 'the whole URL' : part === 'host' ? 'the host' : 'the path',
      via: describeFlowSteps(ctx, flow),
    },
    node: flow.sink.node,
    ...argumentRange(flow, sinkFile),
    severity: host ? 'error' : 'warning',
    related: [{ node: flow.source.node, message: `${flow.source.label} is read here` }],
    fingerprint: ['no-ssrf', flow.source.label, flow.sink.label, flow.sink.role ?? 'URL'],
  };
}

/** The editor underlines the argument that carries the URL, not the whole call with its options and callbacks. */
function argumentRange(flow: Flow, sinkFile: ts.SourceFile): { range?: { start: number; end: number } } {
  const { node, expression } = flow.sink;
  if (expression.getSourceFile() !== sinkFile || expression.pos < node.pos || expression.end > node.end) return {};
  return { range: { start: expression.getStart(sinkFile), end: expression.getEnd() } };
}

export default defineApiRule<Options, MessageIds>({
  name: 'no-ssrf',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request input in the URL or host of outbound HTTP requests without an allowlist check',
      recommended: 'recommended',
      cwe: ['CWE-918'],
      owasp: ['API7:2023'],
      precision: 'high',
      securitySeverity: 8.6,
    },
    messages: {
      ssrf: '`{{source}}` reaches the {{role}} of `{{sink}}` (the client controls {{control}}){{via}}. Check the parsed host against an allowlist before the request.',
      ssrfPath: '`{{source}}` reaches the {{role}} of `{{sink}}` after a fixed origin (the client controls {{control}}){{via}}. Encode it, or check it against the paths you expect.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportPathInjection: {
            type: 'boolean',
            description: 'Also report request input that reaches only the path or query of a fixed origin (path traversal on the upstream API).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ reportPathInjection: false }],
  detect(ctx, [options]) {
    const flows = findFlows(ctx, getRequestForgerySpec(ctx.settings));
    // One finding per outbound call: the URL and the options of one call, or two inputs in one URL,
    // are one flaw. Prefer the flow that controls the most, then the most direct one.
    const best = new Map<ts.Node, Flow>();
    for (const flow of flows) {
      if (!controlsHost(reportedPart(flow)) && !options.reportPathInjection) continue;
      const current = best.get(flow.sink.node);
      if (!current || rank(flow) < rank(current)) best.set(flow.sink.node, flow);
    }
    const findings = [...best.values()].map((flow) => toFinding(ctx, flow));
    return findings;
  },
});
