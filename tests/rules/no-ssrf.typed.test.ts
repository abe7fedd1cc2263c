/**
 * Cross-file cases with the project index (typed linting): request input that a router or a Nest
 * controller hands to a service in another file is reported at the outbound call in the service,
 * naming the input, the call in between and the route; allowlist helpers in another file protect
 * the request, format-only helpers do not. Per-file mode stays silent on all of them: only the
 * other file can tell.
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-ssrf.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/ssrf`;
const read = (path: string): string => readFileSync(`${dir}/${path}`, 'utf8');

const previewService = read('express/services/preview.service.ts');
const monitorService = read('express/services/monitor.service.ts');
const avatarService = read('express/services/avatar.service.ts');
const previewRoutes = read('express/routes/preview.routes.ts');
const fetcherService = read('nest/fetcher.service.ts');
const fetcherController = read('nest/fetcher.controller.ts');
const probeJs = read('cjs/lib/probe.js');
const monitorsJs = read('cjs/routes/monitors.js');
const oembedRoutes = read('express/routes/oembed.routes.ts');

createTypedRuleTester().run('no-ssrf (project)', testedRule, {
  valid: [
    {
      // The got client imported from another file has hooks that refuse private addresses (Ghost's oEmbed guard).
      name: 'express route calling a guarded got client imported from another file',
      filename: `${dir}/express/routes/oembed.routes.ts`,
      code: oembedRoutes,
    },
    {
      // The Nest controller only passes values along; the finding belongs to the service.
      name: 'nest controller that hands the body to a service',
      filename: `${dir}/nest/fetcher.controller.ts`,
      code: fetcherController,
    },
    {
      // The CommonJS router passes req.body to probe() in another file; the report is there.
      name: 'commonjs router that calls a helper in another file',
      filename: `${dir}/cjs/routes/monitors.js`,
      code: monitorsJs,
    },
  ],
  invalid: [
    {
      // fetchPreview gets req.body.url from the router; fetchPartnerPage only gets URLs that
      // parsePartnerUrl (another file) checked against the partner list.
      name: 'express service called from a router in another file',
      filename: `${dir}/express/services/preview.service.ts`,
      code: previewService,
      errors: [
        {
          messageId: 'ssrf',
          line: 2,
          data: {
            source: 'req.body.url',
            role: 'URL',
            sink: 'fetch',
            control: 'the whole URL',
            via: ' via `fetchPreview(req.body.url)` in routes/preview.routes.ts (POST /preview)',
          },
        },
      ],
    },
    {
      // probe(req.body) reads target.url; reportStatus only puts input in the path of a configured base.
      name: 'express service reading a field of the body object passed to it',
      filename: `${dir}/express/services/monitor.service.ts`,
      code: monitorService,
      errors: [
        {
          messageId: 'ssrf',
          line: 11,
          data: {
            source: 'req.body.url',
            role: 'URL',
            sink: 'axios.request',
            control: 'the whole URL',
            via: ' via `probe(req.body)` in routes/preview.routes.ts (POST /monitors/test)',
          },
        },
      ],
    },
    {
      // `http` is an axios instance exported by lib/http.ts: followed through the import.
      name: 'express service using a shared client instance from another file',
      filename: `${dir}/express/services/avatar.service.ts`,
      code: avatarService,
      errors: [
        {
          messageId: 'ssrf',
          line: 4,
          data: {
            source: 'req.body.avatarUrl',
            role: 'URL',
            sink: 'http.get',
            control: 'the whole URL',
            via: ' via `downloadAvatar(req.body.avatarUrl)` in routes/preview.routes.ts (PUT /me/avatar)',
          },
        },
      ],
    },
    {
      // isAllowedHost (another file) is an allowlist: /image is safe, and so is /tenant-page, whose
      // parseTenantUrl checks a dot-prefixed suffix imported from config.ts. isWellFormedUrl and
      // assertWellFormedUrl only parse: /avatar and /webhooks/test are not.
      name: 'router whose guards live in other files',
      filename: `${dir}/express/routes/preview.routes.ts`,
      code: previewRoutes,
      errors: [
        { messageId: 'ssrf', line: 28, data: { source: 'req.query.src', role: 'URL', sink: 'fetch', control: 'the whole URL', via: '' } },
        { messageId: 'ssrf', line: 45, data: { source: 'req.body.url', role: 'URL', sink: 'fetch', control: 'the whole URL', via: '' } },
      ],
    },
    {
      // this.fetcher.load(dto.baseUrl) through the injected service; loadPartner uses a constant map.
      name: 'nest service injected into a controller in another file',
      filename: `${dir}/nest/fetcher.service.ts`,
      code: fetcherService,
      errors: [
        {
          messageId: 'ssrf',
          line: 12,
          data: {
            source: 'dto.baseUrl',
            role: 'URL',
            sink: 'this.http.get',
            control: 'the whole URL',
            via: ' via `this.fetcher.load(dto.baseUrl, dto.since)` in nest/fetcher.controller.ts (POST /integrations/sync)',
          },
        },
      ],
    },
    {
      name: 'commonjs helper required by a router',
      filename: `${dir}/cjs/lib/probe.js`,
      code: probeJs,
      errors: [
        {
          messageId: 'ssrf',
          line: 6,
          data: {
            source: 'req.body.url',
            role: 'URL',
            sink: 'axios.request',
            control: 'the whole URL',
            via: ' via `probe(req.body)` in routes/monitors.js (POST /test)',
          },
        },
      ],
    },
  ],
});

createRuleTester().run('no-ssrf (per-file mode on the same files)', testedRule, {
  valid: [
    {
      // Without the project index nothing says where the parameter comes from.
      name: 'express service alone',
      filename: `${dir}/express/services/preview.service.ts`,
      code: previewService,
    },
    {
      // The imported isWellFormedUrl and assertWellFormedUrl could be allowlists as far as this file knows.
      name: 'router alone',
      filename: `${dir}/express/routes/preview.routes.ts`,
      code: previewRoutes,
    },
    {
      // Per-file mode cannot tell that `http` is an HTTP client.
      name: 'service with a shared client instance alone',
      filename: `${dir}/express/services/avatar.service.ts`,
      code: avatarService,
    },
    {
      // The service's parameter may come from anywhere.
      name: 'nest service alone',
      filename: `${dir}/nest/fetcher.service.ts`,
      code: fetcherService,
    },
  ],
  invalid: [],
});
