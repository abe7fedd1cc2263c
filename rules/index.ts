/**
 * The registry of built rules, keyed by rule id. A rule that is not built yet is not listed.
 */
import type { AnyApiRule } from '../src/rule-kit/define-api-rule.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';
import noSsrf from './no-ssrf.js';
import noVerboseErrors from './no-verbose-errors.js';
import noAuthEnumeration from './no-auth-enumeration.js';
import noMassAssignment from './no-mass-assignment.js';
import requireAuthGuard from './require-auth-guard.js';
import requireRateLimit from './require-rate-limit.js';
import noDebugEndpoints from './no-debug-endpoints.js';
import noInsecureJwt from './no-insecure-jwt.js';
import noPermissiveCors from './no-permissive-cors.js';
import noUnsafeConsumption from './no-unsafe-consumption.js';
import noUnboundedQuery from './no-unbounded-query.js';
import noUndocumentedRoute from './no-undocumented-route.js';
import requireOwnershipCheck from './require-ownership-check.js';
import noSensitiveDataExposure from './no-sensitive-data-exposure.js';

export const rules: Record<string, AnyApiRule> = {
  'no-mass-assignment': noMassAssignment,
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-ssrf': noSsrf,
  'no-verbose-errors': noVerboseErrors,
  'no-auth-enumeration': noAuthEnumeration,
  'require-auth-guard': requireAuthGuard,
  'require-rate-limit': requireRateLimit,
  'no-debug-endpoints': noDebugEndpoints,
  'no-insecure-jwt': noInsecureJwt,
  'no-permissive-cors': noPermissiveCors,
  'no-unsafe-consumption': noUnsafeConsumption,
  'no-unbounded-query': noUnboundedQuery,
  'no-undocumented-route': noUndocumentedRoute,
  'require-ownership-check': requireOwnershipCheck,
  'no-sensitive-data-exposure': noSensitiveDataExposure,
};
