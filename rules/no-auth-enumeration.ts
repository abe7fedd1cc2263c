/**
 * no-auth-enumeration: sign-in and password-reset endpoints must answer an unknown account the same
 * way as a wrong password (or a known account), so the answer does not tell which accounts exist.
 */
import type * as ts from 'typescript';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';
import type { Finding } from '../src/core/finding.js';
import { getAccountBranches, getFirstAnswer, getLastAnswerAfter } from '../src/model/account-answers.js';
import { getHandlerFunctionPaths } from '../src/model/route-handler-paths.js';

export type Options = [
  {
    /** Also report registration endpoints that say an email is already registered. */
    checkRegistration?: boolean;
  },
];

export type MessageIds = 'differentAnswers' | 'accountExistence' | 'registrationRevealsAccount';

export default defineApiRule<Options, MessageIds>({
  name: 'no-auth-enumeration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sign-in and password-reset answers that tell whether an account exists',
      recommended: 'recommended',
      cwe: ['CWE-204'],
      owasp: ['API2:2023'],
      precision: 'high',
      securitySeverity: 5.3,
    },
    messages: {
      differentAnswers:
        'An unknown account gets {{unknownUser}} but a wrong password gets {{wrongPassword}}: the difference tells an attacker which accounts exist. Answer both with the same status and message.',
      accountExistence:
        'An unknown email gets {{unknownUser}} but a registered one gets {{knownUser}}: the difference tells an attacker which emails have accounts. Answer both the same way.',
      registrationRevealsAccount:
        'Answering {{answer}} for an email that is already registered tells an attacker which emails have accounts. Send the next step by email instead, or rate-limit the endpoint.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkRegistration: {
            type: 'boolean',
            description:
              'Also report registration endpoints that answer differently when the email is already registered ("email already in use"). Off by default: most sign-up forms accept this trade-off.',
          },
        },
      },
    ],
  },
  defaultOptions: [{ checkRegistration: false }],
  detect(ctx, [options]) {
    const findings: Finding[] = [];
    const reported = new Set<ts.Node>();
    const report = (finding: Finding): void => {
      if (reported.has(finding.node)) return;
      reported.add(finding.node);
      findings.push(finding);
    };
    for (const branches of getAccountBranches(ctx.ts, ctx.sourceFile, getHandlerFunctionPaths(ctx))) {
      const { endpoint, unknownAccount, wrongPassword, existingAccount, unknownAccountCheck } = branches;
      if (unknownAccount && wrongPassword) {
        // Sign-in: the unknown-account branch and the wrong-password branch must answer alike.
        const unknown = getFirstAnswer(ctx.ts, unknownAccount, endpoint);
        const wrong = getFirstAnswer(ctx.ts, wrongPassword, endpoint);
        if (unknown?.key !== undefined && wrong?.key !== undefined && unknown.key !== wrong.key) {
          report({ messageId: 'differentAnswers', node: unknown.node, data: { unknownUser: unknown.display, wrongPassword: wrong.display } });
        }
        continue;
      }
      if (branches.comparesPassword) continue;
      if (unknownAccount && unknownAccountCheck && endpoint.kinds.includes('password-reset')) {
        // Password reset: an unknown email must get the answer a registered one gets.
        const unknown = getFirstAnswer(ctx.ts, unknownAccount, endpoint);
        const known = getLastAnswerAfter(ctx.ts, endpoint, unknownAccountCheck);
        if (unknown?.key !== undefined && known?.key !== undefined && unknown.key !== known.key) {
          report({ messageId: 'accountExistence', node: unknown.node, data: { unknownUser: unknown.display, knownUser: known.display } });
        }
        continue;
      }
      if (options.checkRegistration && existingAccount && endpoint.kinds.includes('registration')) {
        const answer = getFirstAnswer(ctx.ts, existingAccount, endpoint);
        if (answer) report({ messageId: 'registrationRevealsAccount', node: answer.node, data: { answer: answer.display } });
      }
    }
    return findings;
  },
});
