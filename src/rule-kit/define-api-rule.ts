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
import { beginFileScope } from '../core/file-scoped-cache.js';
import { SettingsError } from '../settings/schema.js';
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

/** The source code of the file whose file scope one rule's `Program:exit` ends (see `innerCreate`). */
let fileScopeSource: unknown;
/** True when a rule analyzed the current file in per-file mode, whose caches go when the file ends. */
let fileScopeEndPending = false;

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
    // The first api-guard rule created for a file ends its file scope for all of them: one
    // `Program:exit` listener per file instead of one per rule.
    const endsFileScope = context.sourceCode !== fileScopeSource;
    if (endsFileScope) fileScopeSource = context.sourceCode;
    const listeners: TSESLint.RuleListener = {
      Program(): void {
        let ctx: AnalysisContext | undefined;
        try {
          ({ ctx } = getEslintAnalysisFile(context as never));
        } catch (error) {
          // Invalid settings are the user's to fix, and stop the run as ESLint's own config errors do;
          // anything else is ours, and skips this file only.
          if (error instanceof SettingsError) throw error;
          warnAnalysisFailure(undefined, context.filename, error);
          return;
        }
        if (!ctx) return;
        if (!ctx.project) fileScopeEndPending = true;
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
    if (endsFileScope) {
      // Every rule has run by now: in per-file mode the file's caches go before the next file is parsed.
      listeners['Program:exit'] = (): void => {
        fileScopeSource = undefined;
        if (!fileScopeEndPending) return;
        fileScopeEndPending = false;
        beginFileScope();
      };
    }
    return listeners;
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
  // RuleCreator merges the defaults into the options on every file (a deep merge per rule per file).
  // ESLint builds a new options array for every file, but its elements are the configured (or, with
  // `meta.defaultOptions`, the default) objects themselves, so merge once per list of elements.
  const mergedOptions = new ElementwiseMemo<Options>();
  const rule = {
    ...created,
    create(context: Context): TSESLint.RuleListener {
      const user = context.options as unknown as Options;
      const options = mergedOptions.get(user, () => applyRuleDefaults(definition.defaultOptions, user));
      return innerCreate(context, options);
    },
  };
  return Object.assign(rule, { name: definition.name, defaultOptions: definition.defaultOptions, detect });
}

/**
 * Values computed from an array, remembered by the identity of the array's elements: a new array
 * holding the same elements gets the same value. Holds a few entries (a rule sees one options list
 * per configuration block).
 */
class ElementwiseMemo<Value> {
  private readonly entries: { readonly elements: readonly unknown[]; readonly value: Value }[] = [];

  get(elements: readonly unknown[], compute: () => Value): Value {
    for (const entry of this.entries) {
      if (sameElements(entry.elements, elements)) return entry.value;
    }
    const value = compute();
    if (this.entries.length >= 16) this.entries.shift();
    this.entries.push({ elements: [...elements], value });
    return value;
  }
}

function sameElements(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

const warned = new Set<string>();

/** One warning per rule and file, or per file (`ruleName` undefined) when no rule could start on it. */
function warnAnalysisFailure(ruleName: string | undefined, fileName: string, error: unknown): void {
  const key = `${ruleName ?? ''}\u0000${fileName}`;
  if (warned.has(key)) return;
  warned.add(key);
  const reason = error instanceof Error ? error.message : String(error);
  const who = ruleName === undefined ? 'api-guard' : `api-guard/${ruleName}`;
  process.emitWarning(`${who} skipped ${fileName}: internal analysis error: ${reason}`, 'ApiGuardWarning');
}
