/**
 * no-sensitive-data-exposure (CWE-213, OWASP API3:2023 broken object property level authorization):
 * a response that sends a whole record whose model has secret fields (`password`, `passwordHash`,
 * `salt`, `resetToken`, `mfaSecret`, `apiKey`, `refreshToken`, `ssn`) that nothing projects away.
 *
 * The record is traced from the response back to its query (`src/model/record-exposures.ts`); the
 * model's fields come from its schema, entity or `schema.prisma` (`src/model/model-secrets.ts`), or
 * from the query's type when a type checker exists. Per file, a model defined in another file keeps
 * the rule silent unless the type says so.
 */
import type { Finding } from '../src/core/finding.js';
import { findRecordExposures, type RecordExposure } from '../src/model/record-exposures.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';

export type Options = [
  {
    sensitiveFields?: string[];
  },
];

export type MessageIds = 'exposedRecord';

/** Test files build throwaway apps. */
const TEST_FILE_NAME = /\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/i;

export default defineApiRule<Options, MessageIds>({
  name: 'no-sensitive-data-exposure',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow responses that send whole records whose model has secret fields (password hashes, reset tokens, API keys) without a projection',
      recommended: 'recommended',
      cwe: ['CWE-213'],
      owasp: ['API3:2023'],
      precision: 'medium',
      securitySeverity: 6.5,
    },
    messages: {
      exposedRecord:
        '`{{sink}}` sends whole `{{model}}` records from `{{query}}`, including {{fields}} ({{definedBy}}); project the fields (`select`, `omit`, `.select(\'-{{first}}\')`) or map the record to a response object.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sensitiveFields: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra field names that must never reach a response (`pinCode`, `bankAccount`); added to the built-in list.',
          },
        },
      },
    ],
  },
  defaultOptions: [{ sensitiveFields: [] }],
  detect(ctx, [options]): Finding[] {
    if (TEST_FILE_NAME.test(ctx.sourceFile.fileName)) return [];
    return findRecordExposures(ctx, options.sensitiveFields ?? []).map((exposure) => toFinding(exposure));
  },
});

function toFinding(exposure: RecordExposure): Finding {
  const fields = exposure.fields.slice(0, 3).map((f) => `\`${f}\``);
  return {
    messageId: 'exposedRecord',
    data: {
      sink: exposure.sink.label,
      model: exposure.model,
      query: exposure.queryText,
      fields: fields.join(', '),
      first: exposure.fields[0]!,
      definedBy: describeDefinition(exposure.definedBy),
    },
    node: exposure.sink.node,
    related: exposure.query.getSourceFile() === exposure.sink.node.getSourceFile() ? [{ node: exposure.query, message: `the record is loaded here` }] : [],
    fingerprint: ['no-sensitive-data-exposure', exposure.sink.label, exposure.queryText, exposure.fields.join(',')],
  };
}

function describeDefinition(definedBy: string): string {
  switch (definedBy) {
    case 'type':
      return 'per its type';
    case 'schema.prisma':
      return 'per schema.prisma';
    default:
      return `per its ${definedBy}`;
  }
}
