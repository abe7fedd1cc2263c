/**
 * Placeholder values: text written where a secret is expected, to be replaced (`changeme`,
 * `<your-key>`, `${API_KEY}`, `xxx`, `***`), or a bare word that names the secret instead of being
 * one (`secret`, `password`). They are never reported: they are not credentials, and a rule that
 * reports them gets disabled.
 */
import { distinctCharacterCount, shannonEntropy } from './entropy.js';
import { splitIdentifierWords } from './secret-name.js';

/** Words that mark a value as a stand-in, wherever they appear as a word: `test-secret`, `your_api_key`. */
const PLACEHOLDER_MARKERS = new Set([
  'changeme',
  'changeit',
  'replaceme',
  'example',
  'examples',
  'sample',
  'dummy',
  'fake',
  'mock',
  'mocked',
  'stub',
  'placeholder',
  'test',
  'testing',
  'tests',
  'demo',
  'your',
  'yours',
  'redacted',
  'todo',
  'tbd',
  'fixme',
  'xxx',
  'xxxx',
  'notasecret',
  'notreal',
  'insert',
  'replace',
  'here',
]);

/** Values that are one generic word, or only generic words: they name a secret, they are not one. */
const GENERIC_SECRET_WORDS = new Set([
  'secret',
  'secrets',
  'password',
  'passwords',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'token',
  'tokens',
  'key',
  'keys',
  'api',
  'apikey',
  'credential',
  'credentials',
  'creds',
  'auth',
  'default',
  'none',
  'null',
  'nil',
  'undefined',
  'empty',
  'unset',
  'foo',
  'bar',
  'baz',
  'foobar',
  'qux',
  'abc',
  'admin',
  'root',
  'guest',
  'user',
  'username',
  'postgres',
  'mysql',
  'redis',
]);

/** Template and variable syntax that a config system substitutes: `${X}`, `{{x}}`, `<x>`, `%s`, `$X`, `__X__`, `[X]`. */
const SUBSTITUTION_SYNTAX = [
  /\$\{[^}]*\}/,
  /\{\{[^}]*\}\}/,
  /<[^<>\s][^<>]*>/,
  /%\(?[\w.]*\)?[sd]\b/,
  /^\$[A-Z_][A-Z0-9_]*$/,
  /^__[A-Z0-9_]+__$/,
  /^\[[A-Z0-9_ -]+\]$/i,
  /^#\{[^}]*\}$/,
] as const;

const KEYBOARD_RUNS = ['0123456789', '9876543210', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** True for `aaaa`, `abab`, `123123`, `12345678`, `abcdef`, `qwerty`: repeated or sequential characters. */
function isRepeatedOrSequential(value: string): boolean {
  const lower = value.toLowerCase();
  if (distinctCharacterCount(lower) <= 2) return true;
  for (let period = 1; period <= 4 && period * 2 <= lower.length; period++) {
    if (lower === lower.slice(0, period).repeat(Math.ceil(lower.length / period)).slice(0, lower.length)) return true;
  }
  if (lower.length >= 4 && KEYBOARD_RUNS.some((run) => run.includes(lower))) return true;
  return false;
}

/** True for masks and fillers: `***`, `xxx-xxx`, `...`, `###`, `•••`. */
function isMask(value: string): boolean {
  return /^[*•·.#_\-xX?~=+ ]+$/.test(value) || /^(?:x{3,}|X{3,})(?:[-_.:]?(?:x+|X+))*$/.test(value);
}

/**
 * True when `value` is a placeholder rather than a credential: empty, substitution syntax, a mask,
 * repeated or sequential characters, a stand-in word (`changeme`, `example`, `test`, `dummy`,
 * `your-…`), or only generic words (`secret`, `password`, `api-key`).
 */
export function isPlaceholderSecret(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  if (SUBSTITUTION_SYNTAX.some((re) => re.test(trimmed))) return true;
  if (isMask(trimmed)) return true;
  if (isRepeatedOrSequential(trimmed)) return true;
  if (/x{4,}|X{4,}|\*{3,}/.test(trimmed)) return true;
  const words = splitIdentifierWords(trimmed).map((w) => w.replace(/\d+$/, '')).filter((w) => w.length > 0);
  if (words.length === 0) return isRepeatedOrSequential(trimmed.replace(/\D/g, '') || trimmed);
  if (words.some((w) => PLACEHOLDER_MARKERS.has(w))) return true;
  if (words.every((w) => GENERIC_SECRET_WORDS.has(w))) return true;
  const joined = words.join('');
  return PLACEHOLDER_MARKERS.has(joined) || GENERIC_SECRET_WORDS.has(joined) || /^(?:change|replace|set|put|insert)(?:me|it|this)/.test(joined);
}

/**
 * True when a match of a provider format is a documented example or a filler rather than a key:
 * `AKIAIOSFODNN7EXAMPLE`, `ghp_xxxxxxxx…`, `sk_live_000000…`, or a body too uniform to be random
 * (below `minEntropy` bits per character; `0` skips the randomness checks).
 */
export function isPlaceholderToken(token: string, minEntropy: number): boolean {
  const lower = token.toLowerCase();
  if (/example|placeholder|dummy|sample|redacted|your_?(?:api_?)?(?:key|token|secret)|x{5,}|\*{3,}|\.\.\.|<|>|\$\{/.test(lower)) return true;
  // Formats with structure of their own (PEM bodies, URLs) are checked by their row, not by randomness.
  if (minEntropy <= 0) return false;
  if (/(.)\1{5,}/.test(token)) return true;
  if (/(?:0123456789|1234567890|abcdefghij|abcdef0123)/i.test(token)) return true;
  return shannonEntropy(token) < minEntropy;
}
