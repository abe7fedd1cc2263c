/**
 * Where credentials are used, as data: the arguments and option properties of library calls that
 * take a signing secret, a key or a password (`jwt.sign(payload, secret)`, `session({ secret })`,
 * `crypto.createHmac(alg, key)`, `new Stripe(key)`), the Fastify plugins registered with a secret,
 * and the HTTP headers that carry one. A constant string that reaches one of these is a hardcoded
 * credential whatever it looks like (CodeQL's `CredentialsNode`, as rows).
 *
 * Every row has a `name` and is tested row by row in `tests/catalog/credential-sinks.test.ts`.
 *
 * Callee paths are written from the module: `''` is the module itself (its default export or the
 * CommonJS module), `sign` an export or a member of the default export, `JwtModule.register` a
 * static method, `()` the result of calling or constructing, `*` any one name and `**` any run of
 * names (`SignJWT.().**.sign` is `new SignJWT(p).setProtectedHeader(h).sign(key)`).
 *
 * Property paths point inside an options argument: `secret`, `secret.private`, `users.*` (every
 * property value), `useFactory().secret` (the `secret` of the object a factory returns). Arrays of
 * secrets (`secret: ['new', 'old']`) are followed element by element.
 */

export type CredentialKind =
  | 'jwt-secret'
  | 'session-secret'
  | 'cookie-secret'
  | 'hmac-key'
  | 'encryption-key'
  | 'key-derivation-password'
  | 'basic-auth-password'
  | 'authorization-header'
  | 'api-key-header'
  | 'sdk-credential'
  | 'database-password'
  | 'smtp-password'
  | 'oauth-client-secret'
  | 'cloud-secret-key';

export interface CredentialKindInfo {
  /** For messages: `Hardcoded JWT signing secret …`. */
  readonly label: string;
  /** The environment variable the suggestion proposes when no better name is known. */
  readonly envName: string;
}

export const CREDENTIAL_KINDS = {
  'jwt-secret': { label: 'JWT signing secret', envName: 'JWT_SECRET' },
  'session-secret': { label: 'session secret', envName: 'SESSION_SECRET' },
  'cookie-secret': { label: 'cookie signing secret', envName: 'COOKIE_SECRET' },
  'hmac-key': { label: 'HMAC key', envName: 'HMAC_SECRET' },
  'encryption-key': { label: 'encryption key', envName: 'ENCRYPTION_KEY' },
  'key-derivation-password': { label: 'key-derivation password', envName: 'ENCRYPTION_PASSWORD' },
  'basic-auth-password': { label: 'basic-auth password', envName: 'BASIC_AUTH_PASSWORD' },
  'authorization-header': { label: 'API credential', envName: 'API_TOKEN' },
  'api-key-header': { label: 'API key', envName: 'API_KEY' },
  'sdk-credential': { label: 'API key', envName: 'API_KEY' },
  'database-password': { label: 'database password', envName: 'DB_PASSWORD' },
  'smtp-password': { label: 'SMTP credential', envName: 'SMTP_PASSWORD' },
  'oauth-client-secret': { label: 'OAuth client secret', envName: 'OAUTH_CLIENT_SECRET' },
  'cloud-secret-key': { label: 'cloud secret key', envName: 'AWS_SECRET_ACCESS_KEY' },
} as const satisfies Record<CredentialKind, CredentialKindInfo>;

/** A call or construction whose argument (or a property of it) is a credential. */
export interface CredentialCallSinkRow {
  readonly name: string;
  readonly kind: CredentialKind;
  /** Packages (`jsonwebtoken`, `node:crypto` is written `crypto`); a trailing `*` matches a scope (`@aws-sdk/*`). */
  readonly modules: readonly string[];
  /** Callee paths from the module (see the file comment). */
  readonly callees: readonly string[];
  /** `new` rows also match `super(...)` in a class that extends the constructor (Nest `PassportStrategy(Strategy)`). */
  readonly call: 'call' | 'new' | 'any';
  /**
   * When the callee is not imported in the file (an injected service, a parameter), a receiver
   * whose last name matches this is accepted for the method names in `callees`.
   */
  readonly receiverNames?: RegExp;
  /** The argument index. */
  readonly argument: number;
  /** Paths inside the argument that hold the credential; omitted: the argument itself. */
  readonly properties?: readonly string[];
  /** Fewer arguments than this mean another overload (`new Sequelize(url)` versus `(db, user, password)`). */
  readonly minArguments?: number;
  /** A more precise label than the kind's (`Stripe secret key`). */
  readonly label?: string;
  readonly envName?: string;
}

/** A Fastify plugin registered with options that hold a credential: `fastify.register(plugin, { secret })`. */
export interface CredentialPluginSinkRow {
  readonly name: string;
  readonly kind: CredentialKind;
  readonly modules: readonly string[];
  readonly properties: readonly string[];
  readonly label?: string;
  readonly envName?: string;
}

/** An HTTP header whose value is a credential, in an object literal, `setHeader`/`set` call or assignment. */
export interface CredentialHeaderRow {
  readonly name: string;
  readonly kind: CredentialKind;
  /** Header names, lower case. */
  readonly headers: readonly string[];
  /** `authorization`: the value may start with a scheme (`Bearer`, `Basic`, `token`) that is not part of the secret. */
  readonly scheme: 'authorization' | 'none';
}

export const CREDENTIAL_CALL_SINKS = [
  // JWT libraries
  { name: 'jsonwebtoken-sign-verify', kind: 'jwt-secret', modules: ['jsonwebtoken'], callees: ['sign', 'verify'], call: 'call', receiverNames: /^(?:jwt|jsonwebtoken|JWT)$/, argument: 1 },
  { name: 'jwt-simple-encode-decode', kind: 'jwt-secret', modules: ['jwt-simple'], callees: ['encode', 'decode'], call: 'call', argument: 1 },
  { name: 'jose-verify', kind: 'jwt-secret', modules: ['jose'], callees: ['jwtVerify', 'compactVerify', 'flattenedVerify', 'jwtDecrypt', 'compactDecrypt'], call: 'call', argument: 1 },
  { name: 'jose-sign', kind: 'jwt-secret', modules: ['jose'], callees: ['SignJWT.().**.sign', 'CompactSign.().**.sign', 'EncryptJWT.().**.encrypt'], call: 'call', argument: 0 },
  {
    name: 'nestjs-jwt-module',
    kind: 'jwt-secret',
    modules: ['@nestjs/jwt'],
    callees: ['JwtModule.register', 'JwtModule.registerAsync'],
    call: 'call',
    argument: 0,
    properties: ['secret', 'privateKey', 'secretOrPrivateKey', 'useFactory().secret', 'useFactory().privateKey', 'useFactory().secretOrPrivateKey'],
  },
  { name: 'nestjs-jwt-service-new', kind: 'jwt-secret', modules: ['@nestjs/jwt'], callees: ['JwtService'], call: 'new', argument: 0, properties: ['secret', 'privateKey', 'secretOrPrivateKey'] },
  {
    name: 'jwt-service-sign-options',
    kind: 'jwt-secret',
    modules: [],
    callees: ['sign', 'signAsync', 'verify', 'verifyAsync'],
    call: 'call',
    receiverNames: /jwt/i,
    argument: 1,
    properties: ['secret', 'privateKey', 'key'],
  },
  { name: 'express-jwt', kind: 'jwt-secret', modules: ['express-jwt'], callees: ['expressjwt', 'expressJwt', ''], call: 'call', argument: 0, properties: ['secret'] },
  { name: 'passport-jwt-strategy', kind: 'jwt-secret', modules: ['passport-jwt'], callees: ['Strategy'], call: 'new', argument: 0, properties: ['secretOrKey'] },
  {
    name: 'passport-oauth-strategy',
    kind: 'oauth-client-secret',
    modules: ['passport-google-oauth20', 'passport-github2', 'passport-github', 'passport-facebook', 'passport-oauth2', 'passport-twitter', 'passport-microsoft', 'passport-azure-ad'],
    callees: ['Strategy', 'OAuth2Strategy', 'OIDCStrategy', ''],
    call: 'new',
    argument: 0,
    properties: ['clientSecret', 'consumerSecret'],
  },
  // Sessions and cookies (Express)
  { name: 'express-session', kind: 'session-secret', modules: ['express-session'], callees: [''], call: 'call', argument: 0, properties: ['secret'] },
  { name: 'cookie-session', kind: 'session-secret', modules: ['cookie-session'], callees: [''], call: 'call', argument: 0, properties: ['secret', 'keys'] },
  { name: 'cookie-parser', kind: 'cookie-secret', modules: ['cookie-parser'], callees: [''], call: 'call', argument: 0 },
  { name: 'iron-session', kind: 'session-secret', modules: ['iron-session'], callees: ['getIronSession', 'sealData', 'unsealData'], call: 'call', argument: 2, properties: ['password'] },
  { name: 'express-basic-auth', kind: 'basic-auth-password', modules: ['express-basic-auth'], callees: [''], call: 'call', argument: 0, properties: ['users.*'] },
  // Node's crypto and crypto-js
  { name: 'crypto-create-hmac', kind: 'hmac-key', modules: ['crypto'], callees: ['createHmac'], call: 'call', receiverNames: /^crypto$/, argument: 1 },
  { name: 'crypto-cipher-key', kind: 'encryption-key', modules: ['crypto'], callees: ['createCipheriv', 'createDecipheriv', 'createCipher', 'createDecipher'], call: 'call', receiverNames: /^crypto$/, argument: 1 },
  { name: 'crypto-secret-key', kind: 'encryption-key', modules: ['crypto'], callees: ['createSecretKey'], call: 'call', receiverNames: /^crypto$/, argument: 0 },
  { name: 'crypto-key-derivation', kind: 'key-derivation-password', modules: ['crypto'], callees: ['pbkdf2', 'pbkdf2Sync', 'scrypt', 'scryptSync'], call: 'call', receiverNames: /^crypto$/, argument: 0 },
  {
    name: 'crypto-js-cipher',
    kind: 'encryption-key',
    modules: ['crypto-js'],
    callees: ['**.encrypt', '**.decrypt'],
    call: 'call',
    receiverNames: /^(?:CryptoJS\.)?(?:AES|DES|TripleDES|Rabbit|RC4|RC4Drop)$/,
    argument: 1,
  },
  { name: 'crypto-js-hmac', kind: 'hmac-key', modules: ['crypto-js'], callees: ['HmacSHA1', 'HmacSHA224', 'HmacSHA256', 'HmacSHA384', 'HmacSHA512', 'HmacSHA3', 'HmacMD5', 'HmacRIPEMD160'], call: 'call', argument: 1 },
  // SDK clients constructed with a key
  { name: 'stripe-client', kind: 'sdk-credential', modules: ['stripe'], callees: ['', 'Stripe', 'default'], call: 'any', argument: 0, label: 'Stripe secret key', envName: 'STRIPE_SECRET_KEY' },
  { name: 'twilio-client', kind: 'sdk-credential', modules: ['twilio'], callees: ['', 'Twilio'], call: 'any', argument: 1, minArguments: 2, label: 'Twilio auth token', envName: 'TWILIO_AUTH_TOKEN' },
  { name: 'sendgrid-set-api-key', kind: 'sdk-credential', modules: ['@sendgrid/mail', '@sendgrid/client'], callees: ['setApiKey', '**.setApiKey'], call: 'call', argument: 0, label: 'SendGrid API key', envName: 'SENDGRID_API_KEY' },
  { name: 'openai-client', kind: 'sdk-credential', modules: ['openai'], callees: ['', 'OpenAI', 'AzureOpenAI', 'Configuration', 'default'], call: 'new', argument: 0, properties: ['apiKey'], label: 'OpenAI API key', envName: 'OPENAI_API_KEY' },
  { name: 'anthropic-client', kind: 'sdk-credential', modules: ['@anthropic-ai/sdk'], callees: ['', 'Anthropic', 'default'], call: 'new', argument: 0, properties: ['apiKey', 'authToken'], label: 'Anthropic API key', envName: 'ANTHROPIC_API_KEY' },
  { name: 'google-generative-ai-client', kind: 'sdk-credential', modules: ['@google/generative-ai'], callees: ['GoogleGenerativeAI'], call: 'new', argument: 0, label: 'Google AI API key', envName: 'GOOGLE_API_KEY' },
  { name: 'google-genai-client', kind: 'sdk-credential', modules: ['@google/genai'], callees: ['GoogleGenAI'], call: 'new', argument: 0, properties: ['apiKey'], label: 'Google AI API key', envName: 'GOOGLE_API_KEY' },
  { name: 'slack-web-client', kind: 'sdk-credential', modules: ['@slack/web-api'], callees: ['WebClient'], call: 'new', argument: 0, label: 'Slack token', envName: 'SLACK_BOT_TOKEN' },
  { name: 'slack-bolt-app', kind: 'sdk-credential', modules: ['@slack/bolt'], callees: ['App'], call: 'new', argument: 0, properties: ['token', 'signingSecret', 'clientSecret', 'appToken'], label: 'Slack credential', envName: 'SLACK_SIGNING_SECRET' },
  { name: 'octokit-client', kind: 'sdk-credential', modules: ['@octokit/rest', '@octokit/core', 'octokit'], callees: ['Octokit'], call: 'new', argument: 0, properties: ['auth'], label: 'GitHub token', envName: 'GITHUB_TOKEN' },
  { name: 'mailgun-js-client', kind: 'sdk-credential', modules: ['mailgun.js'], callees: ['().client', 'default.().client'], call: 'call', argument: 0, properties: ['key'], label: 'Mailgun API key', envName: 'MAILGUN_API_KEY' },
  { name: 'mailgun-legacy-client', kind: 'sdk-credential', modules: ['mailgun-js'], callees: [''], call: 'call', argument: 0, properties: ['apiKey'], label: 'Mailgun API key', envName: 'MAILGUN_API_KEY' },
  { name: 'algolia-client', kind: 'sdk-credential', modules: ['algoliasearch'], callees: ['', 'algoliasearch', 'default'], call: 'call', argument: 1, minArguments: 2, label: 'Algolia API key', envName: 'ALGOLIA_API_KEY' },
  { name: 'discord-client-login', kind: 'sdk-credential', modules: ['discord.js'], callees: ['Client.().login'], call: 'call', argument: 0, label: 'Discord bot token', envName: 'DISCORD_TOKEN' },
  { name: 'telegram-bot', kind: 'sdk-credential', modules: ['telegraf', 'node-telegram-bot-api'], callees: ['Telegraf', ''], call: 'new', argument: 0, label: 'Telegram bot token', envName: 'TELEGRAM_BOT_TOKEN' },
  { name: 'stripe-webhook-construct-event', kind: 'hmac-key', modules: ['stripe'], callees: ['().webhooks.constructEvent', '().webhooks.constructEventAsync'], call: 'call', receiverNames: /^(?:stripe\.)?webhooks$/, argument: 2, label: 'Stripe webhook signing secret', envName: 'STRIPE_WEBHOOK_SECRET' },
  { name: 'octokit-webhooks', kind: 'hmac-key', modules: ['@octokit/webhooks'], callees: ['Webhooks'], call: 'new', argument: 0, properties: ['secret'], label: 'GitHub webhook secret', envName: 'GITHUB_WEBHOOK_SECRET' },
  { name: 'svix-webhook', kind: 'hmac-key', modules: ['svix'], callees: ['Webhook'], call: 'new', argument: 0, label: 'webhook signing secret', envName: 'WEBHOOK_SECRET' },
  // Cloud SDKs
  { name: 'aws-sdk-v3-client', kind: 'cloud-secret-key', modules: ['@aws-sdk/*'], callees: ['*'], call: 'new', argument: 0, properties: ['credentials.secretAccessKey', 'credentials.sessionToken'], label: 'AWS secret access key' },
  { name: 'aws-sdk-v2-config', kind: 'cloud-secret-key', modules: ['aws-sdk'], callees: ['config.update', '*'], call: 'any', argument: 0, properties: ['secretAccessKey', 'sessionToken', 'credentials.secretAccessKey'], label: 'AWS secret access key' },
  { name: 'aws-sdk-v2-credentials', kind: 'cloud-secret-key', modules: ['aws-sdk'], callees: ['Credentials'], call: 'new', argument: 1, minArguments: 2, label: 'AWS secret access key' },
  // Mail and databases
  { name: 'nodemailer-transport', kind: 'smtp-password', modules: ['nodemailer'], callees: ['createTransport'], call: 'call', argument: 0, properties: ['auth.pass', 'auth.clientSecret', 'auth.refreshToken', 'auth.accessToken'] },
  { name: 'sequelize-password-argument', kind: 'database-password', modules: ['sequelize', 'sequelize-typescript'], callees: ['Sequelize'], call: 'new', argument: 2, minArguments: 3 },
  { name: 'sequelize-options', kind: 'database-password', modules: ['sequelize', 'sequelize-typescript'], callees: ['Sequelize'], call: 'new', argument: 0, properties: ['password'] },
  { name: 'pg-client', kind: 'database-password', modules: ['pg'], callees: ['Pool', 'Client'], call: 'new', argument: 0, properties: ['password'] },
  { name: 'mysql-connection', kind: 'database-password', modules: ['mysql', 'mysql2'], callees: ['createConnection', 'createPool', 'createPoolCluster'], call: 'call', argument: 0, properties: ['password'] },
  { name: 'ioredis-client', kind: 'database-password', modules: ['ioredis'], callees: ['', 'Redis', 'default'], call: 'new', argument: 0, properties: ['password'] },
  { name: 'redis-client', kind: 'database-password', modules: ['redis'], callees: ['createClient'], call: 'call', argument: 0, properties: ['password'] },
  { name: 'knex-connection', kind: 'database-password', modules: ['knex'], callees: ['', 'knex', 'default'], call: 'call', argument: 0, properties: ['connection.password'] },
  { name: 'typeorm-data-source', kind: 'database-password', modules: ['typeorm'], callees: ['DataSource'], call: 'new', argument: 0, properties: ['password'] },
  {
    name: 'nestjs-typeorm-module',
    kind: 'database-password',
    modules: ['@nestjs/typeorm'],
    callees: ['TypeOrmModule.forRoot', 'TypeOrmModule.forRootAsync'],
    call: 'call',
    argument: 0,
    properties: ['password', 'useFactory().password'],
  },
  { name: 'mongodb-client', kind: 'database-password', modules: ['mongodb'], callees: ['MongoClient'], call: 'new', argument: 1, properties: ['auth.password'] },
] as const satisfies readonly CredentialCallSinkRow[];

export const CREDENTIAL_PLUGIN_SINKS = [
  { name: 'fastify-jwt', kind: 'jwt-secret', modules: ['@fastify/jwt', 'fastify-jwt'], properties: ['secret', 'secret.private', 'secret.private.key', 'secret.private.passphrase'] },
  { name: 'fastify-cookie', kind: 'cookie-secret', modules: ['@fastify/cookie', 'fastify-cookie'], properties: ['secret'] },
  { name: 'fastify-session', kind: 'session-secret', modules: ['@fastify/session', 'fastify-session'], properties: ['secret'] },
  { name: 'fastify-secure-session', kind: 'session-secret', modules: ['@fastify/secure-session', 'fastify-secure-session'], properties: ['secret', 'key', 'sessions.*.secret'] },
  { name: 'fastify-oauth2', kind: 'oauth-client-secret', modules: ['@fastify/oauth2', 'fastify-oauth2'], properties: ['credentials.client.secret'] },
] as const satisfies readonly CredentialPluginSinkRow[];

export const CREDENTIAL_HEADERS = [
  { name: 'authorization-header', kind: 'authorization-header', headers: ['authorization', 'proxy-authorization'], scheme: 'authorization' },
  {
    name: 'api-key-header',
    kind: 'api-key-header',
    headers: [
      'x-api-key',
      'api-key',
      'apikey',
      'x-apikey',
      'x-api-token',
      'x-auth-token',
      'x-access-token',
      'private-token',
      'x-private-token',
      'x-functions-key',
      'ocp-apim-subscription-key',
      'x-goog-api-key',
      'x-vault-token',
      'x-figma-token',
      'x-shopify-access-token',
      'x-postmark-server-token',
      'dd-api-key',
      'x-algolia-api-key',
    ],
    scheme: 'none',
  },
] as const satisfies readonly CredentialHeaderRow[];

/** The header row of a header name (any case), if it carries a credential. */
export function findCredentialHeader(name: string): CredentialHeaderRow | undefined {
  const lower = name.toLowerCase();
  return CREDENTIAL_HEADERS.find((row) => (row.headers as readonly string[]).includes(lower));
}

/** Authorization schemes whose word is not part of the credential. */
export const AUTHORIZATION_SCHEMES = ['Bearer', 'Basic', 'Token', 'Bot', 'OAuth', 'Digest', 'Key', 'ApiKey', 'Api-Key', 'SSWS', 'GenieKey', 'Splunk', 'DSN'] as const;

/** True when `specifier` is one of a row's modules (`node:` prefixes and subpaths allowed, `@scope/*` scopes). */
export function matchesSinkModule(modules: readonly string[], specifier: string): boolean {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return modules.some((m) => (m.endsWith('/*') ? bare.startsWith(m.slice(0, -1)) : bare === m || bare.startsWith(`${m}/`)));
}

/**
 * True when a callee path (segments from the module) matches a row's callee pattern
 * (`''`, `sign`, `JwtModule.register`, `().client`, `*`, `SignJWT.().**.sign`).
 */
export function matchesCalleePattern(pattern: string, path: readonly string[]): boolean {
  const want = pattern === '' ? [] : pattern.split('.');
  const match = (i: number, j: number): boolean => {
    if (i === want.length) return j === path.length;
    const part = want[i]!;
    if (part === '**') {
      for (let k = j; k <= path.length; k++) if (match(i + 1, k)) return true;
      return false;
    }
    if (j >= path.length) return false;
    return (part === '*' || part === path[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}
