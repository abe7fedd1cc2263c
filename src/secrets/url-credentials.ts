/**
 * Credentials written inside URLs (`postgres://user:pass@host/db`): the password part, and whether
 * the URL points at this machine (local development defaults are not secrets).
 */
import { shannonEntropy } from './entropy.js';
import { isPlaceholderSecret } from './placeholder.js';

/** The parts of `scheme://user:password@host` in a URL, when it has a password. */
export interface UrlCredentials {
  readonly scheme: string;
  readonly user: string;
  readonly password: string;
  readonly host: string;
}

const URL_WITH_PASSWORD = /^([a-z][a-z0-9+.-]*):\/\/([^:/?#@\s]*):([^@/?#\s]+)@([^/?#:\s]+)/i;

/** The credentials of a URL, or `undefined` when it has no `user:password@` part. */
export function getUrlCredentials(url: string): UrlCredentials | undefined {
  const match = URL_WITH_PASSWORD.exec(url);
  if (!match) return undefined;
  const [, scheme, user, password, host] = match as unknown as [string, string, string, string, string];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // keep the raw text
  }
  return { scheme: scheme.toLowerCase(), user, password: decoded, host: host.toLowerCase() };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '::1', 'host.docker.internal']);

/** True for hosts on the developer's machine. */
export function isLocalHost(host: string): boolean {
  const bare = host.toLowerCase();
  return LOCAL_HOSTS.has(bare) || bare.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

/**
 * True when a URL carries a real password for a remote host: not a placeholder, not the user name
 * repeated (`postgres:postgres`, a local default), and not on this machine.
 */
export function hasRemoteUrlPassword(url: string): boolean {
  const credentials = getUrlCredentials(url);
  if (!credentials) return false;
  if (isLocalHost(credentials.host) || /[${}<>]/.test(credentials.host)) return false;
  if (credentials.password === credentials.user) return false;
  return !isPlaceholderSecret(credentials.password);
}

/** True when a `?key=value` pair of a URL query holds a random-looking secret. */
export function hasSecretQueryValue(pair: string): boolean {
  const raw = pair.slice(pair.indexOf('=') + 1);
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    // keep the raw text
  }
  return !isPlaceholderSecret(value) && shannonEntropy(value) >= 3.5;
}
