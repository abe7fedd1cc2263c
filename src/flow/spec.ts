/**
 * The vocabulary of the flow engine: what a rule declares (`FlowSpec`: sources, sinks, barriers,
 * barrier guards, extra steps) and what the engine returns (`Flow`). See `engine.ts` for how a rule
 * uses it and `docs/design/flow-engine.md` for how the engine works.
 */
import type * as ts from 'typescript';
import type { AnalysisContext, TsApi } from '../core/context.js';
import type { RequestInputKind } from '../catalog/request-inputs.js';
import type { UrlPart } from './url-parts.js';

export type { UrlPart } from './url-parts.js';
export type { RequestInputKind } from '../catalog/request-inputs.js';

/** Where tainted data comes from. */
export type SourceKind = RequestInputKind | 'caught-error' | 'client-response' | 'custom';

/** A source of tainted data, as the engine reports it. */
export interface SourceInfo {
  /** The read as written: `req.query`, `request.body`, the `@Body()` parameter, the `catch (err)` variable. */
  readonly node: ts.Node;
  readonly file: ts.SourceFile;
  readonly kind: SourceKind;
  /**
   * How messages name it. The engine refines it with the fields read afterwards, so `const { url } = req.query`
   * reports `req.query.url`.
   */
  readonly label: string;
  /** `POST /preview` when the handler's registration in its file names the route. */
  readonly route?: string;
  /**
   * The identity of the input, when several reads denote the same data (`req.body` read twice in one
   * handler): a guard that checks one read sanitizes the others. Defaults to the node.
   */
  readonly key?: string;
}

/** A value a rule checks at a sink. */
/** What `sinks` returns for a node that is no sink: one shared empty list (sinks are asked about every call, twice). */
export const NO_SINK_TARGETS: readonly SinkTarget[] = Object.freeze([]);

export interface SinkTarget {
  /** Where the finding is reported: the outbound call, the `res.json(...)` call, the `throw`. */
  readonly node: ts.Node;
  /** The expression whose value must not be tainted (an argument, a returned or thrown value). */
  readonly expression: ts.Expression;
  /**
   * Fields to read from the value before checking it: `['url']` checks the `url` option of an options
   * object (`axios({ url })`), `['baseURL']` its base URL. Empty or absent checks the value itself.
   */
  readonly access?: readonly string[];
  /**
   * Where the value lands in the final URL: `path` for values that can only reach the path or query of
   * an origin fixed elsewhere (`got` with a fixed `prefixUrl`, `{ path }` options). Absent for
   * sinks that are not URLs.
   */
  readonly position?: UrlPart;
  /** The sink for messages: `axios.get`, `fetch`, `res.json`. */
  readonly label: string;
  /** What part of the sink the value is, for messages: `URL`, `host`, `base URL`. */
  readonly role?: string;
  /**
   * Check the value and every field of it, nested ones included (a response body serializes them
   * all: `res.json({ error: err.message })`). Without it only whole-value taints count.
   */
  readonly deep?: boolean;
}

/**
 * A condition that checks a value: when the condition evaluates to `when`, `checked` is clean.
 * The engine applies it where the condition dominates: inside `if (cond) { ... }`, after
 * `if (!cond) return/throw/continue`, in `cond ? a : b` and `cond && a`.
 */
export interface GuardCheck {
  readonly checked: ts.Expression;
  readonly when: boolean;
  /** The other side of the comparison or the collection checked against; it must not be tainted itself. */
  readonly against?: ts.Expression;
}

/** An extra propagation step: the value of `node` carries the taint of `from`. */
export interface ExtraStep {
  readonly from: readonly ts.Expression[];
  /** Where `from` lands in the result, when the step builds a URL (`path`: after a fixed origin). */
  readonly position?: UrlPart;
}

/** What the engine hands to a spec's callbacks. */
export interface FlowApi {
  readonly ts: TsApi;
  readonly ctx: AnalysisContext;
  /** The file of the node being looked at (the analyzed file, or another project file). */
  readonly sourceFile: ts.SourceFile;
  /**
   * The module path of a callee or value (`axios.get`, `undici.request`, `axios.create().get`,
   * `@nestjs/axios.HttpService().get`, the global `fetch`), from imports, `require`, local
   * variables initialized by factory calls and injected constructor parameters.
   */
  modulePathOf(expr: ts.Expression): ModulePath | undefined;
  /** True when the expression's value is tainted at this point (any source, any part). */
  isTainted(expr: ts.Expression): boolean;
}

/** Where a callee or value comes from: a module and the member path below it, or a global. */
export interface ModulePath {
  /** The package as imported, without `node:` (`axios`, `https`, `@nestjs/axios`); `undefined` for globals. */
  readonly module: string | undefined;
  /**
   * Members below the module's export, `()` marking calls and instantiations: `get`, `create().get`,
   * `HttpService().axiosRef.get`. The default export is the empty path; for globals, the global name.
   */
  readonly path: string;
  /** True when the module is a project file (a relative or aliased import), not a package. */
  readonly local?: boolean;
}

/**
 * A rule's declaration of what flows where, in the spirit of CodeQL's `ConfigSig`. Every callback
 * is optional except `sinks`; keep them cheap (they run for every call, return and throw).
 */
export interface FlowSpec {
  /** Unique id; the engine caches per spec identity, so create a spec once per settings object. */
  readonly id: string;
  /** Built-in sources: request inputs of the given kinds (`all` for every kind), caught errors. */
  readonly sources: {
    readonly request?: readonly RequestInputKind[] | 'all';
    /** `catch (err)` variables, `.catch(err => ...)` parameters and error-handler error parameters. */
    readonly caughtErrors?: boolean;
    /**
     * What outbound HTTP requests resolve to: the result of a catalogued client call (`fetch(url)`,
     * `axios.get(url)`, Nest `this.http.get(url)`), then `.json()`, `.data`, `firstValueFrom(...)`.
     */
    readonly clientResponses?: boolean;
  };
  /**
   * Arithmetic keeps taint: `x * 1`, `x | 0`, `+x`, `-x` carry the taints of their operands (for rules
   * about magnitudes, such as page sizes). Off by default: arithmetic results are clean numbers.
   */
  readonly arithmeticKeepsTaint?: boolean;
  /** Extra sources: an expression whose value is tainted. */
  isSource?(node: ts.Expression, api: FlowApi): Omit<SourceInfo, 'file'> | undefined;
  /**
   * The values that must not be tainted at a call, `new`, `return`, `throw` or concise arrow body.
   * Decide syntactically (module paths, names): the engine also calls this before any analysis to
   * find the functions worth analyzing, with an `api.isTainted` that answers `false`.
   */
  sinks(node: ts.Node, api: FlowApi): readonly SinkTarget[];
  /**
   * A cheap first test of a file (its imports, its text): `false` when no sink can be in it, so the
   * engine skips the file without walking it. Optional; must never say `false` for a file `sinks` matches in.
   */
  mayHaveSinks?(sourceFile: ts.SourceFile, api: FlowApi): boolean;
  /**
   * A cheap test of a function that holds a sink candidate: `false` when no source of the spec can
   * reach its code, so the engine does not analyze it for its sinks. Optional; must over-approximate
   * everything the engine follows (closures, parameters, returned values).
   */
  mayReachUnit?(unit: ts.FunctionLikeDeclaration | ts.SourceFile, api: FlowApi): boolean;
  /** A sanitizer: an expression (usually a call) whose value is clean whatever its inputs. */
  isBarrier?(node: ts.Expression, api: FlowApi): boolean;
  /** A single check (`ALLOWED.has(host)`); the engine combines `!`, `&&`, `||` and helper functions. */
  barrierGuard?(condition: ts.Expression, api: FlowApi): GuardCheck | undefined;
  /**
   * Whether a call to a function outside the analysis (an import the engine cannot follow) that is
   * used as a guard (`if (!isAllowed(u)) return`) might be one. In per-file mode the engine stays
   * silent about values such a call checks when this returns true.
   */
  mayBeGuardCall?(call: ts.CallExpression, api: FlowApi): boolean;
  /** Extra steps: the value of `node` (a call or `new`) carries the taint of some of its inputs. */
  step?(node: ts.CallExpression | ts.NewExpression, api: FlowApi): ExtraStep | undefined;
}

/** A call that a flow passes through on its way to the sink (an argument entering a function). */
export interface FlowStep {
  /** The call site. */
  readonly node: ts.Node;
  readonly file: ts.SourceFile;
  /** `fetchPreview(target)`, `this.fhir.syncPatients(dto.baseUrl, dto.since)` (shortened). */
  readonly label: string;
}

/** One flow from a source to a sink target, reported in the file of the sink. */
export interface Flow {
  readonly source: SourceInfo;
  readonly sink: SinkTarget;
  /** The part of the URL the source controls at the sink (`whole` for non-URL sinks). */
  readonly part: UrlPart;
  /** The call sites between the source's function and the sink's function, outermost first. */
  readonly steps: readonly FlowStep[];
}
