/**
 * Builds the core's `AnalysisContext` from an ESLint rule context: the TypeScript source file from
 * typescript-eslint's node maps (or a one-time parse of the text for files another parser read),
 * the program's project index under typed linting, and the settings.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { createAnalysisContext, type AnalysisContext, type TsApi } from '../core/context.js';
import { getFileSkipReason } from '../core/file-limits.js';
import { getProjectIndexForProgram } from '../project/project-index.js';
import { resolveSettings, SettingsError, type ResolvedSettings } from '../settings/schema.js';
import { loadTypeScript } from './typescript.js';
import { beginFileScope, FileScopedWeakMap, keepProjectAnswers } from '../core/file-scoped-cache.js';

type AnyRuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

interface FileEntry {
  readonly ctx: AnalysisContext | undefined;
  readonly skipReason?: string;
}

/** One entry per parsed file (keyed by the ESTree Program node), shared by every rule. */
const perFile = new FileScopedWeakMap<object, FileEntry>();
const settingsCache = new WeakMap<object, ResolvedSettings>();
let defaultSettings: ResolvedSettings | undefined;

function getSettings(context: AnyRuleContext): ResolvedSettings {
  const raw = (context.settings as Record<string, unknown> | undefined)?.['api-guard'];
  if (raw === undefined || raw === null || typeof raw !== 'object') {
    defaultSettings ??= resolveSettings(raw ?? {});
    return defaultSettings;
  }
  let settings = settingsCache.get(raw);
  if (!settings) {
    settings = resolveSettings(raw);
    settingsCache.set(raw, settings);
  }
  return settings;
}

function scriptKindFor(tsApi: TsApi, fileName: string): ts.ScriptKind {
  if (/\.(c|m)?tsx?$/.test(fileName)) return fileName.endsWith('x') ? tsApi.ScriptKind.TSX : tsApi.ScriptKind.TS;
  if (fileName.endsWith('.jsx')) return tsApi.ScriptKind.JSX;
  return tsApi.ScriptKind.JS;
}

/**
 * The analysis context of the file being linted, or `undefined` (with `skipReason`) when the file
 * is skipped. Built once per file and shared by all rules.
 */
export function getEslintAnalysisFile(context: AnyRuleContext): FileEntry {
  const sourceCode = context.sourceCode;
  const key = sourceCode.ast as object;
  const existing = perFile.get(key);
  if (existing) return existing;

  const entry = buildEntry(context);
  // Per-file mode: this file's analysis starts, so the caches of the previous file are dropped
  // (see file-scoped-cache.ts). With a project index the caches serve every file, and stay.
  if (entry.ctx?.project) keepProjectAnswers();
  else beginFileScope();
  perFile.set(key, entry);
  return entry;
}

function buildEntry(context: AnyRuleContext): FileEntry {
  const sourceCode = context.sourceCode;
  const tsApi = loadTypeScript();
  if (!tsApi) {
    return { ctx: undefined, skipReason: 'api-guard needs the "typescript" package (>=5.4 <6.1) to be installed' };
  }
  const skipReason = getFileSkipReason(sourceCode.text);
  if (skipReason) return { ctx: undefined, skipReason };

  const settings = getSettings(context);
  const services = sourceCode.parserServices as
    | { esTreeNodeToTSNodeMap?: { get(node: unknown): unknown }; program?: ts.Program | null }
    | undefined;
  let sourceFile = services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast) as ts.SourceFile | undefined;
  if (!sourceFile || sourceFile.kind !== tsApi.SyntaxKind.SourceFile) {
    sourceFile = tsApi.createSourceFile(
      context.filename,
      sourceCode.text,
      tsApi.ScriptTarget.Latest,
      true,
      scriptKindFor(tsApi, context.filename),
    );
  }
  const program = services?.program ?? undefined;
  if (settings.analysis === 'project' && !program) {
    throw new SettingsError(
      'api-guard: settings["api-guard"].analysis is "project", but this file was linted without type information. ' +
        'Turn on typed linting (parserOptions.projectService: true) or set analysis to "auto".',
    );
  }
  const project = program && settings.analysis !== 'file' ? getProjectIndexForProgram(tsApi, program) : undefined;
  return {
    ctx: createAnalysisContext({
      ts: tsApi,
      sourceFile,
      settings,
      project,
      getChecker: program ? () => program.getTypeChecker() : undefined,
    }),
  };
}
