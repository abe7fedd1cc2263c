/**
 * Placeholders for fake credentials in committed fixture apps (tests/fixtures/labelled-apps). The
 * committed files hold no credential in a live provider format; a test copies the app to a temporary
 * folder and fills each placeholder with a generated value of the same shape (same prefix, which
 * stays outside the placeholder, same length and alphabet), so the analyzer sees what it would see
 * in the original app.
 *
 *     {{fake:<alphabet>:<length>}}        <length> characters drawn from FAKE_ALPHABETS[<alphabet>]
 *     {{fake:<alphabet>:<length>:<id>}}   the same, one value for every occurrence of <id> in a copy
 *     {{pem:BEGIN <label>}}               the armour line `-----BEGIN <label>-----` (and END alike)
 *
 * `'sk_live_{{fake:alnum:99}}'` becomes a Stripe-shaped live key. A placeholder is template syntax,
 * which the analyzer takes for a stand-in, and its braces break every provider format (a PEM block
 * has no `-----BEGIN` line until it is filled), so the committed files give secret scanners nothing.
 * Values come from `createFakeSource(seed)`, so a seed gives the same values on every run.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALPHABET, createFakeSource } from './fake-secrets.js';

/** The alphabets a placeholder may name: those of fake-secrets.ts, and `password` (alphanumerics and `!#%^`). */
export const FAKE_ALPHABETS: Readonly<Record<string, string>> = { ...ALPHABET, password: `${ALPHABET.alnum}!#%^` };

/** Any placeholder, well formed or not (what is left after filling must not match). */
const ANY_PLACEHOLDER = /\{\{\s*(?:fake|pem)\b[^}]*\}\}/;
const PLACEHOLDER = /\{\{(?:fake:([a-z0-9]+):(\d+)(?::([\w-]+))?|pem:(BEGIN|END) ([A-Z0-9 ]+))\}\}/g;

export interface FakeSecretFiller {
  /** `text` with every placeholder filled; throws on a malformed placeholder or an unknown alphabet. */
  fill(text: string): string;
  /** Every value generated so far (one per `fake` placeholder, once per `id`), in order. */
  readonly values: readonly string[];
}

/** A filler whose values come from `seed`; values named by an `id` are shared by all the texts it fills. */
export function createFakeSecretFiller(seed: number): FakeSecretFiller {
  const source = createFakeSource(seed);
  const named = new Map<string, { spec: string; value: string }>();
  const values: string[] = [];
  return {
    values,
    fill(text) {
      const filled = text.replace(PLACEHOLDER, (whole, alphabetName?: string, length?: string, id?: string, armour?: string, label?: string) => {
        if (armour) return `-----${armour} ${label}-----`;
        const alphabet = FAKE_ALPHABETS[alphabetName!];
        if (!alphabet) throw new Error(`unknown alphabet in ${whole} (known: ${Object.keys(FAKE_ALPHABETS).join(', ')})`);
        const spec = `${alphabetName}:${length}`;
        const shared = id === undefined ? undefined : named.get(id);
        if (shared) {
          if (shared.spec !== spec) throw new Error(`${whole}: id "${id}" was first used as ${shared.spec}`);
          return shared.value;
        }
        const value = source.chars(Number(length), alphabet);
        if (id !== undefined) named.set(id, { spec, value });
        values.push(value);
        return value;
      });
      const left = ANY_PLACEHOLDER.exec(filled);
      if (left) throw new Error(`malformed placeholder ${left[0]}`);
      return filled;
    },
  };
}

/** A seed from a name (FNV-1a), so each fixture app gets values of its own, the same on every run. */
export function seedFromName(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/**
 * Fills the placeholders of every file under `dir` in place (the folder is a copy), with values from
 * `seed`. Returns the generated values, for checks that no output repeats one.
 */
export function fillFakeSecretsInTree(dir: string, seed: number): string[] {
  const filler = createFakeSecretFiller(seed);
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const text = readFileSync(full, 'utf8');
        if (!ANY_PLACEHOLDER.test(text)) continue;
        try {
          writeFileSync(full, filler.fill(text));
        } catch (error) {
          throw new Error(`${path.relative(dir, full)}: ${(error as Error).message}`);
        }
      }
    }
  };
  walk(dir);
  return [...filler.values];
}
