/**
 * Reads a `tsconfig.json` / `jsconfig.json` the way `tsc` does (comments, trailing commas,
 * `extends`, `references`), but never fails: a missing file, invalid JSON or an `extends` that
 * points nowhere becomes a problem a person can read, and the scan goes on with the options that
 * could be read (or TypeScript's defaults with `allowJs`).
 */
import path from 'node:path';
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';

export interface ProjectConfig {
  /** Absolute path of the config file. */
  readonly configPath: string;
  /** The folder of the config file. */
  readonly directory: string;
  /** Compiler options to analyze with (never empty of `allowJs`: JavaScript is always read). */
  readonly compilerOptions: ts.CompilerOptions;
  /** Absolute paths of the files the config includes (normalized to the platform separator). */
  readonly fileNames: readonly string[];
  /** Absolute paths of referenced configs (`references: [{ path }]`). */
  readonly references: readonly string[];
  /** What went wrong while reading, one sentence each; empty when the config is fine. */
  readonly problems: readonly string[];
  /** True when the config could not be read at all and defaults are used. */
  readonly usedDefaults: boolean;
}

/** Compiler options used when there is no usable config: JavaScript too, decorators on, no emit. */
export function getDefaultAnalysisOptions(tsApi: TsApi): ts.CompilerOptions {
  return {
    allowJs: true,
    checkJs: false,
    noEmit: true,
    experimentalDecorators: true,
    target: tsApi.ScriptTarget.ES2022,
    module: tsApi.ModuleKind.NodeNext,
    moduleResolution: tsApi.ModuleResolutionKind.NodeNext,
    esModuleInterop: true,
    jsx: tsApi.JsxEmit.Preserve,
  };
}

/** Diagnostics that say nothing about the config's health for an analysis. */
const IGNORED_CONFIG_DIAGNOSTICS = new Set([
  18003, // No inputs were found in config file
  5101, // option is deprecated
  5107, // option value is deprecated
  5108, // option has been removed
  5110, // option must be set to ... (module/moduleResolution pairing)
]);

function describeDiagnostic(tsApi: TsApi, diagnostic: ts.Diagnostic): string {
  return tsApi.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
}

/** Reads and parses one project config. Never throws. */
export function readProjectConfig(tsApi: TsApi, configPath: string): ProjectConfig {
  const absolute = path.resolve(configPath);
  const directory = path.dirname(absolute);
  const defaults = (problem: string): ProjectConfig => ({
    configPath: absolute,
    directory,
    compilerOptions: getDefaultAnalysisOptions(tsApi),
    fileNames: [],
    references: [],
    problems: [problem],
    usedDefaults: true,
  });

  let text: string | undefined;
  try {
    text = tsApi.sys.readFile(absolute);
  } catch {
    text = undefined;
  }
  if (text === undefined) return defaults(`cannot read ${absolute}; using default compiler options`);
  const json = tsApi.parseConfigFileTextToJson(absolute, text);
  if (json.error || json.config === null || typeof json.config !== 'object' || Array.isArray(json.config)) {
    const reason = json.error ? describeDiagnostic(tsApi, json.error) : 'the file does not hold a JSON object';
    return defaults(`${absolute} is not valid JSON (${reason}); using default compiler options`);
  }

  let parsed: ts.ParsedCommandLine;
  try {
    parsed = tsApi.parseJsonConfigFileContent(json.config, tsApi.sys, directory, undefined, absolute);
  } catch (error) {
    return defaults(`cannot parse ${absolute} (${error instanceof Error ? error.message : String(error)}); using default compiler options`);
  }
  const problems: string[] = [];
  for (const diagnostic of parsed.errors) {
    if (IGNORED_CONFIG_DIAGNOSTICS.has(diagnostic.code)) continue;
    const message = describeDiagnostic(tsApi, diagnostic);
    if (diagnostic.code === 5083 || diagnostic.code === 6053) {
      problems.push(`${absolute}: "extends" refers to a file that cannot be read (${message}); using the config's own options and defaults for the rest`);
    } else {
      problems.push(`${absolute}: ${message}`);
    }
  }
  const isJsConfig = path.basename(absolute).toLowerCase().startsWith('jsconfig');
  const compilerOptions: ts.CompilerOptions = {
    ...parsed.options,
    // The analysis reads JavaScript too; a jsconfig means it.
    allowJs: isJsConfig ? true : parsed.options.allowJs,
    noEmit: true,
  };
  return {
    configPath: absolute,
    directory,
    compilerOptions,
    fileNames: parsed.fileNames.map((f) => path.resolve(f)),
    references: (parsed.projectReferences ?? []).map((r) => resolveReferencePath(r.path)),
    problems,
    usedDefaults: false,
  };
}

/** A reference names a config file or a folder that holds `tsconfig.json`. */
function resolveReferencePath(referencePath: string): string {
  const resolved = path.resolve(referencePath);
  return resolved.toLowerCase().endsWith('.json') ? resolved : path.join(resolved, 'tsconfig.json');
}
