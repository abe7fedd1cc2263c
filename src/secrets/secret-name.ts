/**
 * Secret-named identifiers: which variable, property, parameter and environment-variable names
 * hold a credential (`apiKey`, `clientSecret`, `DB_PASSWORD`, `privateKey`, `token`), and which
 * only talk about one (`passwordResetUrl`, `tokenExpiresIn`, `publicKey`, `secretName`, `keyId`).
 */

/** What a secret-named identifier holds. */
export interface SecretName {
  /** The name as written. */
  readonly name: string;
  /** Its lower-case words: `jwtSecret` gives `['jwt', 'secret']`. */
  readonly words: readonly string[];
  /** A human label for messages: `JWT signing secret`, `password`, `API key`. */
  readonly kind: string;
}

/**
 * The words of an identifier, lower case: camelCase, PascalCase, snake_case, kebab-case, dots and
 * acronyms (`APIKey` gives `api`, `key`). Digits stay attached to their word.
 */
export function splitIdentifierWords(name: string): string[] {
  return name
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\d]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** Nouns that name a credential on their own. */
const CREDENTIAL_NOUNS = new Map<string, 'password' | 'secret' | 'token' | 'key' | 'credential'>([
  ['password', 'password'],
  ['passwd', 'password'],
  ['pwd', 'password'],
  ['passphrase', 'password'],
  ['pass', 'password'],
  ['secret', 'secret'],
  ['secrets', 'secret'],
  ['pepper', 'secret'],
  ['token', 'token'],
  ['apikey', 'key'],
  ['apitoken', 'token'],
  ['accesskey', 'key'],
  ['secretkey', 'key'],
  ['privatekey', 'key'],
  ['accesstoken', 'token'],
  ['authtoken', 'token'],
  ['refreshtoken', 'token'],
  ['clientsecret', 'secret'],
  ['credential', 'credential'],
  ['credentials', 'credential'],
  ['creds', 'credential'],
]);

/** Words before `key` that make it a credential: `apiKey`, `signingKey`, `encryptionKey`. */
const KEY_QUALIFIERS = new Set([
  'api',
  'secret',
  'private',
  'access',
  'signing',
  'sign',
  'signature',
  'encryption',
  'encrypt',
  'crypto',
  'cipher',
  'aes',
  'master',
  'auth',
  'hmac',
  'jwt',
  'app',
  'client',
  'license',
  'licence',
  'server',
  'service',
  'shared',
  'webhook',
  'ssh',
  'rsa',
  'gpg',
  'pgp',
  'admin',
  'root',
  'account',
  'developer',
  'consumer',
  'subscription',
  'deploy',
  'integration',
  'partner',
  'merchant',
  'sdk',
  'maps',
  'stripe',
  'google',
  'sendgrid',
  'mailgun',
  'twilio',
  'openai',
  'anthropic',
  'algolia',
  'firebase',
]);

/** Words before `token` that make it something else: pagination cursors, DI tokens, lexer tokens. */
const NON_CREDENTIAL_TOKEN_QUALIFIERS = new Set([
  'page',
  'next',
  'prev',
  'continuation',
  'cursor',
  'sync',
  'cancel',
  'cancellation',
  'injection',
  'di',
  'provider',
  'lexer',
  'parser',
  'design',
  'css',
  'theme',
  'color',
  'i18n',
  'csrf',
  'xsrf',
]);

/** Words after the credential noun that still describe the credential's value. */
const VALUE_SUFFIXES = new Set([
  'value',
  'val',
  'str',
  'string',
  'raw',
  'plain',
  'plaintext',
  'b64',
  'base64',
  'hex',
  'buf',
  'buffer',
  'bytes',
  'old',
  'new',
  'prev',
  'previous',
  'current',
  'primary',
  'secondary',
  'prod',
  'production',
  'dev',
  'development',
  'staging',
  'live',
  'fallback',
  'default',
  'override',
  'base',
  'key',
  'secret',
  'token',
  'or',
]);

/** Words between a qualifier and `key` that do not change what the key is: `SENDGRID_FALLBACK_KEY`. */
const KEY_MODIFIERS = new Set(['fallback', 'default', 'dev', 'prod', 'live', 'primary', 'secondary', 'old', 'new', 'current', 'legacy', 'backup']);

/** Words anywhere in the name that make it about something other than a secret value. */
const NON_VALUE_WORDS = new Set([
  'public',
  'publishable',
  'pub',
  'min',
  'max',
  'is',
  'has',
  'should',
  'use',
  'uses',
  'enable',
  'enabled',
  'disable',
  'disabled',
  'show',
  'hide',
  'toggle',
  'hash',
  'hashed',
  'digest',
  'encrypted',
  'masked',
  'redacted',
  'invalid',
  'wrong',
  'bad',
  'forgot',
  'forgotten',
  'placeholder',
  'label',
  'hint',
  'regex',
  'regexp',
  'pattern',
  'policy',
  'rules',
  'strength',
  'length',
  'field',
  'input',
  'selector',
]);

/** A credential noun (or compound) at `index`, and whether it is one. */
function credentialNounAt(words: readonly string[], index: number): 'password' | 'secret' | 'token' | 'key' | 'credential' | undefined {
  const word = words[index]!;
  const before = index > 0 ? words[index - 1] : undefined;
  if (word === 'key' || word === 'keys') {
    let q = index - 1;
    while (q > 0 && KEY_MODIFIERS.has(words[q]!)) q--;
    if (q >= 0 && KEY_QUALIFIERS.has(words[q]!)) return 'key';
    return undefined;
  }
  if (word === 'token' || word === 'tokens') {
    if (before && NON_CREDENTIAL_TOKEN_QUALIFIERS.has(before)) return undefined;
    return 'token';
  }
  return CREDENTIAL_NOUNS.get(word);
}

/** The kind label of a secret-named identifier, from its noun and qualifiers. */
function describeKind(noun: 'password' | 'secret' | 'token' | 'key' | 'credential', words: readonly string[]): string {
  const has = (w: string): boolean => words.includes(w);
  switch (noun) {
    case 'password':
      return words.some((w) => w === 'passphrase') ? 'passphrase' : 'password';
    case 'secret':
      if (has('jwt')) return 'JWT signing secret';
      if (has('session')) return 'session secret';
      if (has('cookie')) return 'cookie secret';
      if (has('webhook')) return 'webhook secret';
      if (has('client') || words.includes('clientsecret')) return 'OAuth client secret';
      if (has('aws') || (has('access') && has('key'))) return 'AWS secret access key';
      if (has('hmac') || has('signing')) return 'signing secret';
      return 'secret';
    case 'token':
      if (has('refresh') || words.includes('refreshtoken')) return 'refresh token';
      if (has('access') || words.includes('accesstoken')) return 'access token';
      if (has('bot')) return 'bot token';
      if (has('api') || words.includes('apitoken')) return 'API token';
      if (has('auth') || words.includes('authtoken')) return 'auth token';
      return 'token';
    case 'key':
      if (has('private') || words.includes('privatekey')) return 'private key';
      if (has('secret') && has('access')) return 'AWS secret access key';
      if (has('secret') || words.includes('secretkey')) return 'secret key';
      if (['encryption', 'encrypt', 'cipher', 'aes', 'crypto'].some(has)) return 'encryption key';
      if (['signing', 'sign', 'signature', 'hmac', 'jwt'].some(has)) return 'signing key';
      if (has('access') || words.includes('accesskey')) return 'access key';
      if (has('master')) return 'master key';
      if (has('session') || has('cookie')) return 'session key';
      return 'API key';
    case 'credential':
      return 'credential';
  }
}

/**
 * The secret this identifier holds, or `undefined` when the name does not name a credential value.
 * A credential noun must be present (`password`, `secret`, `token`, `apiKey`, `privateKey`, …) and
 * nothing after it may turn the name into metadata (`passwordResetUrl`, `tokenTtl`, `secretArn`).
 */
export function classifySecretName(name: string): SecretName | undefined {
  const words = splitIdentifierWords(name);
  if (words.length === 0 || words.length > 8) return undefined;
  if (words.some((w) => NON_VALUE_WORDS.has(w))) return undefined;
  // The whole name `auth` holds a credential in client options (`{ auth: 'user:pass' }`, Octokit).
  if (words.length === 1 && words[0] === 'auth') return { name, words, kind: 'credential' };
  let lastNoun = -1;
  let noun: ReturnType<typeof credentialNounAt>;
  for (let i = 0; i < words.length; i++) {
    const found = credentialNounAt(words, i);
    if (found) {
      lastNoun = i;
      noun = found;
    }
  }
  if (lastNoun === -1 || !noun) return undefined;
  for (let i = lastNoun + 1; i < words.length; i++) {
    const word = words[i]!;
    if (!VALUE_SUFFIXES.has(word) && !/^\d+$/.test(word) && !/^v\d+$/.test(word)) return undefined;
  }
  return { name, words, kind: describeKind(noun, words) };
}

/** Names that only group settings; an environment variable name skips them (`config.jwt.secret` gives `JWT_SECRET`). */
const CONTAINER_NAMES = new Set(['config', 'configuration', 'settings', 'options', 'opts', 'env', 'environment', 'secrets', 'credentials', 'default', 'defaults', 'module', 'exports', 'process']);

const GETTER_VERBS = new Set(['get', 'load', 'read', 'fetch', 'resolve', 'make', 'create', 'build']);

/**
 * An environment variable name for a value reached through `path` (outermost first):
 * `['config', 'jwt', 'secret']` gives `JWT_SECRET`, `['stripeSecretKey']` gives `STRIPE_SECRET_KEY`.
 */
export function toEnvironmentVariableName(path: readonly string[]): string {
  const names = path.filter((p) => !CONTAINER_NAMES.has(p.toLowerCase()) && /[\p{L}]/u.test(p));
  const last = names[names.length - 1];
  if (!last) return 'SECRET';
  // A getter's verb is not part of the value's name: `getSigningSecret` gives SIGNING_SECRET.
  const words = splitIdentifierWords(last).filter((w, i, all) => !(i === 0 && all.length > 1 && GETTER_VERBS.has(w)));
  const parent = names[names.length - 2];
  // A bare `secret` or `password` takes its owner's name: `jwt: { secret }` gives JWT_SECRET.
  const qualified = words.length === 1 && parent ? [...splitIdentifierWords(parent), ...words] : words;
  const env = qualified
    .join('_')
    .toUpperCase()
    .replace(/[^A-Z0-9_]/g, '');
  return /^[A-Z_]/.test(env) ? env : `_${env}`;
}
