import { HeldResult, MessageCreated, SentResult, SyncResult } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { api, registerUser } from '../../test/client';
import { connectAll, roomWithMembers } from '../../test/fixtures';
import { startTestServer } from '../../test/server';
import type { SendRule } from './pipeline';
import { releaseHeld } from './service';

/** A rule for tests: the word after `rule:` in a message decides (warn, hold or block). */
const testRule: SendRule = {
  name: 'test',
  check: ({ body }) => {
    const m = /rule:(warn|hold|block)/.exec(body);
    if (!m) return { action: 'allow' };
    return { action: m[1] as 'warn' | 'hold' | 'block', rule: `test-${m[1]}`, reason: `the test rule says ${m[1]}` };
  },
};

describe('the send pipeline', () => {
  it('blocks: nothing stored, no seq taken, a typed error', async () => {
    await using srv = await startTestServer({ rules: [testRule] });
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const [a] = await connectAll(srv, [owner]);
    const refused = await a!.request({ type: 'message.send', roomId, clientMsgId: 'b1', body: 'no rule:block' });
    expect(refused.type === 'error' && refused.error).toMatchObject({
      code: 'message_blocked',
      details: { rule: 'test-block' },
    });
    const ok = SentResult.parse(await a!.call({ type: 'message.send', roomId, clientMsgId: 'b2', body: 'fine' }));
    expect(ok.message.seq).toBe(2); // member.joined took 1; the blocked send took nothing
    a!.close();
  });

  it('warns until the sender confirms, then sends and says which rules warned', async () => {
    await using srv = await startTestServer({ rules: [testRule] });
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const body = { clientMsgId: 'w1', body: 'careful rule:warn' };
    const first = await api(srv.url, 'POST', `/rooms/${roomId}/messages`, body, owner.token);
    expect(first.status).toBe(409);
    expect(first.body.error).toMatchObject({
      code: 'message_needs_confirmation',
      details: { warnings: [{ rule: 'test-warn' }] },
    });
    const second = await api(
      srv.url,
      'POST',
      `/rooms/${roomId}/messages`,
      { ...body, confirmWarnings: true },
      owner.token,
    );
    expect(second.status).toBe(201);
    const sent = SentResult.parse(second.body);
    expect(sent.warnings).toEqual([{ rule: 'test-warn', reason: 'the test rule says warn' }]);
    // A retry of an answered send keeps its answer, whatever the rules say.
    const retry = await api(srv.url, 'POST', `/rooms/${roomId}/messages`, body, owner.token);
    expect([retry.status, SentResult.parse(retry.body).message.id]).toEqual([200, sent.message.id]);
  });

  it('holds a send without a seq, hidden from everyone, until it is released with the next seq', async () => {
    await using srv = await startTestServer({ rules: [testRule] });
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const [sender, reader] = await connectAll(srv, [members[0]!, owner]);
    const cmd = { type: 'message.send', roomId, clientMsgId: 'h1', body: 'please review rule:hold' };
    const held = HeldResult.parse(await sender!.call(cmd));
    expect(held).toMatchObject({ duplicate: false, held: { roomId, finding: { rule: 'test-hold' } } });
    // A retry answers the same held send; nothing new is stored.
    expect(HeldResult.parse(await sender!.call(cmd))).toMatchObject({ duplicate: true, held: { id: held.held.id } });

    // Others send on; the held send took no seq, so there is no gap.
    const next = SentResult.parse(
      await reader!.call({ type: 'message.send', roomId, clientMsgId: 'n1', body: 'next' }),
    );
    const sync = SyncResult.parse(await reader!.call({ type: 'sync', roomId, afterSeq: 0 }));
    expect(sync.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(JSON.stringify(sync.events)).not.toContain('please review');
    const history = await api(srv.url, 'GET', `/rooms/${roomId}/messages`, undefined, owner.token);
    expect(history.body.messages.map((m: { body: string }) => m.body)).toEqual(['next']);

    const pipeline = (id: string) => releaseHeld(srv.rounds.deps, id);
    const released = SentResult.parse(await pipeline(held.held.id));
    expect(released.message).toMatchObject({
      seq: next.message.seq + 1,
      clientMsgId: 'h1',
      senderId: members[0]!.user.id,
    });
    const live = MessageCreated.parse(
      await reader!.waitFor((f) => f.type === 'message.created' && f.message.clientMsgId === 'h1'),
    );
    expect(live.seq).toBe(released.message.seq);
    // Releasing again (a double click) stores nothing more; the sender's retry now gets the message.
    await expect(pipeline(held.held.id)).rejects.toMatchObject({ code: 'message_not_found' });
    expect(SentResult.parse(await sender!.call(cmd))).toMatchObject({
      duplicate: true,
      message: { id: live.message.id },
    });
    const after = SyncResult.parse(await reader!.call({ type: 'sync', roomId, afterSeq: 0 }));
    expect(after.events.filter((e) => e.type === 'message.created')).toHaveLength(2);
    sender!.close();
    reader!.close();
  });

  it('refuses to hold a send from someone who may not post there', async () => {
    await using srv = await startTestServer({ rules: [testRule] });
    const { roomId } = await roomWithMembers(srv, 0);
    const outsider = await registerUser(srv.url);
    const res = await api(
      srv.url,
      'POST',
      `/rooms/${roomId}/messages`,
      { clientMsgId: 'x', body: 'rule:hold' },
      outsider.token,
    );
    expect([res.status, res.body.error.code]).toEqual([403, 'not_a_member']);
  });
});
