/**
 * Record access and caller identity as data, for `require-ownership-check` (OWASP API1:2023, BOLA):
 *
 * - `RECORD_LOOKUPS`: ORM calls that load, update or delete ONE record addressed by an id, by the
 *   kind of receiver they are made on (`model-receivers.ts` recognizes the receiver) and where the id
 *   sits: the argument itself (`findById(id)`), or id keys of a filter object (`findOne({ _id: id })`,
 *   `findUnique({ where: { id } })`, `update(values, { where: { id } })`).
 * - `OWNER_KEYS`: filter keys that scope a query to the caller (`userId`, `ownerId`, `tenantId`).
 * - `IDENTITY_PROPERTIES`, `IDENTITY_PARAMETER_DECORATOR`, `POLICY_CALL`, `POLICY_DECORATOR`: the
 *   ways a handler or a service reads who is calling, or asks a policy about it.
 *
 * `tests/catalog/record-access.test.ts` checks each row with one sample that matches and one that
 * does not.
 */
import type { ReceiverKind } from '../model/model-receivers.js';

export type RecordOperation = 'read' | 'update' | 'delete';

/** Where the record's id sits in a lookup call. */
export type RecordIdPosition =
  /** The argument is the id (`findById(id)`, `findByPk(id)`). */
  | { readonly kind: 'argument'; readonly argument: number }
  /** The argument is a filter object; its id keys (under `where` when present) address the record. */
  | { readonly kind: 'filter'; readonly argument: number }
  /** Either: TypeORM `delete(id)` and `delete({ id })`, MikroORM `em.findOne(Book, id)`. */
  | { readonly kind: 'argument-or-filter'; readonly argument: number };

export interface RecordLookupRow {
  /** A unique, readable name: `mongoose findById`. */
  readonly name: string;
  readonly receivers: readonly ReceiverKind[];
  readonly methods: readonly string[];
  readonly operation: RecordOperation;
  readonly id: RecordIdPosition;
}

export const RECORD_LOOKUPS = [
  {
    name: 'findById family',
    receivers: ['model'],
    methods: ['findById', 'findByPk'],
    operation: 'read',
    id: { kind: 'argument', argument: 0 },
  },
  {
    name: 'findByIdAndUpdate',
    receivers: ['model'],
    methods: ['findByIdAndUpdate', 'findByIdAndReplace'],
    operation: 'update',
    id: { kind: 'argument', argument: 0 },
  },
  {
    name: 'findByIdAndDelete',
    receivers: ['model'],
    methods: ['findByIdAndDelete', 'findByIdAndRemove'],
    operation: 'delete',
    id: { kind: 'argument', argument: 0 },
  },
  {
    name: 'model findOne by filter',
    receivers: ['model', 'repository', 'collection'],
    methods: ['findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'exists', 'exist', 'existsBy'],
    operation: 'read',
    // TypeORM before 0.3 and MikroORM also take the id itself: `repo.findOne(id)`.
    id: { kind: 'argument-or-filter', argument: 0 },
  },
  {
    name: 'update by filter',
    receivers: ['model', 'collection'],
    methods: ['findOneAndUpdate', 'findOneAndReplace', 'updateOne', 'replaceOne'],
    operation: 'update',
    id: { kind: 'filter', argument: 0 },
  },
  {
    name: 'delete by filter',
    receivers: ['model', 'collection'],
    methods: ['findOneAndDelete', 'findOneAndRemove', 'deleteOne', 'destroy'],
    operation: 'delete',
    id: { kind: 'filter', argument: 0 },
  },
  {
    name: 'sequelize Model.update(values, { where })',
    receivers: ['model'],
    methods: ['update'],
    operation: 'update',
    id: { kind: 'filter', argument: 1 },
  },
  {
    name: 'typeorm repository update(id, values)',
    receivers: ['repository'],
    methods: ['update'],
    operation: 'update',
    id: { kind: 'argument-or-filter', argument: 0 },
  },
  {
    name: 'typeorm repository delete(id)',
    receivers: ['repository'],
    methods: ['delete', 'softDelete', 'restore'],
    operation: 'delete',
    id: { kind: 'argument-or-filter', argument: 0 },
  },
  {
    name: 'entity manager findOne(Entity, filter)',
    receivers: ['entity-manager'],
    methods: ['findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail'],
    operation: 'read',
    id: { kind: 'argument-or-filter', argument: 1 },
  },
  {
    name: 'entity manager delete(Entity, id)',
    receivers: ['entity-manager'],
    methods: ['delete', 'softDelete', 'nativeDelete'],
    operation: 'delete',
    id: { kind: 'argument-or-filter', argument: 1 },
  },
  {
    name: 'prisma read by where',
    receivers: ['prisma-delegate'],
    methods: ['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow'],
    operation: 'read',
    id: { kind: 'filter', argument: 0 },
  },
  {
    name: 'prisma update by where',
    receivers: ['prisma-delegate'],
    methods: ['update', 'upsert', 'updateMany'],
    operation: 'update',
    id: { kind: 'filter', argument: 0 },
  },
  {
    name: 'prisma delete by where',
    receivers: ['prisma-delegate'],
    methods: ['delete', 'deleteMany'],
    operation: 'delete',
    id: { kind: 'filter', argument: 0 },
  },
] as const satisfies readonly RecordLookupRow[];

/** Filter keys that address a record: `id`, `_id`, `uuid`, `invoiceId`, `account_id`. */
export const RECORD_ID_KEY = /^(?:_?id|uuid|guid|slug|[a-z][A-Za-z0-9]*(?:Id|ID|Uuid)|[a-z][a-z0-9]*_id)$/;

/** Filter keys that scope a query to the caller: a `where` with one of them is an ownership check. */
export const OWNER_KEYS: readonly string[] = [
  'userId',
  'user_id',
  'user',
  'ownerId',
  'owner_id',
  'owner',
  'tenantId',
  'tenant_id',
  'tenant',
  'organizationId',
  'organization_id',
  'organisationId',
  'orgId',
  'org_id',
  'org',
  'organization',
  'accountId',
  'account_id',
  'workspaceId',
  'teamId',
  'companyId',
  'customerId',
  'authorId',
  'author',
  'createdBy',
  'createdById',
  'created_by',
  'memberId',
  'members',
];

/** Request properties that hold the caller (`req.user`, `request.auth`, `req.session`, `ctx.state.user`). */
export const IDENTITY_PROPERTIES: readonly string[] = [
  'user',
  'currentUser',
  'auth',
  'session',
  'principal',
  'identity',
  'claims',
  'tenant',
  'tenantId',
  'userId',
  'account',
  'organization',
  'org',
  'jwt',
  'token',
];

/** Objects that hold the request in handlers and middleware (`req`, `request`, Koa/Hono `ctx`). */
export const REQUEST_OBJECT_NAME = /^(?:req|request|ctx|context|c)$/;

/**
 * Parameter decorators that inject the caller: `@CurrentUser()`, `@User()`, `@AuthUser()`,
 * `@GetUser()`, `@ReqUser()`, `@Session()`, `@Tenant()`, `@Jwt()`, `@Principal()`.
 */
export const IDENTITY_PARAMETER_DECORATOR =
  /^(?:Current|Get|Auth|Req|Request|Logged(?:In)?|Active|Session)?(?:User|Account|Member|Principal|Identity|Tenant|Org|Organization|Claims|Jwt|JwtPayload|Token|Auth|Session|Me|Caller|Viewer)(?:Id|Data|Payload)?$/;

/** Calls that ask a policy about the caller: CASL `ability.can`, `ForbiddenError.from(ability)`, casbin `enforce`, `authorize(...)`. */
export const POLICY_CALL =
  /^(?:can|cannot|authorize|authorise|enforce|permit|throwUnlessCan|checkPolicies|checkPolicy|checkPermissions?|checkAccess|checkOwnership|verifyOwnership|assertOwnership|ensureOwnership|ensureOwner|assertOwner|isOwner|isOwnedBy|ownedBy|belongsTo|hasPermission|hasAccess|canAccess|canEdit|canView|canDelete|canUpdate|canRead|canManage|assertCan|assertAccess|requireOwnership|authorizeAccess|checkAbility)$|(?:Ownership|Owner|Permission|Policy|Access)(?:Check)?$/;

/** Decorators on a route method or controller that restrict it to roles or policies (`@Roles('admin')`, `@CheckPolicies(...)`). */
export const POLICY_DECORATOR =
  /^(?:Roles?|HasRoles?|RequireRoles?|AllowRoles?|Role|CheckPolic(?:y|ies)|Polic(?:y|ies)|Permissions?|RequirePermissions?|HasPermissions?|Permission|CheckAbilit(?:y|ies)|Abilit(?:y|ies)|Scopes?|RequireScopes?|AdminOnly|Admin|Authorize|Authorization|Ownership|Owner)$/;

/**
 * Chain items that restrict a route to a role, by name: `requireLibrarian`, `onlyStaff`,
 * `isModerator`, `fastify.requireAdmin`, `LibrarianGuard`; but not the authentication names
 * (`requireAuth`, `requireUser`, `ensureLoggedIn`, `JwtAuthGuard`, and any guard named for a way to
 * authenticate: `PATAuthGuard`, `UserJwtAuthGuard`, `SessionTokenGuard`).
 */
export const ROLE_ITEM_NAME =
  /^(?:require|requires|only|is|ensure|must|mustBe|allow|restrictTo)(?!Auth|Authenticated|Authentication|Login|LoggedIn|Logged|Signed|SignedIn|User|Users|Session|Token|Jwt|Bearer|Valid|Api|Key|Body|Json|Https|Csrf|Captcha)[A-Z]\w*$|^(?!(?:Jwt|Auth|Authn|Authentication|Local|Api|ApiKey|Session|Bearer|Access|Passport|Firebase|Clerk|Supabase|Cognito|Token|Gql|Graphql|Http|Ws|Throttler|Optional|Refresh|Basic|Cookie|Oidc|OAuth|Oauth|Google|Github)\w*Guard$)(?!\w*(?:Auth|Authn|Authentication|Jwt|JWT|Token|Session|Bearer|ApiKey|Login|LoggedIn)Guard$)[A-Z]\w*Guard$/;

/**
 * Arguments of an auth middleware factory that name an authentication strategy, not a right:
 * `authenticate('jwt')` only authenticates, `auth('getUsers')` or `checkRole('admin')` restricts the
 * route to the rights or roles it names.
 */
export const STRATEGY_ARGUMENT = /^(?:jwt|jwt-?refresh|bearer|local|basic|digest|session|cookie|api-?key|header-?api-?key|token|oauth2?|oidc|openid|saml|google|github|gitlab|facebook|twitter|apple|microsoft|azure-?ad|auth0|firebase|anonymous|optional|required|strict|any)$/i;

/** Path segments of routes that address the caller's own record (`/me`, `/users/me/avatar`). */
export const SELF_PATH_SEGMENT = /^(?:me|self|mine|my|current|current-user|currentuser|profile|account|whoami)$/i;
