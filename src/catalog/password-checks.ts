/**
 * Password comparisons, as data: library functions that check a password against a stored hash
 * (bcrypt, argon2, Node's `crypto.timingSafeEqual`) and the method names models give the same
 * check (`user.comparePassword(pw)`). `no-auth-enumeration` uses them to find the wrong-password
 * branch of a login handler.
 *
 * Every row has a `name` and is tested row by row in `tests/catalog/password-checks.test.ts`.
 */
import { isPackageSpecifier } from '../core/bindings.js';

/** A library function that compares a password with a stored hash. */
export interface PasswordComparatorRow {
  readonly name: string;
  /** Packages that export the function (a subpath of one counts). */
  readonly modules: readonly string[];
  /** Exported function names. */
  readonly functions: readonly string[];
}

export const PASSWORD_COMPARATORS = [
  { name: 'bcrypt', modules: ['bcrypt', 'bcryptjs', 'bcrypt-nodejs', '@node-rs/bcrypt'], functions: ['compare', 'compareSync', 'verify', 'verifySync'] },
  { name: 'argon2', modules: ['argon2', '@node-rs/argon2'], functions: ['verify', 'verifySync'] },
  { name: 'node-crypto-timing-safe-equal', modules: ['crypto'], functions: ['timingSafeEqual'] },
  { name: 'scrypt-kdf', modules: ['scrypt-kdf'], functions: ['verify'] },
  { name: 'pbkdf2-password-verify', modules: ['@phc/pbkdf2', '@phc/scrypt', '@phc/bcrypt', '@phc/argon2'], functions: ['verify'] },
] as const satisfies readonly PasswordComparatorRow[];

/** The comparator row for `exported` of `module`, if it compares passwords. */
export function findPasswordComparator(module: string, exported: string): PasswordComparatorRow | undefined {
  return (PASSWORD_COMPARATORS as readonly PasswordComparatorRow[]).find(
    (row) => row.modules.some((m) => isPackageSpecifier(module, m)) && (row.functions as readonly string[]).includes(exported),
  );
}

/** A method-name convention for password checks on models and services. */
export interface PasswordCheckMethodRow {
  readonly name: string;
  readonly pattern: RegExp;
}

export const PASSWORD_CHECK_METHODS = [
  // user.comparePassword(pw), verifyPassword, validatePassword, checkPassword, matchPassword(s)
  { name: 'verb-password', pattern: /^(compare|verify|validate|check|match|test)_?pass(word)?s?$/i },
  // user.isValidPassword(pw), isPasswordValid, validPassword, isCorrectPassword, passwordMatches
  { name: 'password-predicate', pattern: /^(is_?)?(valid|correct|matching)_?pass(word)?$|^is_?pass(word)?_?(valid|correct|match(es|ing)?)$|^pass(word)?_?match(es)?$/i },
] as const satisfies readonly PasswordCheckMethodRow[];

/** The method-name row a password check method matches, if any. */
export function findPasswordCheckMethod(methodName: string): PasswordCheckMethodRow | undefined {
  return (PASSWORD_CHECK_METHODS as readonly PasswordCheckMethodRow[]).find((row) => row.pattern.test(methodName));
}

/** Receiver names that stand for a password-hashing library when it is not imported in the file. */
export const PASSWORD_LIBRARY_RECEIVERS: readonly string[] = ['bcrypt', 'bcryptjs', 'argon2', 'argon', 'crypto'];
