/**
 * JSON Web Token libraries as data: which calls verify, sign and decode tokens, where their options
 * sit, and which option names allow algorithms, skip the expiry check or set a lifetime
 * (jsonwebtoken, `@nestjs/jwt`, passport-jwt, express-jwt, jose, jwt-decode, `@fastify/jwt`).
 *
 * Callee paths are module paths (`src/flow/module-paths.ts`): `verify` for `jwt.verify` from
 * `jsonwebtoken`, `JwtService().verify` for `this.jwtService.verify` with an injected `JwtService`,
 * `Strategy` for `new Strategy(...)` and for `super(...)` in a class that extends
 * `PassportStrategy(Strategy)`. Option paths point inside the options argument: `verifyOptions`
 * for Nest's module, `useFactory()` for what a `registerAsync` factory returns.
 *
 * Every row has a `name` and is tested row by row in `tests/catalog/jwt.test.ts`.
 */
import { isPackageSpecifier } from '../core/bindings.js';

/** What a library call does with a token. */
export type JwtCallRole = 'verify' | 'sign' | 'decode';

export interface JwtCallRow {
  readonly name: string;
  /** For messages: `jsonwebtoken`, `@nestjs/jwt`. */
  readonly library: string;
  readonly role: JwtCallRole;
  readonly modules: readonly string[];
  /** Module paths of the callee (see the file comment). */
  readonly callees: readonly string[];
  /** `new` rows also match `super(...)` in a class that extends the constructor (or `PassportStrategy(it)`). */
  readonly call: 'call' | 'new';
  /** The argument that holds the options object. */
  readonly optionsArgument: number;
  /** Where the verification or signing options sit inside the options argument (`verifyOptions`); omitted: the argument itself. */
  readonly optionsPaths?: readonly (readonly string[])[];
  /** verify: the argument that holds the key or the key-lookup callback. */
  readonly keyArgument?: number;
  /** verify: option properties that hold the key (`secretOrKey`, `publicKey`) or a key lookup (`secretOrKeyProvider`). */
  readonly keyProperties?: readonly string[];
  /** verify: the allowlist option; omitted when the library pins algorithms by key type and has no `none`. */
  readonly algorithmsOption?: string;
  /** verify: the option that turns the `exp` check off. */
  readonly ignoreExpirationOption?: string;
  /** sign: the option that sets the lifetime. */
  readonly expiresInOption?: string;
  /** sign: the option that picks the signing algorithm. */
  readonly algorithmOption?: string;
  /** sign: the argument that holds the claims. */
  readonly payloadArgument?: number;
  /** sign: a configuration row whose defaults apply (`nestjs-jwt-module`). */
  readonly defaultsFrom?: string;
  /**
   * Calls through names a plugin decorates instead of an import (`reply.jwtSign`, `fastify.jwt.sign`):
   * the last members of the callee, matched only when the callee is not imported.
   */
  readonly decorated?: readonly string[];
}

export const JWT_CALLS = [
  {
    name: 'jsonwebtoken-verify',
    library: 'jsonwebtoken',
    role: 'verify',
    modules: ['jsonwebtoken'],
    callees: ['verify'],
    call: 'call',
    keyArgument: 1,
    optionsArgument: 2,
    algorithmsOption: 'algorithms',
    ignoreExpirationOption: 'ignoreExpiration',
  },
  {
    name: 'jsonwebtoken-sign',
    library: 'jsonwebtoken',
    role: 'sign',
    modules: ['jsonwebtoken'],
    callees: ['sign'],
    call: 'call',
    payloadArgument: 0,
    optionsArgument: 2,
    expiresInOption: 'expiresIn',
    algorithmOption: 'algorithm',
  },
  { name: 'jsonwebtoken-decode', library: 'jsonwebtoken', role: 'decode', modules: ['jsonwebtoken'], callees: ['decode'], call: 'call', optionsArgument: 1 },
  {
    name: 'nestjs-jwt-service-verify',
    library: '@nestjs/jwt',
    role: 'verify',
    modules: ['@nestjs/jwt'],
    callees: ['JwtService().verify', 'JwtService().verifyAsync'],
    call: 'call',
    optionsArgument: 1,
    keyProperties: ['publicKey', 'secret'],
    algorithmsOption: 'algorithms',
    ignoreExpirationOption: 'ignoreExpiration',
  },
  {
    name: 'nestjs-jwt-service-sign',
    library: '@nestjs/jwt',
    role: 'sign',
    modules: ['@nestjs/jwt'],
    callees: ['JwtService().sign', 'JwtService().signAsync'],
    call: 'call',
    payloadArgument: 0,
    optionsArgument: 1,
    expiresInOption: 'expiresIn',
    algorithmOption: 'algorithm',
    defaultsFrom: 'nestjs-jwt-module',
  },
  { name: 'nestjs-jwt-service-decode', library: '@nestjs/jwt', role: 'decode', modules: ['@nestjs/jwt'], callees: ['JwtService().decode'], call: 'call', optionsArgument: 1 },
  {
    name: 'passport-jwt-strategy',
    library: 'passport-jwt',
    role: 'verify',
    modules: ['passport-jwt'],
    callees: ['Strategy'],
    call: 'new',
    optionsArgument: 0,
    keyProperties: ['secretOrKey', 'secretOrKeyProvider'],
    algorithmsOption: 'algorithms',
    ignoreExpirationOption: 'ignoreExpiration',
  },
  {
    name: 'express-jwt',
    library: 'express-jwt',
    role: 'verify',
    modules: ['express-jwt'],
    callees: ['expressjwt', 'expressJwt', ''],
    call: 'call',
    optionsArgument: 0,
    keyProperties: ['secret'],
    algorithmsOption: 'algorithms',
    ignoreExpirationOption: 'ignoreExpiration',
  },
  {
    name: 'jose-sign-jwt',
    library: 'jose',
    role: 'sign',
    modules: ['jose'],
    callees: ['SignJWT'],
    call: 'new',
    payloadArgument: 0,
    optionsArgument: 1,
  },
  {
    name: 'fastify-jwt-sign',
    library: '@fastify/jwt',
    role: 'sign',
    modules: ['@fastify/jwt', 'fastify-jwt'],
    callees: [],
    decorated: ['jwtSign', 'jwt.sign'],
    call: 'call',
    payloadArgument: 0,
    optionsArgument: 1,
    expiresInOption: 'expiresIn',
    algorithmOption: 'algorithm',
    defaultsFrom: 'fastify-jwt',
  },
  { name: 'fastify-jwt-decode', library: '@fastify/jwt', role: 'decode', modules: ['@fastify/jwt', 'fastify-jwt'], callees: [], decorated: ['jwtDecode', 'jwt.decode'], call: 'call', optionsArgument: 1 },
  { name: 'jose-decode', library: 'jose', role: 'decode', modules: ['jose'], callees: ['decodeJwt', 'UnsecuredJWT.decode'], call: 'call', optionsArgument: 1 },
  { name: 'jwt-decode', library: 'jwt-decode', role: 'decode', modules: ['jwt-decode'], callees: ['', 'jwtDecode'], call: 'call', optionsArgument: 1 },
] as const satisfies readonly JwtCallRow[];

/** A configuration that sets defaults for later sign and verify calls: Nest's module, the Fastify plugin. */
export interface JwtDefaultsRow {
  readonly name: string;
  readonly library: string;
  readonly modules: readonly string[];
  /** Module paths of the configuring call; `register` rows are Fastify plugins passed to `register`. */
  readonly callees: readonly string[];
  readonly usage: 'call' | 'register';
  /** Where the sign defaults sit (`signOptions`, `useFactory().signOptions`, `sign`). */
  readonly signPaths: readonly (readonly string[])[];
  /** Where the verify defaults sit. */
  readonly verifyPaths: readonly (readonly string[])[];
  readonly expiresInOption: string;
  readonly algorithmOption: string;
  readonly algorithmsOption: string;
  readonly ignoreExpirationOption: string;
  /** Option paths that hold a public key: without an allowlist its verification is the weak kind. */
  readonly publicKeyPaths: readonly (readonly string[])[];
}

export const JWT_DEFAULTS = [
  {
    name: 'nestjs-jwt-module',
    library: '@nestjs/jwt',
    modules: ['@nestjs/jwt'],
    callees: ['JwtModule.register', 'JwtModule.registerAsync'],
    usage: 'call',
    signPaths: [['signOptions'], ['useFactory()', 'signOptions']],
    verifyPaths: [['verifyOptions'], ['useFactory()', 'verifyOptions']],
    expiresInOption: 'expiresIn',
    algorithmOption: 'algorithm',
    algorithmsOption: 'algorithms',
    ignoreExpirationOption: 'ignoreExpiration',
    publicKeyPaths: [['publicKey'], ['useFactory()', 'publicKey']],
  },
  {
    name: 'fastify-jwt',
    library: '@fastify/jwt',
    modules: ['@fastify/jwt', 'fastify-jwt'],
    callees: [''],
    usage: 'register',
    signPaths: [['sign']],
    verifyPaths: [['verify']],
    expiresInOption: 'expiresIn',
    algorithmOption: 'algorithm',
    algorithmsOption: 'algorithms',
    ignoreExpirationOption: 'ignoreExpiration',
    publicKeyPaths: [['secret', 'public']],
  },
] as const satisfies readonly JwtDefaultsRow[];

/** Claims that bound a token's lifetime when they are in the payload. */
export const EXPIRY_CLAIMS: ReadonlySet<string> = new Set(['exp']);

/** Claims a refresh scheduler or a log line reads without trusting the token's identity. */
export const TIMING_CLAIMS: ReadonlySet<string> = new Set(['exp', 'iat', 'nbf', 'jti']);

/**
 * Claim and property names that carry identity or privilege: reading one in a condition, or storing
 * the token on the request, authorizes with it.
 */
export const AUTHORIZING_CLAIM = /role|admin|perm|scope|group|access|privilege|tenant|owner|^sub$|^id$|user_?id|^user$|user_?name|email|account/i;

/** Data-access methods: an identity claim in their filter picks whose records are read or changed (`User.findOneAndUpdate({ username: decoded.username })`). */
export const RECORD_ACCESS_METHOD = /^(?:find|update|delete|destroy|remove|upsert|where)/;

/** Request properties that hold the caller's identity for later middleware (`req.user`, `res.locals.user`). */
export const IDENTITY_PROPERTIES: ReadonlySet<string> = new Set(['user', 'auth', 'currentUser', 'claims', 'principal', 'identity', 'userId', 'account', 'session', 'tokenPayload', 'jwt', 'decoded']);

/** Function names that promise a verified identity: a decode result returned from one authorizes. */
export const VERIFYING_FUNCTION_NAME = /verify|validat|authenticat|authori[sz]|currentuser|getuser|checktoken|getidentity|getprincipal|canactivate|isauth/i;

/**
 * Signs of an asymmetric key or a key lookup, in a key expression's text: PEM files and headers,
 * public keys, certificates, JWKS clients. Without an `algorithms` allowlist such keys are where
 * algorithm confusion happened (CVE-2015-9235, CVE-2022-23541).
 */
export const PUBLIC_KEY_TEXT = /public|\bpub\b|_pub\b|\.pub\b|\.pem\b|\.crt\b|\.cer\b|cert|jwks|BEGIN (?:RSA )?PUBLIC KEY|BEGIN CERTIFICATE/i;

/** The algorithm value that means "no signature". */
export function isNoneAlgorithm(value: string): boolean {
  return value.toLowerCase() === 'none';
}

/** The call row a module path belongs to, if any. */
export function findJwtCall(specifier: string, path: string, isNew: boolean): JwtCallRow | undefined {
  return (JWT_CALLS as readonly JwtCallRow[]).find(
    (row) => row.modules.some((m) => isPackageSpecifier(specifier, m)) && (row.call === 'new') === isNew && row.callees.includes(path),
  );
}

/** The decorated call row whose callee ends with `tail` (`reply.jwtSign` ends with `jwtSign`). */
export function findDecoratedJwtCall(accessPath: string): JwtCallRow | undefined {
  return (JWT_CALLS as readonly JwtCallRow[]).find((row) => row.decorated?.some((tail) => accessPath === tail || accessPath.endsWith(`.${tail}`)));
}

/** The defaults row a configuring call belongs to, if any. */
export function findJwtDefaults(specifier: string, path: string, usage: 'call' | 'register'): JwtDefaultsRow | undefined {
  return (JWT_DEFAULTS as readonly JwtDefaultsRow[]).find(
    (row) => row.usage === usage && row.modules.some((m) => isPackageSpecifier(specifier, m)) && (row.callees as readonly string[]).includes(path),
  );
}
