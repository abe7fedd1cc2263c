/**
 * Every row of the rate-limiter catalog, with samples that match it and look-alikes that do not. A
 * new row without samples fails the "every row has samples" checks.
 */
import { describe, expect, it } from 'vitest';
import {
  RATE_LIMITER_NAMES,
  RATE_LIMITER_PACKAGES,
  RATE_LIMIT_CALLS,
  RATE_LIMIT_SUSPECT_PATTERN,
  THROTTLER_DECORATORS,
  TOO_MANY_REQUESTS_NAME,
  findRateLimitCall,
  findRateLimiterName,
  findRateLimiterPackage,
  findThrottlerDecorator,
} from '../../src/catalog/rate-limiters.js';

type PackageUse = [module: string, exported: string];

const PACKAGE_SAMPLES: Record<string, { match: PackageUse; miss: PackageUse }> = {
  'express-rate-limit': { match: ['express-rate-limit', 'rateLimit'], miss: ['express-rate-limit', 'MemoryStore'] },
  'express-slow-down': { match: ['express-slow-down', 'default'], miss: ['express-slowdown-docs', 'default'] },
  'express-brute': { match: ['express-brute', 'default'], miss: ['express-brute-redis', 'default'] },
  'rate-limiter-flexible': { match: ['rate-limiter-flexible', 'RateLimiterRedis'], miss: ['rate-limiter-flexible', 'RateLimiterRes'] },
  'upstash-ratelimit': { match: ['@upstash/ratelimit', 'Ratelimit'], miss: ['@upstash/redis', 'Redis'] },
  'fastify-rate-limit': { match: ['@fastify/rate-limit', 'default'], miss: ['@fastify/cors', 'default'] },
  'nest-throttler-guard': { match: ['@nestjs/throttler', 'ThrottlerGuard'], miss: ['@nestjs/throttler', 'ThrottlerModule'] },
};

const NAME_SAMPLES: Record<string, { match: string; miss: string }> = {
  'rate-limit': { match: 'authRateLimit', miss: 'pageLimit' },
  limiter: { match: 'loginLimiter', miss: 'getDelimiter' },
  throttle: { match: 'CustomThrottlerGuard', miss: 'thrush' },
  'slow-down': { match: 'loginSlowDown', miss: 'slowly' },
  'brute-force': { match: 'bruteforce', miss: 'brutalist' },
};

const CALL_SAMPLES: Record<string, { match: [string, string]; miss: [string, string] }> = {
  'flexible-consume': { match: ['consume', 'loginLimiter'], miss: ['consume', 'queue'] },
  'flexible-penalty': { match: ['penalty', 'rateLimiter'], miss: ['penalty', 'game'] },
  'flexible-block': { match: ['block', 'bruteLimiter'], miss: ['block', 'user'] },
  'limiter-check': { match: ['check', 'apiRateLimit'], miss: ['check', 'validator'] },
  'limiter-hit': { match: ['hit', 'ipLimiter'], miss: ['hit', 'cache'] },
};

describe('rate-limiter catalog', () => {
  it('has samples for every package, name and call row', () => {
    expect(Object.keys(PACKAGE_SAMPLES).sort()).toEqual(RATE_LIMITER_PACKAGES.map((r) => r.name).sort());
    expect(Object.keys(NAME_SAMPLES).sort()).toEqual(RATE_LIMITER_NAMES.map((r) => r.name).sort());
    expect(Object.keys(CALL_SAMPLES).sort()).toEqual(RATE_LIMIT_CALLS.map((r) => r.name).sort());
  });

  for (const row of RATE_LIMITER_PACKAGES) {
    it(`package ${row.name}: matches its sample and not the look-alike`, () => {
      const { match, miss } = PACKAGE_SAMPLES[row.name]!;
      expect(findRateLimiterPackage(...match)?.name).toBe(row.name);
      expect(findRateLimiterPackage(...miss)?.name).not.toBe(row.name);
    });
  }

  for (const row of RATE_LIMITER_NAMES) {
    it(`name ${row.name}: matches its sample and not the look-alike`, () => {
      const { match, miss } = NAME_SAMPLES[row.name]!;
      expect(findRateLimiterName(match)?.name).toBe(row.name);
      expect(findRateLimiterName(miss)).toBeUndefined();
    });
  }

  for (const row of RATE_LIMIT_CALLS) {
    it(`call ${row.name}: matches its sample and not the look-alike`, () => {
      const { match, miss } = CALL_SAMPLES[row.name]!;
      expect(findRateLimitCall(...match)?.name).toBe(row.name);
      expect(findRateLimitCall(...miss)).toBeUndefined();
    });
  }

  it('throttler decorators: @SkipThrottle skips, @Throttle configures, other decorators are neither', () => {
    expect(THROTTLER_DECORATORS.map((r) => r.name).sort()).toEqual(['skip-throttle', 'throttle']);
    expect(findThrottlerDecorator('SkipThrottle')?.effect).toBe('skip');
    expect(findThrottlerDecorator('Throttle')?.effect).toBe('configure');
    expect(findThrottlerDecorator('UseGuards')).toBeUndefined();
  });

  it('429 names and the suspect pattern', () => {
    expect(TOO_MANY_REQUESTS_NAME.test('TOO_MANY_REQUESTS')).toBe(true);
    expect(TOO_MANY_REQUESTS_NAME.test('ThrottlerException')).toBe(true);
    expect(TOO_MANY_REQUESTS_NAME.test('NOT_FOUND')).toBe(false);
    expect(RATE_LIMIT_SUSPECT_PATTERN.test('abuseProtection')).toBe(true);
    expect(RATE_LIMIT_SUSPECT_PATTERN.test('requestLogger')).toBe(false);
  });
});
