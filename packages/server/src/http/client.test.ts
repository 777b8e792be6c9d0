import { ApiError, contracts, Message, SentResult } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { plainPng } from '../features/media/fixtures';
import { client, registerUser } from '../test/client';
import { roomWithMembers } from '../test/fixtures';
import { startTestServer } from '../test/server';

describe("the protocol's typed client", () => {
  it('sends, pages and reacts with typed inputs and parsed outputs; a retried send answers the same message', async () => {
    await using srv = await startTestServer();
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const call = client(srv.url, owner.token);
    const sent = await call(contracts.messages.send, {
      params: { roomId },
      body: { clientMsgId: 'c1', body: 'hello' },
    });
    const again = await call(contracts.messages.send, {
      params: { roomId },
      body: { clientMsgId: 'c1', body: 'hello' },
    });
    const [first, retry] = [SentResult.parse(sent), SentResult.parse(again)];
    expect([first.duplicate, retry.duplicate, retry.message.id]).toEqual([false, true, first.message.id]);
    const messageId = first.message.id;
    await call(contracts.messages.addReaction, { params: { roomId, messageId, emoji: '👍' } });
    const got = await call(contracts.messages.get, { params: { roomId, messageId } });
    expect(Message.parse(got).reactions).toEqual([expect.objectContaining({ emoji: '👍', count: 1 })]);
    const page = await call(contracts.messages.history, { params: { roomId }, query: { limit: 10 } });
    expect(page.messages.map((m) => m.body)).toEqual(['hello']);
  });

  it('uploads multipart and downloads the bytes', async () => {
    await using srv = await startTestServer();
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const call = client(srv.url, owner.token);
    const png = new Blob([new Uint8Array(await plainPng())], { type: 'image/png' });
    const up = await call(contracts.media.upload, { params: { roomId }, body: png, filename: 'scan.png' });
    expect([up.roomId, up.kind]).toEqual([roomId, 'image']);
    const bytes = await call(contracts.media.download, { params: { mediaId: up.id, variant: 'thumb' } });
    expect(bytes instanceof ArrayBuffer && bytes.byteLength > 0).toBe(true);
  });

  it('throws ApiError with the status, code, message and details of the error body', async () => {
    await using srv = await startTestServer();
    const user = await registerUser(srv.url);
    const err = await client(srv.url, user.token)(contracts.rooms.getRoom, {
      params: { roomId: 'nonexistent1' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect([(err as ApiError).status, (err as ApiError).code]).toEqual([404, 'room_not_found']);
    const anon = await client(srv.url)(contracts.accounts.getSelf, {}).catch((e: unknown) => e);
    expect([(anon as ApiError).status, (anon as ApiError).code]).toEqual([401, 'unauthenticated']);
    const net = await client('http://127.0.0.1:1')(contracts.accounts.getSelf, {}).catch((e: unknown) => e);
    expect([(net as ApiError).status, (net as ApiError).code]).toEqual([0, 'network']);
  });
});
