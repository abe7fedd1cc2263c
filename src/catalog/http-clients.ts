/**
 * Outbound HTTP clients (SSRF sinks), as data: which calls send a request, and which argument or
 * option holds the URL, the base URL, the host or only the path.
 *
 * A row matches a call by the callee's module path (`src/flow/module-paths.ts`): the module the
 * callee comes from and the members below it, `()` marking calls, so `axios.get` is
 * `{ module: 'axios', path: 'get' }`, a method of an instance made by `axios.create()` is
 * `create().get`, and `this.http.get` with `http: HttpService` injected is `HttpService().get` of
 * `@nestjs/axios`.
 *
 * Every row has a `name` and a matching and a non-matching sample, tested row by row in
 * `tests/catalog/http-clients.test.ts`. The `ssrfSinks` setting adds rows.
 */

/** How an argument carries the URL. */
export type UrlArgumentShape =
  /** A string or `URL`. */
  | 'url'
  /** A string or `URL`, or an options object with URL/host keys (`https.get(options)`, `axios(config)`). */
  | 'url-or-options'
  /** An options object only (`axios.request(config)`). */
  | 'options'
  /** A host name alone (`net.connect(port, host)`). */
  | 'host';

export interface UrlArgument {
  readonly arg: number;
  readonly shape: UrlArgumentShape;
}

/** Option keys by what they set. */
export interface UrlOptionKeys {
  /** The whole URL (`url`, `uri`). */
  readonly url?: readonly string[];
  /** A base URL or origin the request is made against (`baseURL`, `prefixUrl`, `origin`). */
  readonly base?: readonly string[];
  /** The host (`host`, `hostname`). */
  readonly host?: readonly string[];
  /** Only the path or query of a fixed origin (`path`, `params`, `searchParams`). */
  readonly path?: readonly string[];
}

export interface HttpClientRow {
  readonly name: string;
  /** The package (`axios`, `https`); `undefined` for globals (`fetch`, `WebSocket`). */
  readonly module: string | undefined;
  /** Module paths of the callee (`''` is the module's default export called directly). */
  readonly paths: readonly string[];
  /** The call is an instantiation (`new WebSocket(url)`). */
  readonly construct?: boolean;
  readonly urlArguments: readonly UrlArgument[];
  readonly options?: UrlOptionKeys;
  /**
   * Instances this row's factory creates prepend an option to every URL (`got.extend({ prefixUrl })`,
   * `ky.create({ prefixUrl })`): their URL argument only reaches the path when the option is set.
   * Axios' `baseURL` is not such an option: an absolute URL overrides it.
   */
  readonly joinsPrefixOption?: string;
  readonly samples: { readonly match: string; readonly nonMatch: string };
}

const AXIOS_OPTIONS: UrlOptionKeys = { url: ['url'], base: ['baseURL'], path: ['params'] };
const GOT_OPTIONS: UrlOptionKeys = { url: ['url'], base: ['prefixUrl'], host: ['hostname', 'host'], path: ['searchParams', 'path', 'pathname'] };
const NODE_HTTP_OPTIONS: UrlOptionKeys = { host: ['host', 'hostname'], path: ['path'] };
const KY_OPTIONS: UrlOptionKeys = { base: ['prefixUrl'], path: ['searchParams'] };
const REQUEST_OPTIONS: UrlOptionKeys = { url: ['url', 'uri'], base: ['baseUrl'], path: ['qs'] };
const UNDICI_OPTIONS: UrlOptionKeys = { base: ['origin'], path: ['path', 'query'] };

const AXIOS_GETLIKE = ['get', 'delete', 'head', 'options', 'getUri'];
const AXIOS_POSTLIKE = ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'];
const HTTP_SERVICE_GETLIKE = ['get', 'delete', 'head', 'options'];
const HTTP_SERVICE_POSTLIKE = ['post', 'put', 'patch'];

function prefixed(prefix: string, paths: readonly string[]): string[] {
  return paths.map((p) => (p === '' ? prefix : `${prefix}.${p}`));
}

export const HTTP_CLIENTS = [
  {
    name: 'fetch',
    module: undefined,
    paths: ['fetch'],
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: { match: `await fetch(req.query.url);`, nonMatch: `await fetch('https://api.example.com/items?id=' + encodeURIComponent(req.query.id));` },
  },
  {
    name: 'node-fetch',
    module: 'node-fetch',
    paths: [''],
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: { match: `import fetch from 'node-fetch';\nawait fetch(req.body.url);`, nonMatch: `import fetch from 'node-fetch';\nawait fetch(config.statusUrl);` },
  },
  {
    name: 'cross-fetch',
    module: 'cross-fetch',
    paths: ['', 'fetch'],
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: { match: `import fetch from 'cross-fetch';\nawait fetch(req.query.u);`, nonMatch: `import fetch from 'cross-fetch';\nawait fetch('https://api.example.com/' + encodeURIComponent(req.query.u));` },
  },
  {
    name: 'undici-fetch',
    module: 'undici',
    paths: ['fetch', 'request', 'stream', 'pipeline'],
    urlArguments: [{ arg: 0, shape: 'url-or-options' }],
    options: UNDICI_OPTIONS,
    samples: { match: `import { request } from 'undici';\nawait request(req.body.callback);`, nonMatch: `import { request } from 'undici';\nawait request('https://hooks.example.com/x', { body: req.body.callback });` },
  },
  {
    name: 'undici-pool',
    module: 'undici',
    paths: ['Pool', 'Client'],
    construct: true,
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: { match: `import { Pool } from 'undici';\nconst pool = new Pool(req.query.origin);`, nonMatch: `import { Pool } from 'undici';\nconst pool = new Pool('https://api.example.com');` },
  },
  {
    name: 'undici-pool-request',
    module: 'undici',
    paths: ['Pool().request', 'Client().request', 'Pool().stream', 'Client().stream'],
    urlArguments: [{ arg: 0, shape: 'options' }],
    options: { path: ['path', 'query'] },
    samples: { match: `import { Pool } from 'undici';\nconst pool = new Pool('https://api.example.com');\nawait pool.request({ path: req.query.p, method: 'GET' });`, nonMatch: `import { Pool } from 'undici';\nconst pool = new Pool('https://api.example.com');\nawait pool.request({ path: '/health', method: 'GET' });` },
  },
  {
    name: 'axios',
    module: 'axios',
    // `AxiosInstance()`: an instance injected or passed in, typed `AxiosInstance` (its config is out of view).
    paths: ['', 'create()', 'AxiosInstance()'],
    urlArguments: [{ arg: 0, shape: 'url-or-options' }, { arg: 1, shape: 'options' }],
    options: AXIOS_OPTIONS,
    samples: { match: `import axios from 'axios';\nawait axios({ url: req.body.url, method: 'get' });`, nonMatch: `import axios from 'axios';\nawait axios({ url: 'https://api.example.com/x', params: { q: req.body.q } });` },
  },
  {
    name: 'axios-get',
    module: 'axios',
    paths: [...AXIOS_GETLIKE, ...prefixed('create()', AXIOS_GETLIKE), ...prefixed('AxiosInstance()', AXIOS_GETLIKE)],
    urlArguments: [{ arg: 0, shape: 'url' }, { arg: 1, shape: 'options' }],
    options: AXIOS_OPTIONS,
    samples: { match: `import axios from 'axios';\nawait axios.get(req.query.url);`, nonMatch: `import axios from 'axios';\nawait axios.get('https://www.youtube.com/oembed', { params: { url: req.query.url } });` },
  },
  {
    name: 'axios-post',
    module: 'axios',
    paths: [...AXIOS_POSTLIKE, ...prefixed('create()', AXIOS_POSTLIKE), ...prefixed('AxiosInstance()', AXIOS_POSTLIKE)],
    urlArguments: [{ arg: 0, shape: 'url' }, { arg: 2, shape: 'options' }],
    options: AXIOS_OPTIONS,
    samples: { match: `import axios from 'axios';\nawait axios.post(req.body.hook, { text: 'hi' });`, nonMatch: `import axios from 'axios';\nawait axios.post('https://hooks.example.com/x', { text: req.body.hook });` },
  },
  {
    name: 'axios-request',
    module: 'axios',
    paths: ['request', 'create().request', 'AxiosInstance().request'],
    urlArguments: [{ arg: 0, shape: 'options' }],
    options: AXIOS_OPTIONS,
    samples: { match: `import axios from 'axios';\nawait axios.request({ url: req.body.url });`, nonMatch: `import axios from 'axios';\nawait axios.request({ url: '/x', baseURL: 'https://api.example.com', data: req.body });` },
  },
  {
    name: 'axios-create',
    module: 'axios',
    paths: ['create'],
    urlArguments: [{ arg: 0, shape: 'options' }],
    options: { base: ['baseURL'] },
    samples: { match: `import axios from 'axios';\nconst api = axios.create({ baseURL: req.body.server });`, nonMatch: `import axios from 'axios';\nconst api = axios.create({ baseURL: process.env.API_URL, headers: { 'x-user': req.body.server } });` },
  },
  {
    name: 'got',
    module: 'got',
    paths: [
      ...['', 'get', 'post', 'put', 'patch', 'delete', 'head', 'stream', 'stream.get', 'stream.post', 'paginate', 'paginate.all'],
      ...['extend()', 'extend().get', 'extend().post', 'extend().put', 'extend().patch', 'extend().delete', 'extend().head', 'extend().stream'],
      // An instance typed `Got` (injected: `constructor(private readonly http: Got)`), wherever it was made.
      ...['Got()', 'Got().get', 'Got().post', 'Got().put', 'Got().patch', 'Got().delete', 'Got().head', 'Got().stream'],
    ],
    urlArguments: [{ arg: 0, shape: 'url-or-options' }, { arg: 1, shape: 'options' }],
    options: GOT_OPTIONS,
    samples: { match: `import got from 'got';\nawait got(\`\${req.query.source}/overlay.json\`);`, nonMatch: `import got from 'got';\nawait got(\`https://tiles.example.com/\${Number(req.query.z)}.png\`);` },
  },
  {
    name: 'got-extend',
    module: 'got',
    paths: ['extend'],
    urlArguments: [{ arg: 0, shape: 'options' }],
    options: { base: ['prefixUrl'] },
    joinsPrefixOption: 'prefixUrl',
    samples: { match: `import got from 'got';\nconst client = got.extend({ prefixUrl: req.body.server });`, nonMatch: `import got from 'got';\nconst client = got.extend({ prefixUrl: 'https://api.example.com', headers: { 'x-id': req.body.server } });` },
  },
  {
    name: 'ky',
    module: 'ky',
    paths: ['', 'get', 'post', 'put', 'patch', 'delete', 'head', 'create()', 'extend()', 'create().get', 'create().post', 'extend().get', 'extend().post'],
    urlArguments: [{ arg: 0, shape: 'url' }, { arg: 1, shape: 'options' }],
    options: KY_OPTIONS,
    samples: { match: `import ky from 'ky';\nawait ky.get(req.query.feed).json();`, nonMatch: `import ky from 'ky';\nawait ky.get('https://api.example.com/feed', { searchParams: { q: req.query.feed } });` },
  },
  {
    name: 'ky-create',
    module: 'ky',
    paths: ['create', 'extend'],
    urlArguments: [{ arg: 0, shape: 'options' }],
    options: { base: ['prefixUrl'] },
    joinsPrefixOption: 'prefixUrl',
    samples: { match: `import ky from 'ky';\nconst api = ky.create({ prefixUrl: req.query.api });`, nonMatch: `import ky from 'ky';\nconst api = ky.create({ prefixUrl: 'https://api.example.com' });` },
  },
  {
    name: 'node-http',
    module: 'http',
    paths: ['get', 'request'],
    urlArguments: [{ arg: 0, shape: 'url-or-options' }, { arg: 1, shape: 'options' }],
    options: NODE_HTTP_OPTIONS,
    samples: { match: `import http from 'node:http';\nhttp.get(req.query.target, (r) => r.resume());`, nonMatch: `import http from 'node:http';\nhttp.get({ host: 'internal.example.com', path: '/items/' + encodeURIComponent(req.query.id) });` },
  },
  {
    name: 'node-https',
    module: 'https',
    paths: ['get', 'request'],
    urlArguments: [{ arg: 0, shape: 'url-or-options' }, { arg: 1, shape: 'options' }],
    options: NODE_HTTP_OPTIONS,
    samples: { match: `import https from 'node:https';\nhttps.get({ hostname: req.body.mirror, path: '/x' });`, nonMatch: `import https from 'node:https';\nhttps.get({ hostname: 'mirror.example.com', path: '/x' });` },
  },
  {
    name: 'node-http2',
    module: 'http2',
    paths: ['connect'],
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: { match: `import http2 from 'node:http2';\nhttp2.connect(req.query.authority);`, nonMatch: `import http2 from 'node:http2';\nhttp2.connect('https://api.example.com');` },
  },
  {
    name: 'superagent',
    module: 'superagent',
    paths: ['', 'get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'agent().get', 'agent().post'],
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: { match: `import superagent from 'superagent';\nawait superagent.post(req.body.webhookUrl).send({});`, nonMatch: `import superagent from 'superagent';\nawait superagent.post('https://hooks.example.com/x').send({ url: req.body.webhookUrl });` },
  },
  {
    name: 'needle',
    module: 'needle',
    paths: ['get', 'head', 'post', 'put', 'patch', 'delete'],
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: { match: `import needle from 'needle';\nawait needle.get(req.query.u);`, nonMatch: `import needle from 'needle';\nawait needle.get('https://api.example.com/x?u=' + encodeURIComponent(req.query.u));` },
  },
  {
    name: 'needle-request',
    module: 'needle',
    paths: ['', 'request'],
    urlArguments: [{ arg: 1, shape: 'url' }],
    samples: { match: `import needle from 'needle';\nawait needle('get', req.query.u);`, nonMatch: `import needle from 'needle';\nawait needle('post', 'https://api.example.com/x', { u: req.query.u });` },
  },
  {
    name: 'request',
    module: 'request',
    paths: ['', 'get', 'post', 'put', 'patch', 'del', 'delete', 'head'],
    urlArguments: [{ arg: 0, shape: 'url-or-options' }],
    options: REQUEST_OPTIONS,
    samples: { match: `const request = require('request');\nrequest({ uri: req.query.u }, () => {});`, nonMatch: `const request = require('request');\nrequest({ uri: 'https://api.example.com/x', qs: { u: req.query.u } }, () => {});` },
  },
  {
    name: 'request-promise',
    module: 'request-promise',
    paths: ['', 'get', 'post', 'put', 'patch', 'del', 'delete', 'head'],
    urlArguments: [{ arg: 0, shape: 'url-or-options' }],
    options: REQUEST_OPTIONS,
    samples: { match: `const rp = require('request-promise');\nawait rp(req.query.u);`, nonMatch: `const rp = require('request-promise');\nawait rp('https://api.example.com/status');` },
  },
  {
    name: 'nest-http-service',
    module: '@nestjs/axios',
    paths: [...prefixed('HttpService()', HTTP_SERVICE_GETLIKE), ...prefixed('HttpService().axiosRef', AXIOS_GETLIKE)],
    urlArguments: [{ arg: 0, shape: 'url' }, { arg: 1, shape: 'options' }],
    options: AXIOS_OPTIONS,
    samples: {
      match: `import { HttpService } from '@nestjs/axios';\n@Controller('s') class S { constructor(private readonly http: HttpService) {}\n  @Get() run(@Query('u') u: string) { return this.http.get(u); } }`,
      nonMatch: `import { HttpService } from '@nestjs/axios';\n@Controller('s') class S { constructor(private readonly http: HttpService) {}\n  @Get() run(@Query('u') u: string) { return this.http.get('https://api.example.com/x', { params: { u } }); } }`,
    },
  },
  {
    name: 'nest-http-service-post',
    module: '@nestjs/axios',
    paths: [...prefixed('HttpService()', HTTP_SERVICE_POSTLIKE), ...prefixed('HttpService().axiosRef', AXIOS_POSTLIKE)],
    urlArguments: [{ arg: 0, shape: 'url' }, { arg: 2, shape: 'options' }],
    options: AXIOS_OPTIONS,
    samples: {
      match: `import { HttpService } from '@nestjs/axios';\n@Controller('s') class S { constructor(private readonly http: HttpService) {}\n  @Get() run(@Body() dto: Dto) { return this.http.post(dto.callbackUrl, {}); } }`,
      nonMatch: `import { HttpService } from '@nestjs/axios';\n@Controller('s') class S { constructor(private readonly http: HttpService) {}\n  @Get() run(@Body() dto: Dto) { return this.http.post('https://hooks.example.com/x', dto); } }`,
    },
  },
  {
    name: 'nest-http-service-request',
    module: '@nestjs/axios',
    paths: ['HttpService().request', 'HttpService().axiosRef.request', 'HttpService().axiosRef'],
    urlArguments: [{ arg: 0, shape: 'options' }],
    options: AXIOS_OPTIONS,
    samples: {
      match: `import { HttpService } from '@nestjs/axios';\n@Controller('s') class S { constructor(private readonly http: HttpService) {}\n  @Get() run(@Body() dto: Dto) { return this.http.request({ url: dto.target }); } }`,
      nonMatch: `import { HttpService } from '@nestjs/axios';\n@Controller('s') class S { constructor(private readonly http: HttpService) {}\n  @Get() run(@Body() dto: Dto) { return this.http.request({ url: 'https://api.example.com', data: dto }); } }`,
    },
  },
  {
    name: 'nest-common-http-service',
    module: '@nestjs/common',
    paths: [...prefixed('HttpService()', HTTP_SERVICE_GETLIKE), ...prefixed('HttpService()', HTTP_SERVICE_POSTLIKE)],
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: {
      match: `import { HttpService } from '@nestjs/common';\n@Controller('s') class S { constructor(private http: HttpService) {}\n  @Get() run(@Query('u') u: string) { return this.http.get(u); } }`,
      nonMatch: `import { HttpService } from '@nestjs/common';\n@Controller('s') class S { constructor(private http: HttpService) {}\n  @Get() run(@Query('u') u: string) { return this.http.get('https://api.example.com/' + encodeURIComponent(u)); } }`,
    },
  },
  {
    name: 'node-net',
    module: 'net',
    paths: ['connect', 'createConnection', 'Socket().connect'],
    urlArguments: [{ arg: 0, shape: 'options' }, { arg: 1, shape: 'host' }],
    options: { host: ['host'] },
    samples: { match: `import net from 'node:net';\nnet.connect(6379, req.query.redis);`, nonMatch: `import net from 'node:net';\nnet.connect({ host: 'cache.internal', port: Number(req.query.port) });` },
  },
  {
    name: 'node-tls',
    module: 'tls',
    paths: ['connect'],
    urlArguments: [{ arg: 0, shape: 'options' }, { arg: 1, shape: 'host' }],
    options: { host: ['host', 'servername'] },
    samples: { match: `import tls from 'node:tls';\ntls.connect({ host: req.body.host, port: 443 });`, nonMatch: `import tls from 'node:tls';\ntls.connect({ host: 'api.example.com', port: Number(req.body.port) });` },
  },
  {
    name: 'follow-redirects',
    module: 'follow-redirects',
    paths: ['http.get', 'https.get', 'http.request', 'https.request'],
    urlArguments: [{ arg: 0, shape: 'url-or-options' }, { arg: 1, shape: 'options' }],
    options: NODE_HTTP_OPTIONS,
    samples: { match: `import { https } from 'follow-redirects';\nhttps.get(req.query.feed, (r) => r.resume());`, nonMatch: `import { https } from 'follow-redirects';\nhttps.get('https://feeds.example.com/' + encodeURIComponent(req.query.feed), (r) => r.resume());` },
  },
  {
    name: 'urllib',
    module: 'urllib',
    paths: ['request', 'curl'],
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: { match: `import urllib from 'urllib';\nawait urllib.request(req.body.endpoint);`, nonMatch: `import urllib from 'urllib';\nawait urllib.request('https://api.example.com/x', { data: req.body.endpoint });` },
  },
  {
    name: 'ofetch',
    module: 'ofetch',
    paths: ['ofetch', '$fetch', 'ofetch.raw', 'ofetch.native', 'ofetch.create()', 'createFetch()'],
    urlArguments: [{ arg: 0, shape: 'url' }, { arg: 1, shape: 'options' }],
    options: { base: ['baseURL'], path: ['query', 'params'] },
    samples: { match: `import { ofetch } from 'ofetch';\nawait ofetch(req.query.api);`, nonMatch: `import { ofetch } from 'ofetch';\nawait ofetch('/items', { baseURL: 'https://api.example.com', query: { q: req.query.api } });` },
  },
  {
    name: 'phin',
    module: 'phin',
    paths: [''],
    urlArguments: [{ arg: 0, shape: 'url-or-options' }],
    options: { url: ['url'] },
    samples: { match: `import phin from 'phin';\nawait phin({ url: req.body.url, method: 'GET' });`, nonMatch: `import phin from 'phin';\nawait phin({ url: 'https://api.example.com/x', data: req.body });` },
  },
  {
    name: 'puppeteer',
    module: 'puppeteer',
    paths: ['launch().newPage().goto', 'connect().newPage().goto', 'launch().createBrowserContext().newPage().goto'],
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: {
      match: `import puppeteer from 'puppeteer';\nconst browser = await puppeteer.launch();\nconst page = await browser.newPage();\nawait page.goto(String(req.query.url));`,
      nonMatch: `import puppeteer from 'puppeteer';\nconst browser = await puppeteer.launch();\nconst page = await browser.newPage();\nawait page.goto('https://app.example.com/reports/' + encodeURIComponent(String(req.query.id)));`,
    },
  },
  {
    name: 'puppeteer-core',
    module: 'puppeteer-core',
    paths: ['launch().newPage().goto', 'connect().newPage().goto'],
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: {
      match: `import puppeteer from 'puppeteer-core';\nconst browser = await puppeteer.connect({ browserWSEndpoint: process.env.WS });\nconst page = await browser.newPage();\nawait page.goto(req.body.page);`,
      nonMatch: `import puppeteer from 'puppeteer-core';\nconst browser = await puppeteer.connect({ browserWSEndpoint: process.env.WS });\nconst page = await browser.newPage();\nawait page.goto(process.env.HOME_URL);`,
    },
  },
  {
    name: 'playwright',
    module: 'playwright',
    paths: [
      'chromium.launch().newPage().goto',
      'firefox.launch().newPage().goto',
      'webkit.launch().newPage().goto',
      'chromium.launch().newContext().newPage().goto',
      'firefox.launch().newContext().newPage().goto',
      'webkit.launch().newContext().newPage().goto',
    ],
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: {
      match: `import { chromium } from 'playwright';\nconst browser = await chromium.launch();\nconst page = await browser.newPage();\nawait page.goto(req.query.target);`,
      nonMatch: `import { chromium } from 'playwright';\nconst browser = await chromium.launch();\nconst page = await browser.newPage();\nawait page.goto('https://app.example.com/print?id=' + encodeURIComponent(req.query.target));`,
    },
  },
  {
    name: 'ws',
    module: 'ws',
    paths: ['', 'WebSocket'],
    construct: true,
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: { match: `import WebSocket from 'ws';\nconst socket = new WebSocket(req.query.feed);`, nonMatch: `import WebSocket from 'ws';\nconst socket = new WebSocket('wss://stream.example.com/feed?id=' + encodeURIComponent(req.query.feed));` },
  },
  {
    name: 'global-websocket',
    module: undefined,
    paths: ['WebSocket'],
    construct: true,
    urlArguments: [{ arg: 0, shape: 'url' }],
    samples: { match: `const socket = new WebSocket(req.query.feed);`, nonMatch: `const socket = new WebSocket('wss://stream.example.com/feed');` },
  },
] as const satisfies readonly HttpClientRow[];

/** Option keys used for `ssrfSinks` entries from the settings, whose shape is not known. */
export const GENERIC_URL_OPTIONS: UrlOptionKeys = { url: ['url', 'uri', 'href'], base: ['baseURL', 'baseUrl', 'prefixUrl', 'origin'], host: ['host', 'hostname'] };

/**
 * Agents and dispatchers that refuse private and internal addresses: a request made with one of
 * them (`agent: ssrfFilter(url)`, `httpAgent: new RequestFilteringHttpAgent()`) is not reported.
 */
export interface SafeAgentRow {
  readonly name: string;
  readonly module: string;
  /** Module paths of the agent factory or class (`''` for a default export). */
  readonly paths: readonly string[];
}

export const SAFE_AGENTS = [
  { name: 'ssrf-req-filter', module: 'ssrf-req-filter', paths: ['', '()'] },
  { name: 'request-filtering-agent', module: 'request-filtering-agent', paths: ['useAgent', 'globalHttpAgent', 'globalHttpsAgent', 'RequestFilteringHttpAgent', 'RequestFilteringHttpsAgent'] },
  { name: 'ssrf-agent', module: 'ssrf-agent', paths: [''] },
] as const satisfies readonly SafeAgentRow[];

/** Options that carry an agent or dispatcher. */
export const AGENT_OPTION_KEYS: readonly string[] = ['agent', 'httpAgent', 'httpsAgent', 'dispatcher'];

/**
 * Checks of an address: `truthyMeans: 'private'` for checks that are true for private, loopback or
 * link-local addresses (`if (isPrivate(ip)) throw` proves the address public after the check),
 * `'public'` for the opposite (`if (!ip.isPublic(addr)) throw`).
 */
export interface AddressCheckRow {
  readonly name: string;
  readonly module: string;
  readonly paths: readonly string[];
  readonly truthyMeans: 'private' | 'public';
}

export const ADDRESS_CHECKS = [
  { name: 'private-ip', module: 'private-ip', paths: [''], truthyMeans: 'private' },
  { name: 'is-ip-private', module: 'is-ip-private', paths: [''], truthyMeans: 'private' },
  { name: 'ip-is-private', module: 'ip', paths: ['isPrivate', 'isLoopback'], truthyMeans: 'private' },
  { name: 'ip-is-public', module: 'ip', paths: ['isPublic'], truthyMeans: 'public' },
  { name: 'bogon', module: 'bogon', paths: [''], truthyMeans: 'private' },
] as const satisfies readonly AddressCheckRow[];

/**
 * A project's own address predicates, by name (`if (isPrivateAddress(address)) throw`,
 * `if (!isPublicIp(ip)) return`): what a truthy result means, as for the package rows above.
 */
export const PROJECT_ADDRESS_CHECK_NAMES = [
  { name: 'private-address-predicate', pattern: /^is(?:Private|Internal|Loopback|Reserved|Bogon|LinkLocal|NonPublic)(?:Ip|IP|Ipv[46]|IPv[46]|Address|Addr|Host|Network)?$/, truthyMeans: 'private' },
  // `isBlockedIp(address)`: a list of refused ranges (postiz's `isBlockedIp`); the address suffix is required (`isBlocked` alone is a user's state).
  { name: 'blocked-address-predicate', pattern: /^is(?:Blocked|Forbidden|Disallowed|Denied)(?:Ip|IP|Ipv[46]|IPv[46]|Address|Addr)$/, truthyMeans: 'private' },
  { name: 'public-address-predicate', pattern: /^is(?:Public|Global|Routable)(?:Ip|IP|Ipv[46]|IPv[46]|Address|Addr)$/, truthyMeans: 'public' },
] as const satisfies readonly { name: string; pattern: RegExp; truthyMeans: 'private' | 'public' }[];

/** What a truthy result of a project function named like an address check means, if it is named like one. */
export function findProjectAddressCheck(name: string): 'private' | 'public' | undefined {
  return PROJECT_ADDRESS_CHECK_NAMES.find((row) => row.pattern.test(name))?.truthyMeans;
}

/**
 * `ipaddr.js`: `ipaddr.parse(address).range()` names the range; `'unicast'` is the public one, so
 * `range() === 'unicast'` is true for public addresses only.
 */
export const ADDRESS_RANGE_PARSERS = [
  { name: 'ipaddr-parse', module: 'ipaddr.js', paths: ['parse', 'process'], publicRange: 'unicast' },
] as const satisfies readonly { name: string; module: string; paths: readonly string[]; publicRange: string }[];

/** The client row a callee's module path matches (calls) or a class's (instantiations), if any. */
export function findHttpClient(module: string | undefined, path: string, construct: boolean): HttpClientRow | undefined {
  return (HTTP_CLIENTS as readonly HttpClientRow[]).find(
    (row) => row.module === module && row.paths.includes(path) && (row.construct ?? false) === construct,
  );
}

export function isSafeAgent(module: string | undefined, path: string): boolean {
  return module !== undefined && (SAFE_AGENTS as readonly SafeAgentRow[]).some((row) => row.module === module && row.paths.some((p) => path === p || path === `${p}()`));
}

/** What a truthy result of an address check means, if the callee is one. */
export function findAddressCheck(module: string | undefined, path: string): AddressCheckRow | undefined {
  return module === undefined ? undefined : (ADDRESS_CHECKS as readonly AddressCheckRow[]).find((row) => row.module === module && row.paths.includes(path));
}

/** True when the callee parses an address into an object with `range()` (`ipaddr.parse`). */
export function isAddressRangeParser(module: string | undefined, path: string): boolean {
  return ADDRESS_RANGE_PARSERS.some((row) => row.module === module && (row.paths as readonly string[]).includes(path));
}

/** A `ssrfSinks` setting entry as a row: `module:export.method` or a global function name. */
export function parseSsrfSinkSetting(entry: string): HttpClientRow {
  const colon = entry.indexOf(':', entry.startsWith('node:') ? 5 : 0);
  const module = colon === -1 ? undefined : entry.slice(0, colon).replace(/^node:/, '');
  let path = colon === -1 ? entry : entry.slice(colon + 1);
  if (path === 'default') path = '';
  else if (path.startsWith('default.')) path = path.slice('default.'.length);
  return {
    name: `setting:${entry}`,
    module,
    paths: [path],
    urlArguments: [{ arg: 0, shape: 'url-or-options' }],
    options: GENERIC_URL_OPTIONS,
    samples: { match: '', nonMatch: '' },
  };
}
