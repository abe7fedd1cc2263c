import { describe, expect, it } from 'vitest';
import { resolveSettings, SettingsError } from '../../src/settings/schema.js';
import { getApiModel } from '../../src/model/resolve-api-model.js';
import { fileContext } from '../frameworks/routing-helpers.js';

const EXPRESS_AND_FASTIFY = `
import express from 'express';
import Fastify from 'fastify';
const app = express();
app.get('/a', (req, res) => res.send('a'));
const server = Fastify();
server.get('/b', async () => 'b');
`;

describe('the frameworks setting', () => {
  it('defaults to every supported framework', () => {
    expect(resolveSettings({}).frameworks).toEqual(['express', 'fastify', 'nest']);
  });

  it('rejects unknown frameworks and empty lists with a message naming the setting', () => {
    expect(() => resolveSettings({ frameworks: ['koa'] })).toThrow(SettingsError);
    expect(() => resolveSettings({ frameworks: [] })).toThrow(/"frameworks" must be a non-empty array/);
    expect(() => resolveSettings({ frameworks: 'express' })).toThrow(/"frameworks"/);
  });

  it('keeps only the routes of the listed frameworks in the API model', () => {
    const all = getApiModel(fileContext(EXPRESS_AND_FASTIFY));
    expect(all.map((r) => `${r.framework} ${r.fullPath}`).sort()).toEqual(['express /a', 'fastify /b']);
    const onlyFastify = getApiModel(fileContext(EXPRESS_AND_FASTIFY, '/app/src/file.ts', { frameworks: ['fastify'] }));
    expect(onlyFastify.map((r) => `${r.framework} ${r.fullPath}`)).toEqual(['fastify /b']);
  });
});
