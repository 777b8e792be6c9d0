import { ErrorResponse } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { registerUser } from '../test/client';
import { startTestServer } from '../test/server';

/** Sends a raw request and returns the status and the error body, parsed strictly with the protocol schema. */
async function raw(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  const json = await res.json();
  return { status: res.status, error: ErrorResponse.strict().parse(json).error };
}

describe('errors Fastify raises itself use the documented shape and a protocol code', () => {
  it('a path parameter over the router limit (FST_ERR_MAX_PARAM_LENGTH) and an undecodable URL (FST_ERR_BAD_URL)', async () => {
    await using srv = await startTestServer();
    const { token } = await registerUser(srv.url);
    const auth = { authorization: `Bearer ${token}` };
    const long = await raw(`${srv.url}/api/v1/rooms/${'a'.repeat(500)}`, { headers: auth });
    expect([long.status, long.error.code, long.error.message]).toEqual([
      400,
      'validation_failed',
      'A path parameter is too long.',
    ]);
    const bad = await raw(`${srv.url}/api/v1/rooms/%`, { headers: auth });
    expect([bad.status, bad.error.code]).toEqual([400, 'validation_failed']);
  });

  it('bad JSON, an empty JSON body, a wrong content type and a body over the limit', async () => {
    await using srv = await startTestServer();
    const { token } = await registerUser(srv.url);
    const post = (body: string, type: string) =>
      raw(`${srv.url}/api/v1/rooms`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      });
    const cases = [
      await post('{"name": ', 'application/json'),
      await post('', 'application/json'),
      await post('name=x', 'application/x-www-form-urlencoded'),
      await post('<room/>', 'text/xml'),
    ];
    expect(cases.map((c) => [c.status, c.error.code])).toEqual(Array(4).fill([400, 'validation_failed']));
    const big = await post(JSON.stringify({ name: 'x'.repeat(300 * 1024) }), 'application/json');
    expect([big.status, big.error.code]).toEqual([413, 'payload_too_large']);
  });

  it('an upload that is not multipart, and one over the size limit', async () => {
    await using srv = await startTestServer({ config: { uploadMaxBytes: 1000 } });
    const owner = await registerUser(srv.url);
    const auth = { authorization: `Bearer ${owner.token}` };
    const room = await (
      await fetch(`${srv.url}/api/v1/rooms`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Uploads' }),
      })
    ).json();
    const url = `${srv.url}/api/v1/rooms/${room.id}/uploads`;
    const notMultipart = await raw(url, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{}',
    });
    expect([notMultipart.status, notMultipart.error.code]).toEqual([400, 'validation_failed']);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(5000)]), 'big.pdf');
    const tooBig = await raw(url, { method: 'POST', headers: auth, body: form });
    expect([tooBig.status, tooBig.error.code]).toEqual([413, 'payload_too_large']);
  });

  it('unknown query parameters are validation_failed, naming the parameter', async () => {
    await using srv = await startTestServer();
    const { token } = await registerUser(srv.url);
    const res = await raw(`${srv.url}/api/v1/rooms?q=wuhan&sort=name`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect([res.status, res.error.code]).toEqual([400, 'validation_failed']);
    expect(JSON.stringify(res.error.details)).toContain('sort');
  });
});
