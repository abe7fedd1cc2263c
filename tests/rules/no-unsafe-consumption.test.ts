/**
 * no-unsafe-consumption in per-file mode (no type information): third-party API responses that reach
 * model writes, redirects, shell commands and SQL text. Cross-file cases live in
 * no-unsafe-consumption.typed.test.ts.
 */
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-unsafe-consumption.js';
import { createRuleTester } from '../utils/rule-tester.js';

const ruleTester = createRuleTester();
// The rule tester pins its own copy of @typescript-eslint/utils; the rule object is the same at run time.
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

ruleTester.run('no-unsafe-consumption', testedRule, {
  valid: [
    // --- Validated responses -------------------------------------------------------------------
    {
      // A zod schema parses the upstream payload before it is stored.
      name: 'zod parse of a fetch response before Model.create',
      code: `import { z } from 'zod';
import Repo from '../models/Repo.js';
const RepoSchema = z.object({ id: z.number(), full_name: z.string() });
export async function syncRepo(name) {
  const r = await fetch('https://api.github.com/repos/' + name);
  const repo = RepoSchema.parse(await r.json());
  await Repo.create(repo);
}`,
    },
    {
      // safeParse with an early return: only the parsed data is stored.
      name: 'zod safeParse().data of an axios response into prisma',
      code: `import axios from 'axios';
import { z } from 'zod';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const Rate = z.object({ currency: z.string().length(3), rate: z.number() });
export async function refreshRate() {
  const { data } = await axios.get('https://rates.example.com/latest');
  const parsed = Rate.safeParse(data);
  if (!parsed.success) throw new Error('bad upstream payload');
  await prisma.rate.create({ data: parsed.data });
}`,
    },
    {
      // joi validate with an error check: the validated value is stored.
      name: 'joi validate().value with an error check',
      code: `import Joi from 'joi';
import axios from 'axios';
import Weather from '../models/weather.js';
const schema = Joi.object({ city: Joi.string(), tempC: Joi.number() });
export async function pull() {
  const res = await axios.get('https://weather.example.com/now');
  const { value, error } = schema.validate(res.data);
  if (error) return;
  await Weather.create(value);
}`,
    },
    {
      // Explicit field picking: each stored field is named.
      name: 'picked fields into a Mongoose create',
      code: `import User from '../models/User.js';
export async function linkGithub(userId, token) {
  const r = await fetch('https://api.github.com/user', { headers: { authorization: 'Bearer ' + token } });
  const gh = await r.json();
  await User.updateOne({ _id: userId }, { githubLogin: gh.login, avatarUrl: gh.avatar_url });
}`,
    },
    {
      // Data from the response is only returned to the caller: not a model write.
      name: 'response returned to the client (no-ssrf and no-verbose-errors cover responses)',
      code: `app.get('/weather', async (req, res) => {
  const r = await fetch('https://weather.example.com/now');
  res.json(await r.json());
});`,
    },
    {
      // The stored value is request input, not a response.
      name: 'request body into a model (no-mass-assignment covers it)',
      code: `import Note from '../models/note.js';
app.post('/notes', async (req, res) => {
  res.json(await Note.create(req.body));
});`,
    },
    {
      // Redirect to a constant after the call; the response only decides whether to redirect.
      name: 'redirect to a fixed path after an upstream check',
      code: `import axios from 'axios';
app.get('/callback', async (req, res) => {
  const { data } = await axios.post('https://oauth.example.com/token', { code: req.query.code });
  if (!data.access_token) return res.redirect('/login?error=1');
  req.session.token = data.access_token;
  res.redirect('/dashboard');
});`,
    },
    {
      // The redirect URL from the upstream is checked against an allowlist of hosts.
      name: 'redirect after an allowlist check of the parsed host',
      code: `const ALLOWED = new Set(['pay.example.com']);
app.post('/checkout', async (req, res) => {
  const r = await fetch('https://pay.example.com/sessions', { method: 'POST' });
  const session = await r.json();
  if (!ALLOWED.has(new URL(session.url).hostname)) return res.status(502).end();
  res.redirect(session.url);
});`,
    },
    {
      // The SQL text is parameterized; the response value is a bound parameter.
      name: 'bound parameter in pg query',
      code: `import axios from 'axios';
import { Pool } from 'pg';
const pool = new Pool();
export async function saveRate() {
  const { data } = await axios.get('https://rates.example.com/latest');
  await pool.query('INSERT INTO rates (currency, rate) VALUES ($1, $2)', [data.currency, data.rate]);
}`,
    },
    {
      // A number conversion leaves nothing to inject.
      name: 'Number() of a response field in SQL text',
      code: `import axios from 'axios';
export async function trim(db) {
  const { data } = await axios.get('https://config.example.com/retention');
  const days = Number(data.days);
  await db.query(\`DELETE FROM events WHERE created_at < now() - interval '\${days} days'\`);
}`,
    },
    {
      // execFile without a shell passes arguments as an array: no shell parsing.
      name: 'execFile without shell',
      code: `import axios from 'axios';
import { execFile } from 'node:child_process';
export async function convert(id) {
  const { data } = await axios.get('https://media.example.com/items/' + id);
  execFile('ffmpeg', ['-i', data.sourcePath, 'out.mp4']);
}`,
    },
    {
      // spawn with shell: false is the same as without.
      name: 'spawn with shell false',
      code: `import { spawn } from 'child_process';
export async function run() {
  const res = await fetch('https://jobs.example.com/next');
  const job = await res.json();
  spawn('convert', [job.input, job.output], { shell: false });
}`,
    },
    {
      // exec of a constant command; the response is only logged.
      name: 'exec of a constant command',
      code: `import { exec } from 'child_process';
export async function deploy() {
  const res = await fetch('https://ci.example.com/status');
  console.log(await res.json());
  exec('git pull && npm ci');
}`,
    },
    {
      // A local function named fetch is not the global client.
      name: 'a local fetch helper that reads the database',
      code: `import Order from '../models/order.js';
async function fetch(id) { return Order.findById(id); }
export async function copy(id) {
  const order = await fetch(id);
  await Order.create(order);
}`,
    },
    {
      // axios.create() makes a client; the instance itself is not a response.
      name: 'the axios instance is not a response',
      code: `import axios from 'axios';
import Integration from '../models/integration.js';
export async function register(name) {
  const client = axios.create({ baseURL: 'https://api.example.com' });
  await Integration.create({ name, client });
}`,
    },
    {
      // class-transformer plus class-validator whitelisting validate the DTO before saving.
      name: 'plainToInstance then validate with whitelist',
      code: `import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import { Repository } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
export class Importer {
  constructor(private readonly http: HttpService, private readonly repo: Repository<Product>) {}
  async import() {
    const { data } = await firstValueFrom(this.http.get('https://catalog.example.com/products'));
    const dto = plainToInstance(ProductDto, data);
    if ((await validate(dto, { whitelist: true })).length > 0) throw new Error('invalid');
    await this.repo.save(this.repo.create({ sku: dto.sku, name: dto.name }));
  }
}`,
    },
    {
      // A value compared against constants in a switch becomes one of them.
      name: 'status mapped through a switch',
      code: `import axios from 'axios';
import Payment from '../models/payment.js';
export async function sync(id) {
  const { data } = await axios.get('https://psp.example.com/payments/' + id);
  let status = 'pending';
  switch (data.status) { case 'paid': status = 'paid'; break; case 'failed': status = 'failed'; break; }
  await Payment.updateOne({ pspId: id }, { status });
}`,
    },
    {
      // Each item is reduced to named fields before the bulk write.
      name: 'narrowing map before a repository save',
      code: `import { Repository } from 'typeorm';
import { firstValueFrom } from 'rxjs';
import { HttpService } from '@nestjs/axios';
export class FeedSync {
  constructor(private readonly http: HttpService, private readonly products: Repository<Product>) {}
  async sync() {
    const { data } = await firstValueFrom(this.http.get('https://supplier.example.com/feed'));
    await this.products.save(data.map((item) => ({ sku: String(item.sku), title: String(item.title) })));
  }
}`,
    },
    {
      // The upstream id lands after a fixed path: the redirect stays on this site.
      name: 'redirect to a local path with an upstream id',
      code: `import axios from 'axios';
app.post('/orders', async (req, res) => {
  const { data } = await axios.post('https://orders.example.com/v1/orders', { sku: 'A1' });
  res.redirect(\`/orders/\${encodeURIComponent(data.id)}/confirmation?ref=\${data.ref}\`);
});`,
    },
    {
      // A second request to a path built from the first response is not SQL, even on a client named like a database handle.
      name: 'client.get with a URL built from a response',
      code: `import axios from 'axios';
const client = axios.create({ baseURL: 'https://api.example.com' });
export async function details() {
  const { data } = await axios.get('https://api.example.com/list');
  return client.get(\`/items/\${data.items[0].id}\`);
}`,
    },
  ],
  invalid: [
    {
      name: 'fetch json into Mongoose create',
      code: `import Repo from '../models/Repo.js';
export async function syncRepo(name) {
  const r = await fetch('https://api.github.com/repos/' + name);
  const repo = await r.json();
  await Repo.create(repo);
}`,
      errors: [{ messageId: 'modelWrite', data: { source: 'fetch(…)', sink: 'Repo.create', via: '' } }],
    },
    {
      name: 'axios data spread into prisma create',
      code: `import axios from 'axios';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function importCustomer(id: string) {
  const { data } = await axios.get(\`https://crm.example.com/customers/\${id}\`);
  await prisma.customer.create({ data: { ...data, source: 'crm' } });
}`,
      errors: [{ messageId: 'modelWrite', data: { source: 'axios.get(…).data', sink: 'prisma.customer.create', via: '' } }],
    },
    {
      name: '(await axios.get()).data into a TypeORM repository save',
      code: `import axios from 'axios';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
export class SyncService {
  constructor(@InjectRepository(Product) private readonly products: Repository<Product>) {}
  async pull() {
    const items = (await axios.get('https://catalog.example.com/products')).data;
    await this.products.save(items);
  }
}`,
      errors: [{ messageId: 'modelWrite' }],
    },
    {
      name: 'fetch().then(r => r.json()) into Sequelize bulkCreate',
      code: `import { Rate } from './models/index.js';
export async function refresh() {
  const rates = await fetch('https://rates.example.com/all').then((r) => r.json());
  await Rate.bulkCreate(rates);
}`,
      errors: [{ messageId: 'modelWrite' }],
    },
    {
      name: 'got().json() into Object.assign on a document',
      code: `import got from 'got';
import Profile from './profile.js';
export async function enrich(id) {
  const profile = await Profile.findById(id);
  const extra = await got('https://enrich.example.com/p/' + id).json();
  Object.assign(profile, extra);
  await profile.save();
}`,
      errors: [{ messageId: 'modelWrite' }],
    },
    {
      name: 'Nest HttpService with firstValueFrom into a repository',
      code: `import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
@Injectable()
export class WeatherService {
  constructor(private readonly http: HttpService, @InjectRepository(Reading) private readonly readings: Repository<Reading>) {}
  async pull() {
    const res = await firstValueFrom(this.http.get('https://weather.example.com/now'));
    return this.readings.save(res.data);
  }
}`,
      errors: [{ messageId: 'modelWrite', data: { source: 'this.http.get(…).data', sink: 'this.readings.save', via: '' } }],
    },
    {
      name: 'redirect to a URL the upstream chose',
      code: `import axios from 'axios';
app.post('/checkout', async (req, res) => {
  const { data } = await axios.post('https://pay.example.com/sessions', { amount: 100 });
  res.redirect(data.redirectUrl);
});`,
      errors: [{ messageId: 'redirect', data: { source: 'axios.post(…).data.redirectUrl', sink: 'res.redirect', via: '' } }],
    },
    {
      name: 'Fastify reply.redirect with a status and a response URL',
      code: `export default async function routes(fastify) {
  fastify.get('/sso', async (request, reply) => {
    const r = await fetch('https://idp.example.com/start');
    const { location } = await r.json();
    return reply.redirect(302, location);
  });
}`,
      errors: [{ messageId: 'redirect' }],
    },
    {
      name: 'exec with a response field in the command',
      code: `import axios from 'axios';
import { exec } from 'child_process';
export async function thumbnail(id) {
  const { data } = await axios.get('https://media.example.com/items/' + id);
  exec(\`convert \${data.path} -resize 200x200 thumb.png\`);
}`,
      errors: [{ messageId: 'shell', data: { source: 'axios.get(…).data.path', sink: 'exec', via: '' } }],
    },
    {
      name: 'execSync through a command variable',
      code: `const cp = require('child_process');
async function update() {
  const res = await fetch('https://releases.example.com/latest');
  const release = await res.json();
  const cmd = 'git checkout ' + release.tag;
  cp.execSync(cmd);
}
module.exports = { update };`,
      errors: [{ messageId: 'shell' }],
    },
    {
      name: 'spawn with shell: true and a response argument',
      code: `import { spawn } from 'node:child_process';
export async function run() {
  const res = await fetch('https://jobs.example.com/next');
  const job = await res.json();
  spawn('convert', [job.input, 'out.png'], { shell: true });
}`,
      errors: [{ messageId: 'shell' }],
    },
    {
      name: 'template SQL in pool.query',
      code: `import axios from 'axios';
import { pool } from './db.js';
export async function saveRate() {
  const { data } = await axios.get('https://rates.example.com/latest');
  await pool.query(\`INSERT INTO rates (currency) VALUES ('\${data.currency}')\`);
}`,
      errors: [{ messageId: 'sql', data: { source: 'axios.get(…).data.currency', sink: 'pool.query', via: '' } }],
    },
    {
      name: '$queryRawUnsafe with a response value',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function lookup() {
  const r = await fetch('https://partner.example.com/sku');
  const { sku } = await r.json();
  return prisma.$queryRawUnsafe('SELECT * FROM products WHERE sku = ' + "'" + sku + "'");
}`,
      errors: [{ messageId: 'sql' }],
    },
    {
      name: 'sequelize.query with interpolation',
      code: `import axios from 'axios';
import { sequelize } from './db.js';
export async function tag() {
  const { data } = await axios.get('https://tags.example.com/today');
  await sequelize.query(\`UPDATE posts SET tag = '\${data.tag}'\`);
}`,
      errors: [{ messageId: 'sql' }],
    },
    {
      name: 'a helper in the same file writes what the caller fetched',
      code: `import Invoice from '../models/invoice.js';
async function store(payload) {
  await Invoice.create(payload);
}
export async function sync(id) {
  const r = await fetch('https://billing.example.com/invoices/' + id);
  await store(await r.json());
}`,
      errors: [{ messageId: 'modelWrite', data: { source: 'fetch(…)', sink: 'Invoice.create', via: ' via `store(await r.json())`' } }],
    },
    {
      name: 'a helper in the same file returns the response data',
      code: `import axios from 'axios';
import Contact from '../models/contact.js';
async function getContact(id) {
  const res = await axios.get('https://crm.example.com/contacts/' + id);
  return res.data;
}
export async function importContact(id) {
  const contact = await getContact(id);
  await new Contact(contact).save();
}`,
      errors: [{ messageId: 'modelWrite' }],
    },
    {
      name: 'ky().json() into findOneAndUpdate with upsert',
      code: `import ky from 'ky';
import Book from '../models/book.js';
export async function importBook(isbn) {
  const book = await ky.get('https://books.example.com/isbn/' + isbn).json();
  await Book.findOneAndUpdate({ isbn }, book, { upsert: true });
}`,
      errors: [{ messageId: 'modelWrite' }],
    },
  ],
});
