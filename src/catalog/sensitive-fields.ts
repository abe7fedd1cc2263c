/**
 * Sensitive record fields and record reads as data, for `no-sensitive-data-exposure` (OWASP
 * API3:2023, CWE-213): which field names hold secrets a client must never receive, which ORM calls
 * return whole records, and which options or chained calls project them.
 *
 * `tests/catalog/sensitive-fields.test.ts` checks the name patterns with samples that match and
 * near misses that do not.
 */

/** Field names that hold credentials or secrets (compared case-insensitively, `_` ignored). */
export const SENSITIVE_FIELDS: readonly string[] = [
  'password',
  'passwordHash',
  'hashedPassword',
  'passwordDigest',
  'encryptedPassword',
  'hash',
  'salt',
  'passwordSalt',
  'resetToken',
  'resetPasswordToken',
  'passwordResetToken',
  'resetPasswordExpires',
  'verificationToken',
  'emailVerificationToken',
  'mfaSecret',
  'totpSecret',
  'twoFactorSecret',
  'otpSecret',
  'recoveryCodes',
  'apiKey',
  'apiKeyHash',
  'apiSecret',
  'refreshToken',
  'refreshTokenHash',
  'privateKey',
  'clientSecret',
  'ssn',
  'socialSecurityNumber',
];

const NORMALIZED: ReadonlySet<string> = new Set(SENSITIVE_FIELDS.map(normalizeFieldName));

/**
 * Fields that hold a credential only in an account's record: `hash` is the password hash beside
 * `salt` (passport-local-mongoose) or in a user model, and a file's or a block's checksum elsewhere
 * (`Media.hash`, sha256 of the upload).
 */
export const ACCOUNT_ONLY_FIELDS: readonly string[] = ['hash'];
/** Model names that read like an account, whose `hash` is a password hash. */
export const ACCOUNT_MODEL_NAME = /user|account|member|admin|customer|credential|identit|login|auth|person|employee|staff|operator|principal|profile/i;

/** The sensitive fields of a model named `modelName`, less the account-only ones when it is no account and has no `salt`. */
export function withoutNonAccountFields(modelName: string, sensitive: readonly string[]): readonly string[] {
  if (ACCOUNT_MODEL_NAME.test(modelName) || sensitive.some((field) => normalizeFieldName(field) === 'salt')) return sensitive;
  const accountOnly = new Set(ACCOUNT_ONLY_FIELDS.map(normalizeFieldName));
  const kept = sensitive.filter((field) => !accountOnly.has(normalizeFieldName(field)));
  return kept.length === sensitive.length ? sensitive : kept;
}

/** `password_hash` and `passwordHash` compare equal. */
export function normalizeFieldName(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

/** True when a field name is in the catalog (or in the extra names a user listed). */
export function isSensitiveFieldName(name: string, extra: readonly string[] = []): boolean {
  const normalized = normalizeFieldName(name);
  return NORMALIZED.has(normalized) || extra.some((e) => normalizeFieldName(e) === normalized);
}

/** ORM calls whose result is a whole record (or a list of them): finders, and writes that return the stored record. */
export const RECORD_RETURNING_METHODS: readonly string[] = [
  'findById',
  'findOne',
  'findByPk',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'find',
  'findBy',
  'findAll',
  'findMany',
  'findAndCountAll',
  'findAndCount',
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findByIdAndUpdate',
  'findOneAndUpdate',
  'create',
  'save',
  'update',
  'upsert',
];

/** Chained query calls that keep the records whole (`.lean()`, `.populate()`, `.exec()`, `.sort()`). */
export const PASS_THROUGH_QUERY_METHODS: readonly string[] = [
  'lean',
  'populate',
  'exec',
  'sort',
  'limit',
  'skip',
  'where',
  'orFail',
  'then',
  'session',
  'collation',
  'hint',
];

/** Chained calls and options that project the fields of a query: Mongoose `.select()`, Prisma `select`/`omit`, Sequelize `attributes`, TypeORM `select`. */
export const PROJECTION_METHODS: readonly string[] = ['select', 'projection', 'omit', 'pick'];
export const PROJECTION_OPTIONS: readonly string[] = ['select', 'omit', 'attributes', 'projection', 'fields'];

/** Calls that turn a record into a plain object with the same fields. */
export const SAME_FIELDS_METHODS: readonly string[] = ['toJSON', 'toObject', 'get', 'dataValues', 'lean'];
