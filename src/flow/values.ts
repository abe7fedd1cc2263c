/**
 * Abstract values of the flow engine: what a variable or expression may hold, as far as taint goes.
 *
 * A value has the taints of the value as a whole (`taints`), optionally known fields (an object
 * literal `{ url: x, params: {...} }` keeps each field apart, so `axios.get(fixed, { params: { url } })`
 * does not taint the `url` option), and markers for request objects (`req`, whose `.body` is a
 * source). A taint comes from a source or, inside a function analyzed once for all callers, from a
 * parameter (resolved later at each call site).
 */
import type * as ts from 'typescript';
import type { Handler } from '../model/handlers.js';
import type { FlowStep, SourceInfo } from './spec.js';
import { placeUrlPart, widestUrlPart, type UrlPart } from './url-parts.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

/** Where a taint starts: a source, or a parameter of the function being summarized. */
export type Origin =
  | { readonly kind: 'source'; readonly source: SourceInfo }
  | { readonly kind: 'param'; readonly fn: ts.Node; readonly index: number };

export interface Taint {
  readonly origin: Origin;
  /** Fields read below the origin (`['url']` for `req.body.url` from `req.body`, or `p.url` from a parameter). */
  readonly path: readonly string[];
  readonly part: UrlPart;
  /** Call sites the taint entered functions through, outermost first. */
  readonly steps: readonly FlowStep[];
  /** False once the value was transformed (concatenated, parsed): later field reads no longer refine the label. */
  readonly refinable: boolean;
}

/** A request object (`req`, `request`, a Nest `@Req()` parameter): its input properties are sources. */
export interface RequestObjectMarker {
  readonly handler: Handler;
  /** The request parameter (or the binding that holds the request). */
  readonly node: ts.Node;
  /** How messages name it: `req`, `request`. */
  readonly label: string;
}

export interface AbsValue {
  readonly taints: readonly Taint[];
  readonly fields?: ReadonlyMap<string, AbsValue>;
  readonly request?: RequestObjectMarker;
}

export const CLEAN: AbsValue = Object.freeze({ taints: Object.freeze([]) as readonly Taint[] });

const originIds = new FileScopedWeakMap<object, number>();
let nextOriginId = 1;

/** A small number that identifies a node (or any object) for keys, stable for the object's lifetime. */
export function idOf(node: object): number {
  let id = originIds.get(node);
  if (id === undefined) {
    id = nextOriginId++;
    originIds.set(node, id);
  }
  return id;
}

/**
 * The keys of each taint, built once per taint object: a taint is never changed (a new path, part or
 * step makes a new one), and joins and guards ask for the same taints' keys again and again (a large
 * file's summaries join values of up to 64 taints many times over). They are kept on the taint as
 * non-enumerable symbol properties, which the spreads that derive a new taint (`{ ...t, path }`) do
 * not copy; a weak map entry per taint cost as much as building the key.
 */
const TAINT_KEY: unique symbol = Symbol('taint key');
const DEDUPE_KEY: unique symbol = Symbol('dedupe key');

type KeyedTaint = Taint & { [TAINT_KEY]?: string; [DEDUPE_KEY]?: string };

function remember(taint: Taint, symbol: typeof TAINT_KEY | typeof DEDUPE_KEY, key: string): string {
  if (Object.isExtensible(taint)) Object.defineProperty(taint, symbol, { value: key });
  return key;
}

/** A key that identifies a taint's origin and field path (not its part or steps). */
export function taintKey(taint: Taint): string {
  const known = (taint as KeyedTaint)[TAINT_KEY];
  if (known !== undefined) return known;
  const base =
    taint.origin.kind === 'source'
      ? `s${taint.origin.source.key ?? idOf(taint.origin.source.node)}`
      : `p${idOf(taint.origin.fn)}:${taint.origin.index}`;
  return remember(taint, TAINT_KEY, taint.path.length > 0 ? `${base}.${taint.path.join('.')}` : base);
}

/** `taintKey` and the call sites the taint crossed: what `dedupeTaints` keeps one taint per. */
function dedupeKey(taint: Taint): string {
  const known = (taint as KeyedTaint)[DEDUPE_KEY];
  if (known !== undefined) return known;
  return remember(taint, DEDUPE_KEY, `${taintKey(taint)}|${taint.steps.map((s) => idOf(s.node)).join(',')}`);
}

export function isClean(value: AbsValue): boolean {
  return value.taints.length === 0 && !value.request && (!value.fields || [...value.fields.values()].every(isClean));
}

/** All taints of a value, its fields included. */
export function allTaints(value: AbsValue): readonly Taint[] {
  const out: Taint[] = [...value.taints];
  const stack: AbsValue[] = value.fields ? [...value.fields.values()] : [];
  let budget = 256;
  while (stack.length > 0 && budget-- > 0) {
    const v = stack.pop()!;
    out.push(...v.taints);
    if (v.fields) stack.push(...v.fields.values());
  }
  return dedupeTaints(out);
}

export function taintedValue(taints: readonly Taint[]): AbsValue {
  return taints.length === 0 ? CLEAN : { taints: dedupeTaints(taints) };
}

/**
 * Marks a list `dedupeTaints` returned (one taint per key, at most 64). A symbol property on the
 * array, not a weak map entry: a map entry per join cost more than the join saved. Copies of the
 * list (`[...list]`) do not carry it.
 */
const DEDUPED: unique symbol = Symbol('deduplicated taints');

/** Keeps one taint per origin, path and step path, with the widest part. */
export function dedupeTaints(taints: readonly Taint[]): readonly Taint[] {
  const deduped = collectDistinctTaints(taints);
  (deduped as Taint[] & { [DEDUPED]?: true })[DEDUPED] = true;
  return deduped;
}

function isDeduplicated(list: readonly Taint[]): boolean {
  return (list as readonly Taint[] & { readonly [DEDUPED]?: true })[DEDUPED] === true;
}

function collectDistinctTaints(taints: readonly Taint[]): Taint[] {
  if (taints.length <= 1) return [...taints];
  const byKey = new Map<string, Taint>();
  for (const taint of taints) {
    const key = dedupeKey(taint);
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, taint);
    } else {
      const part = widestUrlPart(existing.part, taint.part);
      if (part !== existing.part || (taint.refinable && !existing.refinable)) {
        byKey.set(key, { ...existing, part, refinable: existing.refinable || taint.refinable });
      }
    }
  }
  return [...byKey.values()].slice(0, 64);
}

/** The union of two values (a join point, `a ?? b`, a ternary). */
export function joinValues(a: AbsValue, b: AbsValue): AbsValue {
  if (a === b || isClean(b)) return a;
  if (isClean(a)) return b;
  const taints = containsAllTaints(a.taints, b.taints) ? a.taints : dedupeTaints([...a.taints, ...b.taints]);
  let fields: Map<string, AbsValue> | undefined;
  if (a.fields || b.fields) {
    fields = new Map();
    // A field known on one side only may hold the other side's whole-value taints.
    const keys = new Set([...(a.fields?.keys() ?? []), ...(b.fields?.keys() ?? [])]);
    for (const key of keys) {
      const left = a.fields?.get(key) ?? (a.fields ? CLEAN : taintedValue(a.taints));
      const right = b.fields?.get(key) ?? (b.fields ? CLEAN : taintedValue(b.taints));
      fields.set(key, joinValues(left, right));
    }
  }
  return { taints, fields, request: a.request ?? b.request };
}

/**
 * True when `list` is deduplicated and holds every taint of `others` itself (the same objects): then
 * `dedupeTaints([...list, ...others])` is `list` again (each of `others` meets itself, with the same
 * part), and a join at a loop's head or after two branches that added nothing costs no keys.
 */
function containsAllTaints(list: readonly Taint[], others: readonly Taint[]): boolean {
  if (others.length === 0) return isDeduplicated(list);
  if (others.length > list.length || !isDeduplicated(list)) return false;
  for (const taint of others) if (!list.includes(taint)) return false;
  return true;
}

export function joinAll(values: readonly AbsValue[]): AbsValue {
  let out = CLEAN;
  for (const v of values) out = joinValues(out, v);
  return out;
}

/** The taints of a value placed at `position` of a URL, marked as transformed. */
export function placeValue(value: AbsValue, position: UrlPart): Taint[] {
  return allTaints(value).map((t) => ({ ...t, part: placeUrlPart(t.part, position), refinable: false }));
}

/** The value transformed as a whole (parsed, normalized): same taints, no longer refinable, no fields. */
export function transformValue(value: AbsValue): AbsValue {
  const taints = allTaints(value);
  if (taints.length === 0) return CLEAN;
  return { taints: taints.map((t) => (t.refinable ? { ...t, refinable: false } : t)) };
}

/** Removes every taint whose key is in `keys`, in a value and its fields. */
export function withoutTaintKeys(value: AbsValue, keys: ReadonlySet<string>): AbsValue {
  if (keys.size === 0 || isClean(value)) return value;
  const taints = value.taints.filter((t) => !keys.has(taintKey(t)));
  let fields: Map<string, AbsValue> | undefined;
  if (value.fields) {
    fields = new Map();
    for (const [key, field] of value.fields) fields.set(key, withoutTaintKeys(field, keys));
  }
  if (taints.length === value.taints.length && !fields) return value;
  return { taints, fields, request: value.request };
}

/** Adds a step to every taint (the value crosses a call site into a callee). */
export function withStep(taints: readonly Taint[], step: FlowStep): Taint[] {
  return taints.map((t) => (t.steps.length >= 8 ? t : { ...t, steps: [...t.steps, step] }));
}

/**
 * The value of field `name` of a value (request objects aside): a known field, or the whole-value
 * taints with the field appended to their path while they are refinable.
 */
export function projectField(value: AbsValue, name: string): AbsValue {
  const known = value.fields?.get(name);
  const anyKey = value.fields?.get(UNKNOWN_KEY_FIELD);
  let result: AbsValue;
  if (known) result = known;
  else if (value.taints.length === 0) result = CLEAN;
  else result = { taints: value.taints.map((t) => (t.refinable && t.path.length < 6 ? { ...t, path: [...t.path, name] } : t)) };
  return anyKey ? joinValues(result, anyKey) : result;
}

/**
 * The field that holds what was written under a computed key the client does not choose
 * (`out[key] = body[key]` with `key` from a constant list): any named read may see it, but the
 * object's keys stay the server's. A computed key that is itself tainted taints the whole value.
 */
export const UNKNOWN_KEY_FIELD = '\u0000[key]';

/** The value of an unknown field (`obj[key]`): every known field and the whole-value taints. */
export function projectAnyField(value: AbsValue): AbsValue {
  const taints: Taint[] = value.taints.map((t) => (t.refinable ? { ...t, refinable: false } : t));
  for (const field of value.fields?.values() ?? []) taints.push(...allTaints(field));
  return taintedValue(taints);
}

/** The part of a value to check at a sink placed at `position`. */
export function partAt(taint: Taint, position: UrlPart | undefined): UrlPart {
  return position ? placeUrlPart(taint.part, position) : taint.part;
}

/** The value with `map` applied to every taint, its fields included. */
export function mapTaints(value: AbsValue, map: (taint: Taint) => Taint, depth = 0): AbsValue {
  if (isClean(value) || depth > 8) return value;
  let fields: Map<string, AbsValue> | undefined;
  if (value.fields) {
    fields = new Map();
    for (const [key, field] of value.fields) fields.set(key, mapTaints(field, map, depth + 1));
  }
  return { taints: value.taints.map(map), fields, request: value.request };
}
