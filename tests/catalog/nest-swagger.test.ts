/**
 * Every row of the @nestjs/swagger catalog, with one sample that matches it and one that does not.
 */
import { describe, expect, it } from 'vitest';
import {
  NEST_SWAGGER_DESCRIBE_DECORATORS,
  NEST_SWAGGER_EXCLUDE_DECORATORS,
  NEST_SWAGGER_SECURITY_DECORATORS,
  findNestSwaggerDescribeDecorator,
  findNestSwaggerExcludeDecorator,
  findNestSwaggerSecurityDecorator,
  isNestSwaggerModule,
} from '../../src/catalog/nest-swagger.js';

function expectSamplesForEveryRow(samples: Record<string, unknown>, rows: readonly { readonly name: string }[]): void {
  expect(Object.keys(samples).sort()).toEqual(rows.map((r) => r.name).sort());
}

describe('nest-swagger catalog', () => {
  it('isNestSwaggerModule', () => {
    expect(isNestSwaggerModule('@nestjs/swagger')).toBe(true);
    expect(isNestSwaggerModule('@nestjs/swagger/dist/decorators')).toBe(true);
    expect(isNestSwaggerModule('@nestjs/swagger-ui')).toBe(false);
  });

  const SECURITY: Record<string, { match: string; miss: string; scheme: string }> = {
    bearer: { match: 'ApiBearerAuth', miss: 'ApiBearer', scheme: 'bearer' },
    security: { match: 'ApiSecurity', miss: 'Security', scheme: 'security' },
    oauth2: { match: 'ApiOAuth2', miss: 'ApiOauth2', scheme: 'oauth2' },
    basic: { match: 'ApiBasicAuth', miss: 'BasicAuth', scheme: 'basic' },
    cookie: { match: 'ApiCookieAuth', miss: 'ApiCookie', scheme: 'cookie' },
  };
  it('security decorators: a sample per row', () => {
    expectSamplesForEveryRow(SECURITY, NEST_SWAGGER_SECURITY_DECORATORS);
    for (const [name, sample] of Object.entries(SECURITY)) {
      expect(findNestSwaggerSecurityDecorator(sample.match), name).toMatchObject({ name, defaultScheme: sample.scheme });
      expect(findNestSwaggerSecurityDecorator(sample.miss), name).toBeUndefined();
    }
  });

  const EXCLUDE: Record<string, { match: string; target: 'method' | 'class'; miss: 'method' | 'class' }> = {
    endpoint: { match: 'ApiExcludeEndpoint', target: 'method', miss: 'class' },
    controller: { match: 'ApiExcludeController', target: 'class', miss: 'method' },
  };
  it('exclusion decorators: a sample per row, each only on its target', () => {
    expectSamplesForEveryRow(EXCLUDE, NEST_SWAGGER_EXCLUDE_DECORATORS);
    for (const [name, sample] of Object.entries(EXCLUDE)) {
      expect(findNestSwaggerExcludeDecorator(sample.match, sample.target)?.name, name).toBe(name);
      expect(findNestSwaggerExcludeDecorator(sample.match, sample.miss), name).toBeUndefined();
    }
  });

  const DESCRIBE: Record<string, { match: string; miss: string }> = {
    tags: { match: 'ApiTags', miss: 'Tags' },
    operation: { match: 'ApiOperation', miss: 'ApiResponse' },
  };
  it('describing decorators: a sample per row', () => {
    expectSamplesForEveryRow(DESCRIBE, NEST_SWAGGER_DESCRIBE_DECORATORS);
    for (const [name, sample] of Object.entries(DESCRIBE)) {
      expect(findNestSwaggerDescribeDecorator(sample.match)?.name, name).toBe(name);
      expect(findNestSwaggerDescribeDecorator(sample.miss), name).toBeUndefined();
    }
  });
});
