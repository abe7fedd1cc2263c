/**
 * no-ssrf in per-file mode (no type information): what one file proves. Cross-file cases live in
 * no-ssrf.typed.test.ts.
 */
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-ssrf.js';
import { createRuleTester } from '../utils/rule-tester.js';

const ruleTester = createRuleTester();
// The rule tester pins its own copy of @typescript-eslint/utils; the rule object is the same at run time.
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

const WHOLE = 'the whole URL';
const HOST = 'the host';

ruleTester.run('no-ssrf', testedRule, {
  valid: [
    {
      // https.get's callback receives the upstream's answer, not a client's request: following its
      // redirect is not request input (uptime-kuma's release download script; round-3 triage).
      name: 'node: https.get callback following a redirect',
      code: `const https = require('https');
function download(url) {
  https.get(url, (response) => {
    if (response.statusCode === 302) {
      download(response.headers.location);
      return;
    }
    response.resume();
  });
}
download('https://github.com/acme/tool/releases/download/v1.0.0/dist.tar.gz');`,
    },
    // --- Fixed origins: input only in the path or query -------------------------------------------
    {
      // The origin is a literal; the id is encoded into one path segment.
      name: 'express: encoded id in the path of a literal origin',
      code: `app.get('/items/:id', async (req, res) => {
  const r = await fetch(\`https://api.example.com/items/\${encodeURIComponent(req.params.id)}\`);
  res.json(await r.json());
});`,
    },
    {
      // The client's URL is a query parameter value of a fixed endpoint.
      name: 'express: URL passed as a query parameter of a constant origin',
      code: `import axios from 'axios';
app.get('/embed', async (req, res) => {
  const { data } = await axios.get('https://www.youtube.com/oembed', { params: { url: String(req.query.url ?? '') } });
  res.json(data);
});`,
    },
    {
      // Concatenated after "?q=": query only.
      name: 'express: query string appended to a literal endpoint',
      code: `app.get('/search', async (req, res) => {
  const r = await fetch('https://api.example.com/search?q=' + req.query.q);
  res.json(await r.json());
});`,
    },
    {
      // A relative path resolved against a constant base cannot change the origin.
      name: 'express: new URL of a fixed path and a constant base',
      code: `app.get('/decode/:vin', async (req, res) => {
  const url = new URL('/api/vehicles/decode/' + encodeURIComponent(req.params.vin), 'https://vpic.example.gov');
  res.json(await (await fetch(url)).json());
});`,
    },
    {
      // The base comes from configuration, and a slash separates it from the input.
      name: 'express: config base followed by a path',
      code: `import axios from 'axios';
import { config } from './config.js';
router.get('/users/:id', async (req, res) => {
  const { data } = await axios.get(\`\${config.directoryBase}/users/\${req.params.id}\`);
  res.json(data);
});`,
    },
    {
      // Environment variable origin and a slash before the input.
      name: 'express: environment origin',
      code: `app.get('/status/:page', async (req, res) => {
  const r = await fetch(process.env.STATUS_URL + '/' + req.params.page);
  res.send(await r.text());
});`,
    },
    // --- Allowlist checks that dominate the request ---------------------------------------------
    {
      // The parsed host is checked against a Set; failure returns before the request.
      name: 'express: Set.has of the parsed hostname with an early return',
      code: `const ALLOWED = new Set(['images.example.com', 'cdn.example.com']);
app.get('/proxy', async (req, res) => {
  const u = String(req.query.u);
  if (!ALLOWED.has(new URL(u).hostname)) return res.status(400).json({ error: 'host not allowed' });
  const r = await fetch(u);
  res.send(await r.text());
});`,
    },
    {
      // Protocol and host are both required; the failure branch throws.
      name: 'express: includes of the hostname combined with a protocol check, throwing',
      code: `import { partnerHosts } from './config.js';
router.post('/import', async (req, res, next) => {
  try {
    const target = new URL(String(req.body?.url));
    if (target.protocol !== 'https:' || !partnerHosts.includes(target.hostname)) {
      throw new Error('Imports are only available from partner sites');
    }
    const response = await fetch(target, { redirect: 'error' });
    res.json(await response.json());
  } catch (err) {
    next(err);
  }
});`,
    },
    {
      // Equality with a constant host.
      name: 'express: hostname compared to a constant',
      code: `app.post('/ping', async (req, res) => {
  const url = new URL(req.body.url);
  if (url.hostname !== 'status.example.com') return res.sendStatus(400);
  await fetch(url);
  res.end();
});`,
    },
    {
      // A constant origin followed by a slash: the host is fixed.
      name: 'express: startsWith of a constant origin with a trailing slash',
      code: `import got from 'got';
app.get('/asset', async (req, res) => {
  const u = String(req.query.u);
  if (!u.startsWith('https://cdn.example.com/')) {
    return res.status(400).end();
  }
  res.send(await got(u).buffer());
});`,
    },
    {
      // Exact host or a dot-prefixed subdomain.
      name: 'express: exact host or dot-prefixed suffix',
      code: `app.get('/tenant', async (req, res) => {
  const target = String(req.query.target);
  const { hostname } = new URL(target);
  if (!(hostname === 'example.com' || hostname.endsWith('.example.com'))) return res.sendStatus(403);
  res.json(await (await fetch(target)).json());
});`,
    },
    {
      // The dot-prefixed suffix is a constant: a const of the file, or a member of a const object.
      name: 'express: dot-prefixed suffix held in a constant',
      code: `const ALLOWED_SUFFIX = '.makers.example';
const policy = { partnerPrefix: 'https://partners.example.com/' };
app.get('/tenant', async (req, res) => {
  const target = new URL(String(req.query.target));
  if (target.protocol !== 'https:' || !target.hostname.endsWith(ALLOWED_SUFFIX)) return res.sendStatus(403);
  res.json(await (await fetch(target)).json());
});
app.get('/partner', async (req, res) => {
  const page = String(req.query.page);
  if (!page.startsWith(policy.partnerPrefix)) return res.sendStatus(403);
  res.send(await (await fetch(page)).text());
});`,
    },
    {
      // The helper's summary is an allowlist check of its parameter.
      name: 'express: local isAllowedHost helper as a guard',
      code: `const ALLOWED = ['a.example.com', 'b.example.com'];
function isAllowedHost(value: string): boolean {
  return ALLOWED.includes(new URL(value).hostname);
}
app.post('/fetch', async (req, res) => {
  const target = req.body.target;
  if (!isAllowedHost(target)) return res.sendStatus(400);
  res.json(await (await fetch(target)).json());
});`,
    },
    {
      // An assertion helper that throws when the host is not allowed.
      name: 'express: local assertion helper that throws',
      code: `const ALLOWED = new Set(['hooks.example.com']);
function assertAllowedHost(value: string): void {
  if (!ALLOWED.has(new URL(value).host)) throw new Error('host not allowed');
}
app.post('/hook', async (req, res) => {
  const hook = req.body.hook;
  assertAllowedHost(hook);
  await fetch(hook, { method: 'POST' });
  res.end();
});`,
    },
    {
      // A parser that refuses other hosts returns a clean URL.
      name: 'express: local parser that throws for other hosts returns a clean value',
      code: `const PARTNERS = ['recipes.example.com'];
function toPartnerUrl(value: unknown): URL {
  const url = new URL(String(value));
  if (!PARTNERS.includes(url.hostname)) throw new Error('not a partner');
  return url;
}
app.post('/partner', async (req, res) => {
  const response = await fetch(toPartnerUrl(req.body.url));
  res.json(await response.json());
});`,
    },
    {
      // Per-file mode cannot see the imported helper; it may be an allowlist, so the rule stays silent.
      name: 'express: imported guard helper from a project file (per-file mode)',
      code: `import { isAllowedHost } from './allowlist.js';
app.post('/fetch', async (req, res) => {
  const u = req.body.url;
  if (!isAllowedHost(u)) return res.sendStatus(400);
  res.json(await (await fetch(u)).json());
});`,
    },
    {
      // Per-file mode cannot see the imported assertion helper; it may throw for other hosts.
      name: 'express: imported assertion helper called before the request (per-file mode)',
      code: `import { validateWebhookUrl } from '../lib/webhooks.js';
router.post('/webhooks', async (req, res) => {
  await validateWebhookUrl(req.body.url);
  await fetch(req.body.url, { method: 'POST', body: '{}' });
  res.sendStatus(201);
});`,
    },
    {
      // The client picks a key; the URL comes from a constant map.
      name: 'express: partner origin looked up in a constant map',
      code: `const PARTNERS = new Map([['acme', 'https://api.acme.example']]);
app.get('/feeds/:partner', async (req, res) => {
  const base = PARTNERS.get(req.params.partner);
  if (!base) return res.sendStatus(404);
  res.json(await (await fetch(\`\${base}/feed\`)).json());
});`,
    },
    {
      // The agent refuses private and internal addresses.
      name: 'express: axios with ssrf-req-filter agents',
      code: `import axios from 'axios';
import ssrfFilter from 'ssrf-req-filter';
app.get('/preview', async (req, res) => {
  const url = String(req.query.url);
  const { data } = await axios.get(url, { httpAgent: ssrfFilter(url), httpsAgent: ssrfFilter(url) });
  res.send(data);
});`,
    },
    {
      // The resolved address is checked and the request refused for private ranges.
      name: 'express: private address check after a DNS lookup, throwing',
      code: `import dns from 'node:dns/promises';
import isPrivate from 'private-ip';
app.post('/probe', async (req, res) => {
  const target = new URL(req.body.url);
  const { address } = await dns.lookup(target.hostname);
  if (isPrivate(address)) throw new Error('private address');
  res.json({ status: (await fetch(target)).status });
});`,
    },
    {
      // The project's own address predicate, named for what it checks, after a DNS lookup.
      name: 'express: a local isPrivateAddress check after a DNS lookup, throwing',
      code: `import dns from 'node:dns/promises';
function isPrivateAddress(address: string): boolean {
  return /^(10\\.|127\\.|192\\.168\\.|169\\.254\\.)/.test(address);
}
app.post('/probe', async (req, res) => {
  const target = new URL(req.body.url);
  const { address } = await dns.lookup(target.hostname);
  if (isPrivateAddress(address)) throw new Error('private address');
  res.json({ status: (await fetch(target)).status });
});`,
    },
    {
      // matchedData's URL, checked against an allowlist of hosts before the request.
      name: 'express: express-validator matchedData URL on an allowlisted host',
      code: `import axios from 'axios';
import { body, matchedData } from 'express-validator';
const WEBHOOK_HOSTS = new Set(['hooks.example.com']);
app.post('/integrations/test', body('webhookUrl').isURL(), async (req, res) => {
  const { webhookUrl } = matchedData(req);
  if (!WEBHOOK_HOSTS.has(new URL(webhookUrl).hostname)) return res.sendStatus(400);
  await axios.post(webhookUrl, { event: 'ping' });
  res.sendStatus(204);
});`,
    },
    {
      // A got instance typed through an alias, called with input only in the path of a fixed origin.
      name: 'express: a got instance typed as an alias of Got, fixed origin',
      code: `import express from 'express';
import type { Got } from 'got';
type HttpClient = Got;
export function createPreviewRouter(http: HttpClient) {
  const router = express.Router();
  router.get('/preview/:id', async (req, res) => {
    res.send(await http.get(\`https://previews.example.com/v1/\${encodeURIComponent(req.params.id)}\`).text());
  });
  return router;
}`,
    },
    {
      // The same alias of AxiosInstance, with input only in the path of a fixed origin.
      name: 'express: an axios instance typed as an alias of AxiosInstance, fixed origin',
      code: `import express from 'express';
import type { AxiosInstance } from 'axios';
type Http = AxiosInstance;
export function createFetchRouter(http: Http) {
  const router = express.Router();
  router.get('/items/:id', async (req, res) => {
    const { data } = await http.get(\`https://catalog.example.com/items/\${encodeURIComponent(req.params.id)}\`);
    res.json(data);
  });
  return router;
}`,
    },
    {
      // A database record is not client input (stored SSRF is out of scope).
      name: 'express: URL read from the database',
      code: `import axios from 'axios';
router.post('/webhooks/:id/test', async (req, res) => {
  const hook = await Webhook.findById(req.params.id);
  await axios.post(hook.url, { event: 'test' });
  res.sendStatus(204);
});`,
    },
    {
      // Number() cannot carry a host.
      name: 'express: numeric conversion of the input',
      code: `app.get('/local', async (req, res) => {
  const port = Number(req.query.port);
  res.json(await (await fetch('http://127.0.0.1:8080/health?port=' + port)).json());
});`,
    },
    {
      // The ternary only uses the input when it is in the allowlist.
      name: 'express: ternary that falls back unless the host is allowed',
      code: `const ALLOWED = ['eu.example.com', 'us.example.com'];
app.get('/region', async (req, res) => {
  const host = ALLOWED.includes(String(req.query.h)) ? String(req.query.h) : 'us.example.com';
  res.json(await (await fetch(\`https://\${host}/status\`)).json());
});`,
    },
    {
      // Reassigned to a constant before the request.
      name: 'express: variable reassigned to a constant',
      code: `app.get('/x', async (req, res) => {
  let target = req.query.url as string;
  target = 'https://status.example.com/';
  res.send(await (await fetch(target)).text());
});`,
    },
    {
      // Each branch picks a constant origin.
      name: 'express: switch over the input choosing constant origins',
      code: `app.get('/weather', async (req, res) => {
  let base: string;
  switch (req.query.region) {
    case 'eu':
      base = 'https://eu.weather.example.com';
      break;
    default:
      base = 'https://us.weather.example.com';
  }
  res.json(await (await fetch(base + '/today')).json());
});`,
    },
    {
      // A function with one parameter named req is not an Express handler: req is an outgoing request here.
      name: 'a helper whose parameter is an outgoing request object',
      code: `export function send(req: { url: string; body: string }) {
  return fetch(req.url, { method: 'POST', body: req.body });
}`,
    },
    {
      // Results of package calls are not client input.
      name: 'express: presigned URL from a package',
      code: `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
app.get('/download/:key', async (req, res) => {
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: req.params.key }));
  res.send(await (await fetch(url)).text());
});`,
    },
    {
      // The local fetch function shadows the global one.
      name: 'express: a local function named fetch',
      code: `function fetch(key: string) { return cache.get(key); }
app.get('/c', (req, res) => {
  res.json(fetch(req.query.key as string));
});`,
    },
    {
      // The allowlist callback compares the parsed host exactly or as a dot-prefixed subdomain.
      name: 'express: ALLOWED.some with exact and subdomain comparisons',
      code: `const ALLOWED_DOMAINS = ['example.com', 'example.org'];
app.get('/p', async (req, res) => {
  const target = new URL(String(req.query.u));
  const host = target.hostname;
  if (!ALLOWED_DOMAINS.some((d) => host === d || host.endsWith(\`.\${d}\`))) return res.sendStatus(403);
  res.send(await (await fetch(target)).text());
});`,
    },
    {
      // Each allowed prefix is a fixed origin followed by a slash.
      name: 'express: PREFIXES.some with startsWith over constant origins',
      code: `const PREFIXES = ['https://hooks.slack.com/', 'https://discord.com/api/webhooks/'];
app.post('/hook', async (req, res) => {
  const url = String(req.body.url);
  if (!PREFIXES.some((p) => url.startsWith(p))) return res.sendStatus(400);
  await fetch(url, { method: 'POST', body: '{}' });
  res.end();
});`,
    },
    {
      // The check is held in a const and tested before the request.
      name: 'express: allowlist result kept in a const',
      code: `const ALLOWED = new Set(['api.example.com']);
app.get('/p', async (req, res) => {
  const url = new URL(String(req.query.u));
  const allowed = ALLOWED.has(url.hostname);
  if (!allowed) {
    return res.status(403).json({ error: 'forbidden host' });
  }
  res.json(await (await fetch(url)).json());
});`,
    },
    {
      // The zod schema refines the URL with an allowlist of hosts.
      name: 'express: zod refine with a host allowlist',
      code: `import { z } from 'zod';
const ALLOWED = new Set(['feeds.example.com']);
const feedUrl = z.string().url().refine((u) => ALLOWED.has(new URL(u).hostname), 'feed host not allowed');
const body = z.object({ url: feedUrl });
app.post('/feeds', async (req, res) => {
  const { url } = body.parse(req.body);
  res.send(await (await fetch(url)).text());
});`,
    },
    {
      // A constant holds the origin and its slash.
      name: 'express: startsWith of a const origin',
      code: `const API_PREFIX = 'https://api.example.com/';
app.get('/p', async (req, res) => {
  const u = String(req.query.u);
  if (!u.startsWith(API_PREFIX)) return res.sendStatus(400);
  res.json(await (await fetch(u)).json());
});`,
    },
    {
      // An anchored regex pins the origin.
      name: 'express: anchored regex of the origin',
      code: `app.post('/hook', async (req, res) => {
  const hook = String(req.body.hook);
  if (!/^https:\\/\\/hooks\\.slack\\.com\\//.test(hook)) return res.sendStatus(400);
  await fetch(hook, { method: 'POST' });
  res.end();
});`,
    },
    {
      // The resolved address must be in the public unicast range.
      name: 'express: ipaddr.js range check after a DNS lookup',
      code: `import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
app.post('/probe', async (req, res) => {
  const target = new URL(req.body.url);
  const { address } = await lookup(target.hostname);
  if (ipaddr.parse(address).range() !== 'unicast') return res.status(400).json({ error: 'internal address' });
  res.json({ status: (await fetch(target)).status });
});`,
    },
    {
      // ip.isPublic is true for public addresses only.
      name: 'express: ip.isPublic after a DNS lookup',
      code: `import dns from 'node:dns/promises';
import ip from 'ip';
app.post('/probe', async (req, res) => {
  const url = new URL(req.body.url);
  const { address } = await dns.lookup(url.hostname);
  if (!ip.isPublic(address)) throw new Error('internal address');
  res.json({ status: (await fetch(url)).status });
});`,
    },
    {
      // The request path always starts with a slash: a gateway cannot be steered to another host.
      name: 'express: gateway forwarding the original URL to a fixed upstream',
      code: `const UPSTREAM = process.env.UPSTREAM_ORIGIN;
app.use('/api', async (req, res) => {
  const upstream = await fetch(UPSTREAM + req.originalUrl, { method: req.method });
  res.status(upstream.status).send(await upstream.text());
});`,
    },
    {
      // node:assert throws unless the host is allowed.
      name: 'express: assert of an allowlist check',
      code: `import assert from 'node:assert';
const ALLOWED = new Set(['reports.example.com']);
app.get('/report', async (req, res) => {
  const url = new URL(String(req.query.url));
  assert(ALLOWED.has(url.hostname), 'report host not allowed');
  res.send(await (await fetch(url)).text());
});`,
    },
    {
      // Every case is a constant host; the default answers 400.
      name: 'express: switch over allowed hosts with a default that returns',
      code: `app.get('/mirror', async (req, res) => {
  const host = String(req.query.host);
  switch (host) {
    case 'mirror-eu.example.com':
    case 'mirror-us.example.com':
      break;
    default:
      return res.sendStatus(400);
  }
  res.send(await (await fetch(\`https://\${host}/latest.json\`)).text());
});`,
    },
    {
      // Only the path of the client's URL is forwarded to a configured origin.
      name: 'express: pathname of a parsed client URL after a configured base',
      code: `app.post('/mirror', async (req, res) => {
  const requested = new URL(String(req.body.url));
  res.send(await (await fetch(process.env.MIRROR_BASE + requested.pathname + requested.search)).text());
});`,
    },
    {
      // The client picks a key of a constant object of origins.
      name: 'express: origin looked up in a constant object',
      code: `const BASES = { eu: 'https://eu.example.com', us: 'https://us.example.com' };
app.get('/status', async (req, res) => {
  const base = BASES[String(req.query.region)];
  res.send(await (await fetch(base + '/status')).text());
});`,
    },
    // --- Fastify ----------------------------------------------------------------------------------
    {
      // includes() on the raw value against configured servers, with an early reply.
      name: 'fastify: tile server checked against a configured list',
      code: `import got from 'got';
import { config } from '../config.js';
export default async function routes(fastify) {
  fastify.get('/tiles/:z', async (request, reply) => {
    const tileHost = request.query.server ?? config.tileServers[0];
    if (!config.tileServers.includes(tileHost)) {
      return reply.code(400).send({ error: 'Unknown tile server' });
    }
    return got(\`https://\${tileHost}/\${Number(request.params.z)}.png\`).buffer();
  });
}`,
    },
    {
      // got instances with a prefixUrl only take a path.
      name: 'fastify: got instance with a fixed prefixUrl',
      code: `import got from 'got';
const api = got.extend({ prefixUrl: 'https://api.example.com/v2' });
export default async function routes(fastify) {
  fastify.get('/proxy', async (request) => api.get(String(request.query.path)).json());
}`,
    },
    {
      // An undici pool has a fixed origin; only the path varies.
      name: 'fastify: undici pool with a fixed origin',
      code: `import { Pool } from 'undici';
const pool = new Pool('https://inventory.internal.example.com');
export default async function routes(fastify) {
  fastify.get('/stock/:sku', async (request) => {
    const { body } = await pool.request({ path: '/stock/' + encodeURIComponent(request.params.sku), method: 'GET' });
    return body.json();
  });
}`,
    },
    {
      // The request body only fills the payload, not the URL.
      name: 'fastify: request body posted to a fixed endpoint',
      code: `import { request as undiciRequest } from 'undici';
export default async function routes(fastify) {
  fastify.post('/notify', async (request) => {
    await undiciRequest('https://hooks.example.com/notify', { method: 'POST', body: JSON.stringify(request.body) });
    return { ok: true };
  });
}`,
    },
    // --- NestJS -----------------------------------------------------------------------------------
    {
      // A query parameter is passed as params of a fixed URL.
      name: 'nest: HttpService with fixed URL and params',
      code: `import { HttpService } from '@nestjs/axios';
import { Controller, Get, Query } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
@Controller('geo')
export class GeoController {
  constructor(private readonly http: HttpService) {}
  @Get()
  async lookup(@Query('address') address: string) {
    const { data } = await firstValueFrom(this.http.get('https://geocode.example.com/search', { params: { q: address } }));
    return data;
  }
}`,
    },
    {
      // The partner origin comes from a constant map; unknown partners throw.
      name: 'nest: partner map lookup with NotFoundException',
      code: `import { HttpService } from '@nestjs/axios';
import { Body, Controller, NotFoundException, Post } from '@nestjs/common';
const PARTNERS = new Map([['lakeside', 'https://api.lakeside.example.com/fhir']]);
@Controller('sync')
export class SyncController {
  constructor(private readonly http: HttpService) {}
  @Post()
  async sync(@Body() dto: { partnerId: string; since: string }) {
    const origin = PARTNERS.get(dto.partnerId);
    if (!origin) throw new NotFoundException('Unknown partner');
    return this.http.get(\`\${origin}/Patient\`, { params: { since: dto.since } });
  }
}`,
    },
    {
      // An axios instance with a fixed baseURL and an encoded relative path.
      name: 'nest: axios instance with a fixed baseURL and a relative path',
      code: `import axios from 'axios';
import { Controller, Get, Param } from '@nestjs/common';
@Controller('users')
export class UsersController {
  private readonly client = axios.create({ baseURL: 'https://directory.example.com' });
  @Get(':id')
  async get(@Param('id') id: string) {
    return (await this.client.get(\`/users/\${encodeURIComponent(id)}\`)).data;
  }
}`,
    },
    {
      // got joins prefixUrl and the URL argument, also when the instance is a class field.
      name: 'nest: got instance with a fixed prefixUrl in a class field',
      code: `import got from 'got';
import { Controller, Get, Query } from '@nestjs/common';
@Controller('partner')
export class PartnerController {
  private readonly client = got.extend({ prefixUrl: 'https://api.partner.example.com/v1' });
  @Get('raw')
  async raw(@Query('path') path: string) {
    return this.client.get(path).json();
  }
}`,
    },
    {
      name: 'nest: got instance with a fixed prefixUrl created in the constructor',
      code: `import got, { Got } from 'got';
import { Controller, Get, Query } from '@nestjs/common';
@Controller('partner')
export class PartnerController {
  private readonly client: Got;
  constructor() {
    this.client = got.extend({ prefixUrl: 'https://api.partner.example.com/v1' });
  }
  @Get('raw')
  async raw(@Query('path') path: string) {
    return this.client.get(path).json();
  }
}`,
    },
    {
      // req.ip is set by the server, not chosen by the client.
      name: 'nest: req.ip is not client input',
      code: `import { Controller, Get, Req } from '@nestjs/common';
@Controller('whoami')
export class WhoAmIController {
  @Get()
  async whoami(@Req() req: any) {
    return (await fetch('https://ipinfo.example.com/' + req.ip)).json();
  }
}`,
    },
    {
      // A got client whose hooks refuse private addresses before every request and redirect.
      name: 'got.extend with beforeRequest and beforeRedirect hooks that refuse private addresses',
      code: `import got from 'got';
import { promises as dns } from 'dns';
function isPrivateIp(addr) { return /^(10|127)\\./.test(addr) || /^192\\.168\\./.test(addr); }
async function rejectPrivate(options) {
  const { address } = await dns.lookup(options.url.hostname);
  if (isPrivateIp(address)) throw new Error('private address');
}
const external = got.extend({ hooks: { beforeRequest: [rejectPrivate], beforeRedirect: [rejectPrivate] } });
app.get('/preview', async (req, res) => {
  res.send((await external(req.query.url)).body);
});`,
    },
    {
      // Ghost's oEmbed guard: the hook fails with a rejected promise instead of a throw.
      name: 'got.extend with hooks that return Promise.reject for private addresses',
      code: `import got from 'got';
import { promises as dns } from 'dns';
function isPrivateIp(addr) { return /^(10|127)\\./.test(addr); }
async function errorIfHostnameResolvesToPrivateIp(options) {
  const result = await dns.lookup(options.hostname);
  if (isPrivateIp(result.address)) return Promise.reject(new Error('URL resolves to a non-permitted private IP block'));
}
const externalRequest = got.extend({ hooks: { beforeRequest: [errorIfHostnameResolvesToPrivateIp], beforeRedirect: [errorIfHostnameResolvesToPrivateIp] } });
app.get('/oembed', async (req, res) => {
  res.send((await externalRequest(req.query.url)).body);
});`,
    },
    {
      // An undici Agent whose DNS lookup fails the connection for private addresses, passed as
      // fetch's dispatcher (postiz; round-3 triage); also https.Agent's own lookup option.
      name: 'fetch with an undici dispatcher, and https.get with an agent, whose lookup refuses private addresses',
      code: `import dns from 'node:dns';
import https from 'node:https';
import { Agent } from 'undici';
function isPrivateIp(ip) { return /^(10|127)\\./.test(ip) || /^192\\.168\\./.test(ip); }
function safeLookup(hostname, options, callback) {
  dns.lookup(hostname, options, (err, address, family) => {
    if (err) return callback(err, '', 0);
    if (isPrivateIp(address)) return callback(new Error('Blocked IP'), '', 0);
    callback(null, address, family);
  });
}
const safeDispatcher = new Agent({ connect: { lookup: safeLookup } });
const safeAgent = new https.Agent({ lookup: safeLookup });
app.post('/media/from-url', async (req, res) => {
  const response = await fetch(req.body.url, { dispatcher: safeDispatcher });
  res.json({ size: (await response.arrayBuffer()).byteLength });
});
app.get('/media/proxy', (req, res) => {
  https.get(String(req.query.url), { agent: safeAgent }, (upstream) => upstream.pipe(res));
});`,
    },
  ],
  invalid: [
    {
      // The twin: the hook only logs, so nothing refuses an internal address.
      name: 'got.extend with a beforeRequest hook that only logs',
      code: `import got from 'got';
const external = got.extend({ hooks: { beforeRequest: [(options) => console.log(options.url.href)] } });
app.get('/preview', async (req, res) => {
  res.send((await external(req.query.url)).body);
});`,
      errors: [{ messageId: 'ssrf', line: 4, data: { source: 'req.query.url', role: 'URL', sink: 'external', control: WHOLE, via: '' } }],
    },
    {
      // The twin: the agent's lookup only logs what it resolves.
      name: 'fetch with an undici dispatcher whose lookup refuses nothing',
      code: `import dns from 'node:dns';
import { Agent } from 'undici';
function loggingLookup(hostname, options, callback) {
  dns.lookup(hostname, options, (err, address, family) => {
    console.log(hostname, address);
    callback(err, address, family);
  });
}
const dispatcher = new Agent({ connect: { lookup: loggingLookup } });
app.post('/media/from-url', async (req, res) => {
  const response = await fetch(req.body.url, { dispatcher });
  res.json({ size: (await response.arrayBuffer()).byteLength });
});`,
      errors: [{ messageId: 'ssrf', line: 11, data: { source: 'req.body.url', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      // axios ignores baseURL when the URL is absolute: the client controls the whole URL. The
      // instance is created in the constructor and stored in a field typed AxiosInstance.
      name: 'nest: axios instance created in the constructor, whole URL from the query',
      code: `import axios, { AxiosInstance } from 'axios';
import { Controller, Get, Query } from '@nestjs/common';
@Controller('hub')
export class HubController {
  private readonly client: AxiosInstance;
  constructor() {
    this.client = axios.create({ baseURL: 'https://api.hub.example.com/v2', timeout: 5000 });
  }
  @Get('raw')
  async raw(@Query('path') path: string) {
    return (await this.client.get(path)).data;
  }
}`,
      errors: [{ messageId: 'ssrf', line: 11, data: { source: "@Query('path')", role: 'URL', sink: 'this.client.get', control: WHOLE, via: '' } }],
    },
    // --- Express: direct and propagated -----------------------------------------------------------
    {
      name: 'express: query parameter straight into fetch',
      code: `app.get('/proxy', async (req, res) => {
  const r = await fetch(req.query.url);
  res.send(await r.text());
});`,
      // The report covers the URL argument (`req.query.url`), not the whole call.
      errors: [{ messageId: 'ssrf', line: 2, column: 25, endLine: 2, endColumn: 38, data: { source: 'req.query.url', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: destructured body field into axios.get',
      code: `import axios from 'axios';
router.post('/preview', async (req, res) => {
  const { url } = req.body;
  const { data } = await axios.get(url);
  res.send(data);
});`,
      errors: [{ messageId: 'ssrf', line: 4, data: { source: 'req.body.url', role: 'URL', sink: 'axios.get', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: tainted subdomain in a template',
      code: `app.get('/t/:tenant', async (req, res) => {
  const r = await fetch(\`https://\${req.params.tenant}.example.com/api/status\`);
  res.json(await r.json());
});`,
      errors: [{ messageId: 'ssrf', line: 2, data: { source: 'req.params.tenant', role: 'URL', sink: 'fetch', control: HOST, via: '' } }],
    },
    {
      name: 'express: base concatenated without a separator',
      code: `import { config } from './config.js';
app.get('/api', async (req, res) => {
  const r = await fetch(config.upstream + req.query.path);
  res.json(await r.json());
});`,
      errors: [{ messageId: 'ssrf', line: 3, data: { source: 'req.query.path', role: 'URL', sink: 'fetch', control: HOST, via: '' } }],
    },
    {
      name: 'express: new URL with a tainted input and a base (absolute inputs win)',
      code: `app.get('/next', async (req, res) => {
  const target = new URL(String(req.query.next), 'https://app.example.com');
  res.send(await (await fetch(target)).text());
});`,
      errors: [{ messageId: 'ssrf', line: 3, data: { source: 'req.query.next', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: a check that only logs does not protect the request',
      code: `import { isPartnerHost } from '../lib/partners.js';
importsRouter.post('/preview', async (req, res) => {
  const target = new URL(String(req.body?.url));
  if (!isPartnerHost(target)) {
    logger.warn({ host: target.hostname }, 'preview requested for a non-partner site');
  }
  const response = await fetch(target);
  res.json(await response.json());
});`,
      errors: [{ messageId: 'ssrf', line: 7, data: { source: 'req.body.url', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: allowlist check whose failure branch forgets to return',
      code: `const ALLOWED = new Set(['a.example.com']);
app.get('/p', async (req, res) => {
  const u = String(req.query.u);
  if (!ALLOWED.has(new URL(u).hostname)) {
    res.status(400).json({ error: 'host not allowed' });
  }
  res.send(await (await fetch(u)).text());
});`,
      errors: [{ messageId: 'ssrf', line: 7, data: { source: 'req.query.u', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: zod url() is format validation, not an allowlist',
      code: `import { z } from 'zod';
const schema = z.object({ url: z.string().url() });
app.post('/fetch', async (req, res) => {
  const { url } = schema.parse(req.body);
  res.send(await (await fetch(url)).text());
});`,
      errors: [{ messageId: 'ssrf', line: 5, data: { source: 'req.body.url', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: validator.isURL is format validation, not an allowlist',
      code: `import validator from 'validator';
import axios from 'axios';
app.post('/hook', async (req, res) => {
  const hook = req.body.hook;
  if (!validator.isURL(hook)) return res.sendStatus(400);
  await axios.post(hook, { hello: 'world' });
  res.end();
});`,
      errors: [{ messageId: 'ssrf', line: 6, data: { source: 'req.body.hook', role: 'URL', sink: 'axios.post', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: a protocol check does not pin the host',
      code: `app.get('/p', async (req, res) => {
  const u = new URL(String(req.query.u));
  if (u.protocol !== 'https:') return res.sendStatus(400);
  res.send(await (await fetch(u)).text());
});`,
      errors: [{ messageId: 'ssrf', line: 4, data: { source: 'req.query.u', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: startsWith of an origin without a trailing slash is bypassable',
      code: `app.get('/p', async (req, res) => {
  const u = String(req.query.u);
  if (!u.startsWith('https://api.example.com')) return res.sendStatus(400);
  res.send(await (await fetch(u)).text());
});`,
      errors: [{ messageId: 'ssrf', line: 4, data: { source: 'req.query.u', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: endsWith without a leading dot matches evilexample.com',
      code: `app.get('/p', async (req, res) => {
  const u = String(req.query.u);
  if (!new URL(u).hostname.endsWith('example.com')) return res.sendStatus(400);
  res.send(await (await fetch(u)).text());
});`,
      errors: [{ messageId: 'ssrf', line: 4, data: { source: 'req.query.u', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      // A constant suffix without the leading dot still matches evilmakers.example.
      name: 'express: constant suffix without a leading dot',
      code: `const SUFFIX = 'makers.example';
app.get('/p', async (req, res) => {
  const u = String(req.query.u);
  if (!new URL(u).hostname.endsWith(SUFFIX)) return res.sendStatus(400);
  res.send(await (await fetch(u)).text());
});`,
      errors: [{ messageId: 'ssrf', line: 5, data: { source: 'req.query.u', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      // The same predicate only logged: nothing stops the request.
      name: 'express: a local isPrivateAddress check that only logs',
      code: `import dns from 'node:dns/promises';
function isPrivateAddress(address: string): boolean {
  return address.startsWith('10.');
}
app.post('/probe', async (req, res) => {
  const target = new URL(req.body.url);
  const { address } = await dns.lookup(target.hostname);
  if (isPrivateAddress(address)) console.warn('private address', address);
  res.json({ status: (await fetch(target)).status });
});`,
      errors: [{ messageId: 'ssrf', line: 9, data: { source: 'req.body.url', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      // matchedData() returns the validated fields, still the client's: isURL() checks only the format.
      name: 'express: express-validator matchedData after isURL()',
      code: `import axios from 'axios';
import { body, matchedData } from 'express-validator';
app.post('/integrations/test', body('webhookUrl').isURL(), async (req, res) => {
  const { webhookUrl } = matchedData(req);
  await axios.post(webhookUrl, { event: 'ping' });
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'ssrf', line: 5 }],
    },
    {
      // An injected got instance typed through a local alias of Got.
      name: 'express: a got instance typed as an alias of Got',
      code: `import express from 'express';
import type { Got } from 'got';
type HttpClient = Got;
export function createPreviewRouter(http: HttpClient) {
  const router = express.Router();
  router.get('/preview', async (req, res) => {
    res.send(await http.get(String(req.query.url), { followRedirect: true }).text());
  });
  return router;
}`,
      errors: [{ messageId: 'ssrf', line: 7 }],
    },
    {
      // An injected axios instance typed through a local alias of AxiosInstance.
      name: 'express: an axios instance typed as an alias of AxiosInstance',
      code: `import express from 'express';
import type { AxiosInstance } from 'axios';
type Http = AxiosInstance;
export function createFetchRouter(http: Http) {
  const router = express.Router();
  router.post('/fetch', async (req, res) => {
    const { data } = await http.get(req.body.target);
    res.json(data);
  });
  return router;
}`,
      errors: [{ messageId: 'ssrf', line: 7 }],
    },
    {
      // An axios instance injected into a class, typed AxiosInstance, whose method the route calls.
      name: 'express: an injected AxiosInstance field',
      code: `import express from 'express';
import type { AxiosInstance } from 'axios';
class LinkPreviews {
  constructor(private readonly http: AxiosInstance) {}
  async preview(url: string) {
    return (await this.http.get(url)).data;
  }
}
export function createRouter(previews: LinkPreviews) {
  return express.Router().get('/preview', async (req, res) => {
    res.json(await previews.preview(String(req.query.url)));
  });
}`,
      errors: [{ messageId: 'ssrf', line: 6 }],
    },
    {
      name: 'express: a substring test of the URL is bypassable',
      code: `app.get('/p', async (req, res) => {
  const u = String(req.query.u);
  if (!u.includes('example.com')) return res.sendStatus(400);
  res.send(await (await fetch(u)).text());
});`,
      errors: [{ messageId: 'ssrf', line: 4, data: { source: 'req.query.u', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: an allowlist result computed but never tested',
      code: `const ALLOWED = new Set(['api.example.com']);
app.get('/p', async (req, res) => {
  const url = new URL(String(req.query.u));
  const allowed = ALLOWED.has(url.hostname);
  logger.info({ allowed }, 'fetching');
  res.json(await (await fetch(url)).json());
});`,
      errors: [{ messageId: 'ssrf', line: 6, data: { source: 'req.query.u', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: an allowlist callback that only tests substrings',
      code: `const ALLOWED = ['example.com'];
app.get('/p', async (req, res) => {
  const u = String(req.query.u);
  if (!ALLOWED.some((d) => u.includes(d))) return res.sendStatus(403);
  res.send(await (await fetch(u)).text());
});`,
      errors: [{ messageId: 'ssrf', line: 5, data: { source: 'req.query.u', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: a zod refinement of the protocol only',
      code: `import { z } from 'zod';
const body = z.object({ url: z.string().url().refine((u) => new URL(u).protocol === 'https:') });
app.post('/feeds', async (req, res) => {
  const { url } = body.parse(req.body);
  res.send(await (await fetch(url)).text());
});`,
      errors: [{ messageId: 'ssrf', line: 5, data: { source: 'req.body.url', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: a switch without a default lets any host through',
      code: `app.get('/mirror', async (req, res) => {
  const host = String(req.query.host);
  switch (host) {
    case 'mirror-eu.example.com':
      res.setHeader('x-region', 'eu');
      break;
  }
  res.send(await (await fetch(\`https://\${host}/latest.json\`)).text());
});`,
      errors: [{ messageId: 'ssrf', line: 8, data: { source: 'req.query.host', role: 'URL', sink: 'fetch', control: HOST, via: '' } }],
    },
    {
      name: 'express: handler wrapped in asyncHandler',
      code: `import axios from 'axios';
router.post('/import', asyncHandler(async (request, response) => {
  const { data } = await axios.get(request.body.sourceUrl);
  response.json(data);
}));`,
      errors: [{ messageId: 'ssrf', line: 3, data: { source: 'request.body.sourceUrl', role: 'URL', sink: 'axios.get', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: headless browser navigates to a client URL',
      code: `import puppeteer from 'puppeteer';
app.get('/screenshot', async (req, res) => {
  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  await page.goto(String(req.query.url), { waitUntil: 'networkidle0' });
  res.type('png').send(await page.screenshot());
});`,
      errors: [{ messageId: 'ssrf', line: 5, data: { source: 'req.query.url', role: 'URL', sink: 'page.goto', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: raw TCP connection to a client host',
      code: `import net from 'node:net';
app.post('/port-check', (req, res) => {
  const socket = net.connect(Number(req.body.port), req.body.host);
  socket.on('connect', () => res.json({ open: true }));
});`,
      errors: [{ messageId: 'ssrf', line: 3, data: { source: 'req.body.host', role: 'host', sink: 'net.connect', control: HOST, via: '' } }],
    },
    {
      name: 'express: an imported helper whose name says nothing about checking',
      code: `import { logOutbound } from '../lib/log.js';
router.post('/webhooks', async (req, res) => {
  logOutbound(req.body.url);
  await fetch(req.body.url, { method: 'POST' });
  res.sendStatus(201);
});`,
      errors: [{ messageId: 'ssrf', line: 4, data: { source: 'req.body.url', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: a local helper that only parses is not a guard',
      code: `function isValidUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
app.post('/p', async (req, res) => {
  const u = req.body.u;
  if (!isValidUrl(u)) return res.sendStatus(400);
  res.send(await (await fetch(u)).text());
});`,
      errors: [{ messageId: 'ssrf', line: 12, data: { source: 'req.body.u', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: flow through a local helper is reported at the helper call',
      code: `async function fetchPreview(url: string) {
  const response = await fetch(url);
  return response.text();
}
app.post('/preview', async (req, res) => {
  res.send(await fetchPreview(req.body.url));
});`,
      errors: [{ messageId: 'ssrf', line: 2, data: { source: 'req.body.url', role: 'URL', sink: 'fetch', control: WHOLE, via: ' via `fetchPreview(req.body.url)` (POST /preview)' } }],
    },
    {
      name: 'express: host option of https.get',
      code: `import https from 'node:https';
app.get('/mirror', (req, res) => {
  https.get({ hostname: String(req.query.host), path: '/firmware.bin' }, (up) => up.pipe(res));
});`,
      errors: [{ messageId: 'ssrf', line: 3, data: { source: 'req.query.host', role: 'host', sink: 'https.get', control: HOST, via: '' } }],
    },
    {
      name: 'express: axios config object built before the call',
      code: `import axios from 'axios';
app.post('/relay', async (req, res) => {
  const opts = { url: req.body.target, method: 'post', data: req.body.payload };
  const { data } = await axios(opts);
  res.json(data);
});`,
      errors: [{ messageId: 'ssrf', line: 4, data: { source: 'req.body.target', role: 'URL', sink: 'axios', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: axios.create with a client-chosen baseURL',
      code: `import axios from 'axios';
app.post('/connect', async (req, res) => {
  const client = axios.create({ baseURL: req.body.server, timeout: 2000 });
  res.json((await client.get('/health')).data);
});`,
      errors: [{ messageId: 'ssrf', line: 3, data: { source: 'req.body.server', role: 'base URL', sink: 'axios.create', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: header value into superagent',
      code: `import superagent from 'superagent';
app.post('/callback', async (req, res) => {
  await superagent.post(req.get('x-callback-url')).send({ ok: true });
  res.end();
});`,
      errors: [{ messageId: 'ssrf', line: 3, data: { source: "req.get('x-callback-url')", role: 'URL', sink: 'superagent.post', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: array of URLs mapped to fetch calls',
      code: `app.post('/batch', async (req, res) => {
  const urls: string[] = req.body.urls;
  const pages = await Promise.all(urls.map((u) => fetch(u)));
  res.json(pages.map((p) => p.status));
});`,
      errors: [{ messageId: 'ssrf', line: 3, data: { source: 'req.body.urls', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: for...of over client URLs',
      code: `import got from 'got';
app.post('/check', async (req, res) => {
  const results = [];
  for (const target of req.body.targets) {
    results.push((await got.head(target)).statusCode);
  }
  res.json(results);
});`,
      errors: [{ messageId: 'ssrf', line: 5, data: { source: 'req.body.targets', role: 'URL', sink: 'got.head', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: request module with a uri option',
      code: `const request = require('request');
app.get('/legacy', (req, res) => {
  request({ uri: req.query.u, timeout: 1000 }).pipe(res);
});`,
      errors: [{ messageId: 'ssrf', line: 3, data: { source: 'req.query.u', role: 'URL', sink: 'request', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: WebSocket client to a client-chosen feed',
      code: `import WebSocket from 'ws';
app.post('/subscribe', (req, res) => {
  const socket = new WebSocket(req.body.feed);
  socket.on('message', (m) => res.write(m));
});`,
      errors: [{ messageId: 'ssrf', line: 3, data: { source: 'req.body.feed', role: 'URL', sink: 'new WebSocket', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: hostname written into a URL object',
      code: `app.get('/h', async (req, res) => {
  const target = new URL('https://api.example.com/status');
  target.hostname = String(req.query.host);
  res.json(await (await fetch(target)).json());
});`,
      errors: [{ messageId: 'ssrf', line: 4, data: { source: 'req.query.host', role: 'URL', sink: 'fetch', control: HOST, via: '' } }],
    },
    {
      name: 'express: a closure captures the tainted value',
      code: `router.post('/x', async (req, res) => {
  const target = req.body.url;
  const load = async () => (await fetch(target)).text();
  res.send(await load());
});`,
      errors: [{ messageId: 'ssrf', line: 3, data: { source: 'req.body.url', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: typed handler function declared apart and registered by name',
      code: `import type { Request, Response } from 'express';
export async function proxyImage(req: Request, res: Response) {
  const upstream = await fetch(req.query.src as string);
  res.type('png').send(Buffer.from(await upstream.arrayBuffer()));
}`,
      errors: [{ messageId: 'ssrf', line: 3, data: { source: 'req.query.src', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'express: path-only input is reported with reportPathInjection',
      options: [{ reportPathInjection: true }],
      code: `app.get('/items/:id', async (req, res) => {
  const r = await fetch('https://api.example.com/items/' + req.params.id);
  res.json(await r.json());
});`,
      errors: [{ messageId: 'ssrfPath', line: 2, data: { source: 'req.params.id', role: 'URL', sink: 'fetch', control: 'the path', via: '' } }],
    },
    // --- Fastify ----------------------------------------------------------------------------------
    {
      name: 'fastify: query value followed by a path in got',
      code: `import got from 'got';
export default async function routes(fastify) {
  fastify.get('/overlay', async (request) => {
    const { source } = request.query;
    return got(\`\${source}/overlay.geojson\`).json();
  });
}`,
      errors: [{ messageId: 'ssrf', line: 5, data: { source: 'request.query.source', role: 'URL', sink: 'got', control: WHOLE, via: '' } }],
    },
    {
      name: 'fastify: body field into undici request',
      code: `import { request } from 'undici';
export default async function routes(fastify) {
  fastify.post('/endpoints/test', async (request_, reply) => {
    const { statusCode } = await request(request_.body.callbackUrl, { method: 'POST' });
    return reply.send({ statusCode });
  });
}`,
      errors: [{ messageId: 'ssrf', line: 4, data: { source: 'request_.body.callbackUrl', role: 'URL', sink: 'request', control: WHOLE, via: '' } }],
    },
    {
      name: 'fastify: route options object with a handler',
      code: `fastify.route({
  method: 'POST',
  url: '/fetch',
  handler: async (request) => {
    const r = await fetch(request.body.url);
    return r.text();
  },
});`,
      errors: [{ messageId: 'ssrf', line: 5, data: { source: 'request.body.url', role: 'URL', sink: 'fetch', control: WHOLE, via: '' } }],
    },
    {
      name: 'fastify: typed FastifyRequest in a function declared apart',
      code: `import type { FastifyReply, FastifyRequest } from 'fastify';
import ky from 'ky';
export async function importFeed(request: FastifyRequest<{ Body: { feed: string } }>, reply: FastifyReply) {
  const feed = await ky.get(request.body.feed).json();
  return reply.send(feed);
}`,
      errors: [{ messageId: 'ssrf', line: 4, data: { source: 'request.body.feed', role: 'URL', sink: 'ky.get', control: WHOLE, via: '' } }],
    },
    // --- NestJS -----------------------------------------------------------------------------------
    {
      name: 'nest: body DTO field into HttpService.get',
      code: `import { HttpService } from '@nestjs/axios';
import { Body, Controller, Post } from '@nestjs/common';
import { IsUrl } from 'class-validator';
class ImportDto {
  @IsUrl()
  sourceUrl!: string;
}
@Controller('records')
export class RecordsController {
  constructor(private readonly http: HttpService) {}
  @Post('import')
  importDocument(@Body() dto: ImportDto) {
    return this.http.get(dto.sourceUrl, { responseType: 'arraybuffer' });
  }
}`,
      errors: [{ messageId: 'ssrf', line: 13, data: { source: 'dto.sourceUrl', role: 'URL', sink: 'this.http.get', control: WHOLE, via: '' } }],
    },
    {
      name: 'nest: keyed query parameter through firstValueFrom',
      code: `import { HttpService } from '@nestjs/axios';
import { Controller, Get, Query } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
@Controller('preview')
export class PreviewController {
  constructor(private readonly httpService: HttpService) {}
  @Get()
  async preview(@Query('url') url: string) {
    const { data } = await firstValueFrom(this.httpService.get(url));
    return data;
  }
}`,
      errors: [{ messageId: 'ssrf', line: 9, data: { source: "@Query('url')", role: 'URL', sink: 'this.httpService.get', control: WHOLE, via: '' } }],
    },
    {
      name: 'nest: private method of the controller reached through this',
      code: `import { HttpService } from '@nestjs/axios';
import { Body, Controller, Post } from '@nestjs/common';
@Controller('feeds')
export class FeedsController {
  constructor(private readonly http: HttpService) {}
  @Post()
  subscribe(@Body() body: { feed: string }) {
    return this.load(body.feed);
  }
  private load(feed: string) {
    return this.http.axiosRef.get(feed);
  }
}`,
      errors: [{ messageId: 'ssrf', line: 11, data: { source: 'body.feed', role: 'URL', sink: 'this.http.axiosRef.get', control: WHOLE, via: ' via `this.load(body.feed)` (POST /feeds)' } }],
    },
    {
      name: 'nest: @Req() request object read like Express',
      code: `import axios from 'axios';
import { Controller, Get, Req } from '@nestjs/common';
import type { Request } from 'express';
@Controller('relay')
export class RelayController {
  @Get()
  async relay(@Req() req: Request) {
    return (await axios.get(String(req.query.target))).data;
  }
}`,
      errors: [{ messageId: 'ssrf', line: 8, data: { source: 'req.query.target', role: 'URL', sink: 'axios.get', control: WHOLE, via: '' } }],
    },
  ],
});
