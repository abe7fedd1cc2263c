/**
 * Text that is not a secret by its shape, even under a secret-sounding name: sentences and labels
 * (`'Password must be 8 characters'`, `'Passwort'`), paths and URLs without credentials
 * (`/reset-password`, `./keys/jwt.pem`), regular expressions, password hashes and integrity
 * checksums, key names (`access_token`, `x-api-key`, `JWT_SECRET`), algorithm names and durations.
 */
import { splitIdentifierWords } from './secret-name.js';

/** Words that name parts of authentication rather than being a value: labels, header and cookie names. */
const VOCABULARY = new Set([
  'secret',
  'secrets',
  'password',
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
  'access',
  'refresh',
  'id',
  'auth',
  'authorization',
  'authentication',
  'bearer',
  'basic',
  'digest',
  'oauth',
  'oauth2',
  'jwt',
  'jwks',
  'session',
  'sess',
  'sid',
  'cookie',
  'csrf',
  'xsrf',
  'client',
  'private',
  'public',
  'signing',
  'signature',
  'sign',
  'encryption',
  'master',
  'credential',
  'credentials',
  'x',
  'value',
  'app',
  'service',
  'webhook',
  'hmac',
  'header',
  'name',
  'type',
  'grant',
  'current',
  'new',
  'old',
  'confirm',
  'reset',
  'forgot',
  'change',
  'one',
  'time',
  'code',
  'otp',
  'user',
  'username',
  'login',
  'required',
  'optional',
  'hidden',
  'masked',
  'enabled',
  'disabled',
  'true',
  'false',
  'none',
  'null',
  'undefined',
  'default',
  'env',
  'config',
  'store',
  'storage',
  'local',
  'remember',
  'me',
  'device',
  'admin',
  'internal',
  'external',
  'v1',
  'v2',
]);

/** Algorithm, encoding and format names that appear next to keys. */
const TECHNICAL_NAMES =
  /^(?:[HRE]S(?:256|384|512)|PS(?:256|384|512)|EdDSA|aes-?(?:128|192|256)(?:-(?:gcm|cbc|ctr|ecb|ccm))?|chacha20(?:-poly1305)?|sha-?(?:1|224|256|384|512)|md5|hex|base64(?:url)?|utf-?8|ascii|latin1|binary|pem|der|spki|pkcs8|jwk|rsa|ec|oct|bcrypt|argon2(?:id|i|d)?|scrypt|pbkdf2)$/i;

/** True for a sentence or a label of several words: `'Password must be 8 characters'`, `'Reset password'`. */
export function looksLikeNaturalLanguage(value: string): boolean {
  const trimmed = value.trim();
  const words = trimmed.split(/\s+/);
  if (words.length < 2) return /^\p{Lu}\p{Ll}+[.!?:]?$/u.test(trimmed) || /[.!?:]$/.test(trimmed) && /^\p{L}+[.!?:]$/u.test(trimmed);
  const letterWords = words.filter((w) => /^["'‘’“”«»,.!?:;()-]*\p{L}[\p{L}"'‘’“”«»,.!?:;()-]*$/u.test(w));
  return letterWords.length >= Math.ceil(words.length * 0.6);
}

/** True for a regular expression source: `'^(?=.*[A-Z]).{8,}$'`, `'[a-z0-9]+'`. */
export function looksLikeRegexSource(value: string): boolean {
  const signals = [
    /\(\?[=!:<]/,
    /\[[^\]]*\w-\w[^\]]*\]/,
    /\\[dwsbDWSB]/,
    /\{\d+,?\d*\}/,
    /^\^/,
    /\$$/,
    /\.[*+]/,
    /\[\^/,
  ];
  return signals.filter((re) => re.test(value)).length >= 2;
}

/** True for a path or a URL without credentials: `/reset-password`, `./keys/jwt.pem`, `https://auth.example/token`. */
export function looksLikePathOrUrl(value: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return !/^[a-z][a-z0-9+.-]*:\/\/[^/?#@\s]*:[^/?#@\s]*@/i.test(value) && !/[?&][\w-]*(?:key|token|secret|password|sig)[\w-]*=/i.test(value);
  if (/^arn:aws[\w-]*:/.test(value)) return true;
  if (/\s/.test(value)) return false;
  if (/\.(?:pem|key|crt|cer|der|p12|pfx|jks|json|ya?ml|txt|env|pub|asc|gpg)$/i.test(value)) return true;
  const segments = value.replace(/^(?:\.{1,2}\/|~\/|\/)/, '').split('/');
  const anchored = /^(?:\.{1,2}\/|~\/|\/)/.test(value);
  if (!anchored && segments.length < 2) return false;
  // Each segment reads like a word, not like random key material (`K7MDENG/bPxRfiCY` is not a path).
  return segments.every((s) => s === '' || /^[a-z0-9_.@:-]+$/.test(s) || /^[A-Z0-9_.@:-]+$/.test(s) || /^:?[a-zA-Z][a-z0-9]*(?:[-_.][a-zA-Z][a-z0-9]*)*$/.test(s));
}

/** True for password hashes and checksums: bcrypt, argon2, scrypt, crypt(3), SRI integrity, docker digests. */
export function looksLikeHashOrChecksum(value: string): boolean {
  return (
    /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/.test(value) ||
    /^\$argon2(?:id|i|d)\$/.test(value) ||
    /^\$(?:scrypt|pbkdf2[\w-]*|[156])\$/.test(value) ||
    /^pbkdf2[_:]/.test(value) ||
    /^(?:sha1|sha256|sha384|sha512)-[A-Za-z0-9+/]{20,}={0,2}$/.test(value) ||
    /^sha(?:1|256|512):[0-9a-f]{40,128}$/.test(value)
  );
}

/** True for a UUID: an identifier, not a secret, unless its name says otherwise. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * True when `value` names something instead of being a secret: only authentication vocabulary and
 * the words of its own name (`access_token` under `ACCESS_TOKEN`, `x-api-key`, `auth.jwt.secret`),
 * an environment variable name (`JWT_SECRET`), an algorithm or encoding (`HS256`, `base64`), a
 * duration (`15m`), or a MIME type.
 */
export function looksLikeKeyName(value: string, nameWords: readonly string[] = []): boolean {
  const trimmed = value.trim();
  if (TECHNICAL_NAMES.test(trimmed)) return true;
  if (/^\d+(?:\.\d+)?\s*(?:ms|s|m|h|d|w|y|sec|min|mins|hours?|days?)$/i.test(trimmed)) return true;
  if (/^[a-z]+\/[a-z0-9.+-]+$/i.test(trimmed) && /^(?:application|text|image|audio|video|multipart)\//i.test(trimmed)) return true;
  // An environment variable name: JWT_SECRET, STRIPE_API_KEY (words, not random characters).
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(trimmed) && trimmed.split('_').every((w) => /^[A-Z]{2,}\d*$|^\d+$/.test(w))) return true;
  const words = splitIdentifierWords(trimmed);
  if (words.length === 0) return false;
  const own = new Set(nameWords);
  return words.every((w) => VOCABULARY.has(w) || own.has(w));
}

/** Words that name a credential. */
const CREDENTIAL_WORDS = new Set(['secret', 'secrets', 'password', 'passwords', 'passwd', 'pwd', 'passphrase', 'token', 'tokens', 'key', 'keys', 'apikey', 'credential', 'credentials']);

/**
 * True for an identifier-like string of plain words that mentions a credential: an error code, a
 * key or a label (`incorrectPassword`, `secret_for_refresh`, `password-reset`). Under a secret name
 * alone this is more often a code than a secret; in a credential sink it is still reported.
 */
export function looksLikeCredentialLabel(value: string): boolean {
  if (!/^[A-Za-z]+(?:[_.-]?[A-Za-z]+)*$/.test(value)) return false;
  const words = splitIdentifierWords(value);
  return words.length >= 2 && words.some((w) => CREDENTIAL_WORDS.has(w));
}

/**
 * True for the name of a kind rather than a value: a lexer's token kinds, as PascalCase words
 * (`lastToken = '?InterpolationInJSX'`, `token = 'StringLiteral'`) or as lowercase words under a
 * lexer's position name (`currentToken = ['at-word', ...]`), a state marker in camelCase words under a
 * token name (`store.token = 'autoLogin'`), a sigil-marked PascalCase name (`'#PrivateName'`), or a
 * fetch `credentials` mode (`'include'`, `'same-origin'`, `'omit'`). Under a `token` name, or after
 * a one-character sigil, such words name a kind; a random token never reads as plain words.
 */
const LEXER_POSITION_WORDS = new Set(['current', 'last', 'next', 'prev', 'previous', 'peek', 'lookahead', 'significant']);

export function looksLikeSyntaxKindName(value: string, nameWords: readonly string[] = []): boolean {
  const underToken = nameWords.includes('token') || nameWords.includes('tokens');
  if (nameWords[nameWords.length - 1] === 'credentials' && /^(?:include|same-origin|omit)$/.test(value)) return true;
  const lexerPosition = nameWords.some((w) => LEXER_POSITION_WORDS.has(w));
  if (underToken && lexerPosition && /^[a-z]+(?:-[a-z]+)*$/.test(value)) return true;
  // A state marker under a token name (`store.token = 'autoLogin'`): a token is never camelCase words.
  if (underToken && /^[a-z]{2,}[A-Z][a-z]{2,}$/.test(value)) return true;
  const match = /^([?#@$%!:&*~^]?)((?:[A-Z][a-z]+|[A-Z]{2,5}(?=[A-Z][a-z]|$))+)$/.exec(value);
  if (!match || !/[a-z]/.test(match[2]!) || !/^(?:[A-Z][a-z]*){2,}/.test(match[2]!)) return false;
  return match[1] !== '' || underToken;
}

/**
 * True when `value` is not a secret by its shape: natural language, a path or URL without
 * credentials, a regex source, a hash or checksum, a key name, or a syntax kind name.
 */
export function looksLikeNonSecretText(value: string, nameWords: readonly string[] = []): boolean {
  return (
    looksLikeSyntaxKindName(value, nameWords) ||
    looksLikeNaturalLanguage(value) ||
    looksLikePathOrUrl(value) ||
    looksLikeRegexSource(value) ||
    looksLikeHashOrChecksum(value) ||
    looksLikeKeyName(value, nameWords)
  );
}
