/**
 * The one rule creator. A rule file declares its metadata and a `detect` policy that returns
 * findings; this turns it into an ESLint rule (whose `create` is the same for every rule) and keeps
 * `detect` on the rule object so the CLI runs exactly the same policy.
 */
// The `eslint-utils` entry alone: the package's main entry also loads ESLint's classes and the scope manager.
import { applyDefault, RuleCreator, type NamedCreateRuleMeta } from '@typescript-eslint/utils/eslint-utils';
import type { TSESLint } from '@typescript-eslint/utils';
import type { AnalysisContext } from '../core/context.js';
import type { Finding } from '../core/finding.js';
import { withoutIgnoredFindings } from '../core/suppressions.js';
import { getEslintAnalysisFile } from '../eslint/analysis-context.js';
import { reportFindings } from '../eslint/report.js';
import { getRuleDocsUrl, type ApiGuardDocs } from './docs.js';

type RuleMeta<MessageIds extends string, Options extends readonly unknown[]> = NamedCreateRuleMeta<
  MessageIds,
  ApiGuardDocs,
  Options
>;

export interface ApiRuleDefinition<Options extends readonly unknown[], MessageIds extends string> {
  readonly name: string;
  readonly meta: RuleMeta<MessageIds, Options>;
  readonly defaultOptions: Options;
  /** The rule's policy: findings for one file, given the shared analysis. */
  readonly detect: (ctx: AnalysisContext, options: Options) => Finding[];
}

export type ApiRule<Options extends readonly unknown[] = readonly unknown[], MessageIds extends string = string> = TSESLint.RuleModule<
  MessageIds,
  Options,
  ApiGuardDocs
> & {
  readonly name: string;
  readonly defaultOptions: Options;
  readonly detect: (ctx: AnalysisContext, options: Options) => Finding[];
};

/** Any api-guard rule, for registries and the CLI. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyApiRule = ApiRule<any, string>;

const createRule = RuleCreator<ApiGuardDocs>(getRuleDocsUrl);

/** Applies a rule's default options to user options, the way ESLint's RuleCreator does. */
export function applyRuleDefaults<Options extends readonly unknown[]>(defaults: Options, user: readonly unknown[] | undefined): Options {
  return applyDefault(defaults, (user ?? []) as Options) as Options;
}

export function defineApiRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: ApiRuleDefinition<Options, MessageIds>,
): ApiRule<Options, MessageIds> {
  const { detect } = definition;
  type Context = Parameters<ApiRule<Options, MessageIds>['create']>[0];
  const innerCreate = (context: Context, options: Options): TSESLint.RuleListener => {
    return {
      Program(): void {
        const { ctx } = getEslintAnalysisFile(context as never);
        if (!ctx) return;
        let findings: Finding[];
        try {
          findings = detect(ctx, options as Options);
        } catch (error) {
          // One file the analysis cannot handle must never stop the lint run.
          warnAnalysisFailure(definition.name, context.filename, error);
          return;
        }
        // `// api-guard-ignore <rule> -- reason` comments; ESLint applies its own directives.
        reportFindings(context as never, ctx, withoutIgnoredFindings(ctx.sourceFile, definition.name, findings));
      },
    };
  };
  const created = createRule<Options, MessageIds>({
    name: definition.name,
    meta: {
      ...definition.meta,
      defaultOptions: definition.defaultOptions,
    },
    defaultOptions: definition.defaultOptions,
    create: innerCreate,
  });
  // RuleCreator merges the defaults into the options on every file (a deep merge per rule per file);
  // ESLint hands the same options array to every file of a configuration, so merge once per array.
  const withDefaults = new WeakMap<object, Options>();
  const rule = {
    ...created,
    create(context: Context): TSESLint.RuleListener {
      const user = context.options as unknown as Options;
      let options = withDefaults.get(user);
      if (!options) {
        options = applyRuleDefaults(definition.defaultOptions, user);
        withDefaults.set(user, options);
      }
      return innerCreate(context, options);
    },
  };
  return Object.assign(rule, { name: definition.name, defaultOptions: definition.defaultOptions, detect });
}

const warned = new Set<string>();

function warnAnalysisFailure(ruleName: string, fileName: string, error: unknown): void {
  const key = `${ruleName}\u0000${fileName}`;
  if (warned.has(key)) return;
  warned.add(key);
  const reason = error instanceof Error ? error.message : String(error);
  process.emitWarning(`api-guard/${ruleName} skipped ${fileName}: internal analysis error: ${reason}`, 'ApiGuardWarning');
}
