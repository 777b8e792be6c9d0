import { describe, expect, it } from 'vitest';
import { connectAll, roomWithMembers } from '../test/fixtures';
import { startTestServer } from '../test/server';

describe('operations endpoints', () => {
  it('answers /healthz and /readyz, and /metrics counts connections, messages and fan-out', async () => {
    await using srv = await startTestServer();
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${srv.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { ok: true, store: true, hub: true }]);
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const [a, b] = await connectAll(srv, [owner, members[0]!]);
    await a!.call({ type: 'message.send', roomId, clientMsgId: 'm1', body: 'hello' });
    await b!.waitFor((f) => f.type === 'message.created');
    const text = await (await fetch(`${srv.url}/metrics`)).text();
    expect(text).toMatch(/^rounds_connections 2$/m);
    expect(text).toMatch(/^rounds_messages_in_total 1$/m);
    expect(text).toMatch(/^rounds_fanout_seconds_count [1-9]/m);
    expect(text).toMatch(/^rounds_store_batch_seconds_count 1$/m);
    expect(text).toMatch(/^rounds_hub_lag_seconds 0$/m);
    // The message's batch (and the sign-ups before it) waited for fdatasyncs of the WAL.
    expect(text).toMatch(/^rounds_sqlite_wal_syncs [1-9]/m);
    expect(text).toMatch(/^rounds_sqlite_checkpoint_errors 0$/m);
  });

  it('serves the OpenAPI document generated from the protocol schemas, and the reference page', async () => {
    await using srv = await startTestServer();
    const doc = await (await fetch(`${srv.url}/api/openapi.json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/register',
        '/api/v1/rooms/{roomId}/join',
        '/api/v1/rooms/{roomId}/messages',
      ]),
    );
    const register = doc.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema;
    expect(register.properties.profession.enum).toContain('respiratory_therapist');
    expect((await fetch(`${srv.url}/api/docs/`)).status).toBe(200);
  });

  it('answers unknown API routes with a typed 404', async () => {
    await using srv = await startTestServer();
    const res = await fetch(`${srv.url}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});
