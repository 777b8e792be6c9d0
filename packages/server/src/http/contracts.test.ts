import fs from 'node:fs';
import path from 'node:path';
import { allRoutes, commonErrors, multipartFile, retryableErrorCodes } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { httpStatus } from '../errors';
import { startTestServer } from '../test/server';

const key = (method: string, path: string) => `${method} ${path}`;

describe('route contracts', () => {
  it('every REST route under /api/v1 comes from a contract, and every contract is registered', async () => {
    await using srv = await startTestServer();
    const registered = srv.rounds.routes
      .filter((r) => r.includes(' /api/v1/') && !r.startsWith('HEAD ') && r !== 'GET /api/v1/socket')
      .sort();
    const declared = allRoutes.map((c) => key(c.method, `/api/v1${c.path}`)).sort();
    expect(registered).toEqual(declared);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('/api/openapi.json has a summary, a description, a tag and the error responses of every operation', async () => {
    await using srv = await startTestServer();
    const doc = await (await fetch(`${srv.url}/api/openapi.json`)).json();
    for (const c of allRoutes) {
      const where = key(c.method, c.path);
      const op = doc.paths[`/api/v1${c.path.replace(/:([A-Za-z]+)/g, '{$1}')}`]?.[c.method.toLowerCase()];
      expect(op, where).toBeDefined();
      expect([op.summary, op.description, op.tags], where).toEqual([c.summary, c.description, [c.tag]]);
      for (const status of Object.keys(c.responses)) expect(op.responses[status], `${where} ${status}`).toBeDefined();
      for (const code of new Set([...commonErrors(c), ...c.errors])) {
        const res = op.responses[String(httpStatus[code])];
        expect(res?.description, `${where} ${code}`).toContain(code);
        const schema = res.content['application/json'].schema;
        expect(schema.properties.error.properties.code.enum, where).toContain(code);
      }
      expect(op.security?.length === 0, where).toBe(!c.auth);
    }
  });

  it('describes the upload as multipart/form-data with a binary file part', async () => {
    await using srv = await startTestServer();
    const doc = await (await fetch(`${srv.url}/api/openapi.json`)).json();
    const upload = allRoutes.find((c) => c.body === multipartFile);
    expect(upload).toBeDefined();
    const op = doc.paths['/api/v1/rooms/{roomId}/uploads'].post;
    const schema = op.requestBody.content['multipart/form-data'].schema;
    expect(schema).toMatchObject({ required: ['file'], properties: { file: { type: 'string', format: 'binary' } } });
  });

  it('docs/errors.md lists exactly the retryable codes under "Retrying"', () => {
    const md = fs.readFileSync(path.join(import.meta.dirname, '../../../../docs/errors.md'), 'utf8');
    const section = md.slice(md.indexOf('## Retrying'));
    const listed = [...section.matchAll(/^- `([a-z_]+)`$/gm)].map((m) => m[1]);
    expect(listed).toEqual([...retryableErrorCodes]);
  });
});
