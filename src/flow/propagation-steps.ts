/**
 * Built-in propagation steps, as data: which library and global calls pass taint from their inputs
 * to their result, and how. A call the engine cannot follow and that is not listed here returns a
 * clean value (precision first: a lookup `User.findById(req.params.id)` does not return client input).
 *
 * Methods called on a tainted receiver (`url.trim()`, `params.get('u')`) keep the taint unless
 * listed in `CLEAN_RESULT_METHODS` (they return booleans, numbers or nothing).
 *
 * Every row has a `name` and is tested in `tests/flow/propagation-steps.test.ts`.
 */

/** How a call's result relates to its inputs. */
export type StepEffect =
  /** The result is argument `arg` itself (`firstValueFrom(x)`, `schema.parse(x)`); field reads keep refining the label. */
  | { readonly kind: 'copy'; readonly arg: number }
  /** The result is derived from every argument (`String(x)`, `util.format(...)`): same taints, no fields. */
  | { readonly kind: 'transform' }
  /** Arguments joined with `/` (`path.join(base, x)`): positions as in a concatenation. */
  | { readonly kind: 'join-path' }
  /** The result wraps argument `arg` in a field (`schema.safeParse(x).data`, joi `validate(x).value`). */
  | { readonly kind: 'wrap'; readonly arg: number; readonly field: string }
  /** `pick(obj, ['a', 'b'])`: the named fields of argument 0. */
  | { readonly kind: 'pick' }
  /** `get(obj, 'a.b')`: the field path of argument 0. */
  | { readonly kind: 'get-path' }
  /** `Object.assign(target, ...sources)`: the union, written back into the target variable. */
  | { readonly kind: 'merge-into-first' }
  /**
   * The inputs of the request object passed as argument `arg`, merged field by field: express-validator's
   * `matchedData(req)` returns the validated fields of the body, query, params, cookies and headers,
   * which are still the client's data.
   */
  | { readonly kind: 'request-inputs'; readonly arg: number; readonly inputs: readonly string[] };

export interface PropagationStepRow {
  readonly name: string;
  /** `undefined` for globals; the module otherwise (`path`, `lodash`). */
  readonly module: string | undefined;
  /** Module path of the callee (see `module-paths.ts`): `String`, `join`, `promises.lookup`. */
  readonly paths: readonly string[];
  readonly effect: StepEffect;
}

export const PROPAGATION_STEPS = [
  { name: 'string-conversion', module: undefined, paths: ['String'], effect: { kind: 'transform' } },
  { name: 'uri-encoding', module: undefined, paths: ['encodeURIComponent', 'encodeURI', 'decodeURIComponent', 'decodeURI', 'escape', 'unescape'], effect: { kind: 'transform' } },
  { name: 'json-parse', module: undefined, paths: ['JSON.parse'], effect: { kind: 'transform' } },
  { name: 'structured-clone', module: undefined, paths: ['structuredClone'], effect: { kind: 'copy', arg: 0 } },
  { name: 'array-from', module: undefined, paths: ['Array.from', 'Array.of', 'Object.values', 'Object.entries', 'Object.keys', 'Object.fromEntries', 'Buffer.from'], effect: { kind: 'transform' } },
  { name: 'promise-resolve', module: undefined, paths: ['Promise.resolve'], effect: { kind: 'copy', arg: 0 } },
  { name: 'promise-all', module: undefined, paths: ['Promise.all', 'Promise.allSettled', 'Promise.race', 'Promise.any'], effect: { kind: 'transform' } },
  { name: 'object-assign', module: undefined, paths: ['Object.assign'], effect: { kind: 'merge-into-first' } },
  { name: 'rxjs-first-value', module: 'rxjs', paths: ['firstValueFrom', 'lastValueFrom'], effect: { kind: 'copy', arg: 0 } },
  { name: 'url-format', module: 'url', paths: ['format', 'parse', 'resolve'], effect: { kind: 'transform' } },
  { name: 'path-join', module: 'path', paths: ['join', 'posix.join', 'resolve', 'posix.resolve', 'normalize'], effect: { kind: 'join-path' } },
  { name: 'util-format', module: 'util', paths: ['format'], effect: { kind: 'transform' } },
  { name: 'querystring', module: 'querystring', paths: ['stringify', 'parse', 'escape', 'unescape'], effect: { kind: 'transform' } },
  { name: 'qs', module: 'qs', paths: ['stringify', 'parse'], effect: { kind: 'transform' } },
  { name: 'dns-lookup', module: 'dns', paths: ['lookup', 'resolve', 'resolve4', 'resolve6', 'promises.lookup', 'promises.resolve', 'promises.resolve4', 'promises.resolve6'], effect: { kind: 'transform' } },
  { name: 'dns-promises-lookup', module: 'dns/promises', paths: ['lookup', 'resolve', 'resolve4', 'resolve6'], effect: { kind: 'transform' } },
  { name: 'lodash-pick', module: 'lodash', paths: ['pick'], effect: { kind: 'pick' } },
  { name: 'lodash-pick-module', module: 'lodash/pick', paths: [''], effect: { kind: 'pick' } },
  { name: 'lodash-get', module: 'lodash', paths: ['get'], effect: { kind: 'get-path' } },
  { name: 'lodash-get-module', module: 'lodash/get', paths: [''], effect: { kind: 'get-path' } },
  { name: 'lodash-merge', module: 'lodash', paths: ['merge', 'assign', 'defaults', 'cloneDeep', 'clone', 'toString', 'trim'], effect: { kind: 'transform' } },
  { name: 'class-transformer', module: 'class-transformer', paths: ['plainToInstance', 'plainToClass'], effect: { kind: 'copy', arg: 1 } },
  { name: 'express-validator-matched-data', module: 'express-validator', paths: ['matchedData'], effect: { kind: 'request-inputs', arg: 0, inputs: ['body', 'query', 'params', 'cookies', 'headers'] } },
] as const satisfies readonly PropagationStepRow[];

/** A method, on any receiver, that passes an argument through (validation libraries), by method name. */
export interface MethodStepRow {
  readonly name: string;
  readonly method: string;
  readonly effect: StepEffect;
}

/**
 * Validation methods: the result is the input (format validation is no sanitizer). `zod`
 * `parse`/`safeParse`, `joi` `validate`/`validateAsync`, `yup` `validate`/`validateSync`/`cast`,
 * `superstruct` `create`/`mask`, `valibot` `parse` (a free function there: see `PROPAGATION_STEPS`).
 */
export const VALIDATION_METHOD_STEPS = [
  { name: 'zod-parse', method: 'parse', effect: { kind: 'copy', arg: 0 } },
  { name: 'zod-parse-async', method: 'parseAsync', effect: { kind: 'copy', arg: 0 } },
  { name: 'zod-safe-parse', method: 'safeParse', effect: { kind: 'wrap', arg: 0, field: 'data' } },
  { name: 'zod-safe-parse-async', method: 'safeParseAsync', effect: { kind: 'wrap', arg: 0, field: 'data' } },
  { name: 'joi-validate', method: 'validate', effect: { kind: 'wrap', arg: 0, field: 'value' } },
  { name: 'joi-validate-async', method: 'validateAsync', effect: { kind: 'copy', arg: 0 } },
  { name: 'yup-validate-sync', method: 'validateSync', effect: { kind: 'copy', arg: 0 } },
  { name: 'yup-cast', method: 'cast', effect: { kind: 'copy', arg: 0 } },
] as const satisfies readonly MethodStepRow[];

/** Methods whose result carries no client-chosen text (booleans, numbers, nothing), whatever the receiver. */
export const CLEAN_RESULT_METHODS: ReadonlySet<string> = new Set([
  'startsWith',
  'endsWith',
  'includes',
  'indexOf',
  'lastIndexOf',
  'test',
  'has',
  'some',
  'every',
  'localeCompare',
  'charCodeAt',
  'codePointAt',
  'search',
  'getTime',
  'findIndex',
  'push',
  'unshift',
  'forEach',
  'isValid',
  'isURL',
]);

/** Methods that write their argument into the receiver (`arr.push(x)`, `params.append('u', x)`). */
export const MUTATING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'append', 'set', 'add', 'splice']);

/** Array methods whose callback receives the elements. */
export const ELEMENT_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'map',
  'forEach',
  'filter',
  'find',
  'findLast',
  'some',
  'every',
  'flatMap',
  'reduce',
  'reduceRight',
  'sort',
]);

/**
 * Methods whose callback the engine calls with the receiver's value (`p.then(cb)`, `p.finally(cb)`,
 * `arr.map(cb)`): apart from the calls of a function, the only way its parameters receive a value.
 */
export function isValueCallbackMethod(method: string): boolean {
  return method === 'then' || method === 'finally' || ELEMENT_CALLBACK_METHODS.has(method);
}

/** URL properties that fix the host when written (`u.hostname = x`). */
export const URL_HOST_PROPERTIES: ReadonlySet<string> = new Set(['href', 'host', 'hostname', 'origin', 'protocol', 'port', 'username', 'password']);

/** URL properties that only reach the path, query or fragment when written. */
export const URL_PATH_PROPERTIES: ReadonlySet<string> = new Set(['pathname', 'search', 'hash', 'searchParams']);

/** Properties of strings and collections whose value carries no client-chosen text. */
export const CLEAN_PROPERTIES: ReadonlySet<string> = new Set(['length', 'size', 'byteLength']);

/** The rows by module and path (`''` for globals), first row first: the engine asks at every call it cannot follow. */
const stepsByModule = new Map<string, Map<string, PropagationStepRow>>();
for (const row of PROPAGATION_STEPS as readonly PropagationStepRow[]) {
  const key = row.module ?? '';
  let byPath = stepsByModule.get(key);
  if (!byPath) stepsByModule.set(key, (byPath = new Map()));
  for (const path of row.paths) if (!byPath.has(path)) byPath.set(path, row);
}
const methodSteps = new Map<string, MethodStepRow>();
for (const row of VALIDATION_METHOD_STEPS as readonly MethodStepRow[]) if (!methodSteps.has(row.method)) methodSteps.set(row.method, row);

export function findPropagationStep(module: string | undefined, path: string): PropagationStepRow | undefined {
  return stepsByModule.get(module ?? '')?.get(path);
}

export function findValidationMethodStep(method: string): MethodStepRow | undefined {
  return methodSteps.get(method);
}
