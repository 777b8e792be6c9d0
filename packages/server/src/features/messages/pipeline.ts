import { findIdentifiers, Limits, type RuleFinding, type SendMessageBody, type SendResult } from '@rounds/protocol';
import type { Actor, CoreDeps } from '../../context';
import { AppError } from '../../errors';
import { newId } from '../../ids';
import { requireMember } from '../../policies/access';
import { canPost } from '../../policies/rooms';
import type { SendJob, WriteBatcher } from './batcher';
import { toHeld, toMessage, withReactions } from './mappers';
import * as store from './store';

/** What a rule sees of a send: who, where, and the text and captions as the sender wrote them. */
export type SendDraft = {
  actor: Actor;
  roomId: string;
  body: string;
  captions: readonly string[];
  threadRootId: string | null;
};

/**
 * A rule's answer. `warn` refuses the send until the sender confirms (`confirmWarnings`); `hold` stores it
 * without a seq for a moderator to release; `block` refuses it. The most severe answer of all rules wins.
 */
export type Verdict = { action: 'allow' } | ({ action: 'warn' | 'hold' | 'block' } & RuleFinding);

/** A community rule (moderation adds its phrase lists here). Must be fast: it runs on every send. */
export type SendRule = { name: string; check(draft: SendDraft): Verdict | Promise<Verdict> };

/** Adds derived data to a validated send before it is stored (mentions, privacy flags; search tokens next). */
export type Enricher = { name: string; enrich(job: SendJob, draft: SendDraft): void };

const severity = { allow: 0, warn: 1, hold: 2, block: 3 } as const;

const MENTION = /(?:^|[^\w@/.])@([a-z0-9][a-z0-9._-]{0,30}[a-z0-9])/g;

/** The distinct @handles in a message body (at most 50). */
export function parseMentions(body: string): string[] {
  const handles = new Set<string>();
  for (const m of body.matchAll(MENTION)) {
    handles.add((m[1] as string).toLowerCase());
    if (handles.size >= 50) break;
  }
  return [...handles];
}

/** Identifier kinds the privacy check finds in a message's text and captions, for moderators to review. */
export function privacyFlags(body: string, captions: readonly string[] = []): string[] {
  const kinds = new Set<string>();
  for (const text of [body, ...captions]) for (const m of findIdentifiers(text)) kinds.add(m.kind);
  return [...kinds].sort();
}

/** The enrichers every deployment runs, in order. */
const coreEnrichers: Enricher[] = [
  { name: 'mentions', enrich: (job) => void (job.handles = parseMentions(job.body)) },
  { name: 'privacy', enrich: (job, d) => void (job.privacyFlags = privacyFlags(job.body, d.captions)) },
];

/**
 * The path of a send, in named stages: checks (size, attachments, rate; sanctions join here) -> rules
 * (allow, warn, hold, block) -> enrichers -> persist (the write batcher, group commit) -> after commit (the
 * batcher hands the committed events to the bus). A held send takes no seq until it is released.
 */
export class SendPipeline {
  constructor(
    private readonly deps: CoreDeps,
    private readonly batcher: WriteBatcher,
    private readonly rules: readonly SendRule[] = [],
    private readonly enrichers: readonly Enricher[] = coreEnrichers,
  ) {}

  /**
   * Sends a message: durable (committed) before this resolves; a retry with the same clientMsgId returns the
   * original with `duplicate: true` (a held one too). Throws validation_failed, too_many_attachments,
   * rate_limited, message_blocked, message_needs_confirmation, room_not_found, not_a_member,
   * thread_root_invalid, upload_not_found.
   */
  async send(actor: Actor, roomId: string, input: SendMessageBody): Promise<SendResult> {
    const attachments = (input.attachments ?? []).map((a) => ({ uploadId: a.uploadId, caption: a.caption ?? '' }));
    const draft: SendDraft = {
      actor,
      roomId,
      body: input.body,
      captions: attachments.map((a) => a.caption),
      threadRootId: input.threadRootId ?? null,
    };
    const duplicate = await this.check(actor, roomId, input, attachments.length);
    if (duplicate) return duplicate;

    const verdict = await this.judge(draft);
    const warnings: RuleFinding[] = [];
    if (verdict.action !== 'allow') {
      // A retry of a send that was already answered keeps its answer, whatever the rules say now.
      const prior = await this.prior(actor, roomId, input.clientMsgId);
      if (prior) return prior;
      const finding = { rule: verdict.rule, reason: verdict.reason };
      if (verdict.action === 'block') throw new AppError('message_blocked', verdict.reason, finding);
      if (verdict.action === 'hold') return this.hold(draft, input, attachments, finding);
      if (!input.confirmWarnings) {
        throw new AppError('message_needs_confirmation', verdict.reason, { warnings: [finding] });
      }
      warnings.push(finding);
    }

    const job: SendJob = {
      senderId: actor.userId,
      isAdmin: actor.role === 'admin',
      roomId,
      clientMsgId: input.clientMsgId,
      body: input.body,
      threadRootId: draft.threadRootId,
      handles: [],
      attachments,
      privacyFlags: [],
    };
    for (const e of this.enrichers) e.enrich(job, draft);
    const outcome = await this.batcher.submit(job);
    const message = outcome.duplicate
      ? ((await withReactions(this.deps.db, [outcome.row]))[0] ?? toMessage(outcome.row))
      : toMessage(outcome.row);
    return { message, duplicate: outcome.duplicate, ...(warnings.length > 0 && { warnings }) };
  }

  /**
   * Releases a held send: it is stored with the room's next seq, as its sender's message with its original
   * clientMsgId (so releasing twice stores it once), and the held row goes. Permission is the caller's
   * (moderation) to check. Throws message_not_found, and what a send throws when the sender has left.
   */
  async release(heldId: string): Promise<SendResult> {
    const row = await store.findHeld(this.deps.db, heldId);
    if (!row) throw new AppError('message_not_found', 'No such held message.');
    const attachments = JSON.parse(row.attachments) as SendJob['attachments'];
    const draft: SendDraft = {
      actor: { userId: row.sender_id, sessionId: '', role: 'user' },
      roomId: row.room_id,
      body: row.body,
      captions: attachments.map((a) => a.caption),
      threadRootId: row.thread_root_id,
    };
    const job: SendJob = {
      senderId: row.sender_id,
      isAdmin: false,
      roomId: row.room_id,
      clientMsgId: row.client_msg_id,
      body: row.body,
      threadRootId: row.thread_root_id,
      handles: [],
      attachments,
      privacyFlags: [],
    };
    for (const e of this.enrichers) e.enrich(job, draft);
    const outcome = await this.batcher.submit(job);
    await store.deleteHeld(this.deps.db, heldId);
    return { message: toMessage(outcome.row), duplicate: outcome.duplicate };
  }

  /** The checks stage. Returns the stored answer of a fast retry that the rate limit would refuse. */
  private async check(
    actor: Actor,
    roomId: string,
    input: SendMessageBody,
    attachmentCount: number,
  ): Promise<SendResult | undefined> {
    if (attachmentCount > Limits.maxAttachments) {
      throw new AppError('too_many_attachments', `A message holds at most ${Limits.maxAttachments} attachments.`);
    }
    if (input.body.trim() === '' && attachmentCount === 0) {
      throw new AppError('validation_failed', 'A message needs text or an attachment.');
    }
    const { messagesPerSec, messagesBurst } = this.deps.config.rate;
    const take = await this.deps.limiter.take(`msg:${actor.userId}`, messagesPerSec, messagesBurst);
    if (take.ok) return undefined;
    // A resend after a reconnect must still learn that its message was stored, however fast it comes.
    const prior = await this.prior(actor, roomId, input.clientMsgId);
    if (prior) return prior;
    throw new AppError('rate_limited', 'You are sending too fast.', { retryAfterMs: take.retryAfterMs });
  }

  /** The rules stage: the most severe verdict of all rules. */
  private async judge(draft: SendDraft): Promise<Verdict> {
    let worst: Verdict = { action: 'allow' };
    for (const rule of this.rules) {
      const v = await rule.check(draft);
      if (severity[v.action] > severity[worst.action]) worst = v;
    }
    return worst;
  }

  /** The answer already given to this clientMsgId in this room: a stored message or a held send. */
  private async prior(actor: Actor, roomId: string, clientMsgId: string): Promise<SendResult | undefined> {
    const stored = await store.findBySenderClientId(this.deps.db, actor.userId, clientMsgId);
    if (stored && stored.room_id === roomId) {
      return { message: (await withReactions(this.deps.db, [stored]))[0] ?? toMessage(stored), duplicate: true };
    }
    const held = await store.findHeldBySenderClientId(this.deps.db, actor.userId, clientMsgId);
    if (held && held.room_id === roomId) return { held: toHeld(held), duplicate: true };
    return undefined;
  }

  /** Stores a held send (no seq). Membership is checked here, since the batch that checks it is skipped. */
  private async hold(
    draft: SendDraft,
    input: SendMessageBody,
    attachments: SendJob['attachments'],
    finding: RuleFinding,
  ): Promise<SendResult> {
    const { room, role } = await requireMember(this.deps.db, draft.actor, draft.roomId);
    if (!canPost(draft.actor, room, role)) throw new AppError('forbidden', 'You may not post in this room.');
    const row = {
      id: newId(),
      room_id: draft.roomId,
      sender_id: draft.actor.userId,
      client_msg_id: input.clientMsgId,
      body: input.body,
      thread_root_id: draft.threadRootId,
      attachments: JSON.stringify(attachments),
      verdict: JSON.stringify(finding),
      created_at: Date.now(),
    };
    try {
      await store.insertHeld(this.deps.db, row);
    } catch (err) {
      // Two retries of one held send at once: the unique (sender, clientMsgId) keeps one; answer with it.
      const again = await store.findHeldBySenderClientId(this.deps.db, row.sender_id, row.client_msg_id);
      if (again) return { held: toHeld(again), duplicate: true };
      throw err;
    }
    return { held: toHeld(row), duplicate: false };
  }
}
