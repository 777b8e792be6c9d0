import { type ClipboardEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverLimits } from '../../lib/server-limits';
import { Icon } from '../../ui/Icon';
import { notify } from '../../ui/notice';
import { AttachmentTray } from '../attachments/AttachmentTray';
import { attachmentsStore, composerKey, replaceAttachmentFile, setCaption } from '../attachments/attachments-store';
import { ACCEPT, drawableInBrowser, mediaUrl } from '../attachments/file-types';
import { overallProgress, type QueueItem, readiness } from '../attachments/upload-queue';
import { useAttach } from '../attachments/useAttach';
import { IdentifierWarning } from '../privacy/IdentifierWarning';
import { redactDraft } from '../privacy/identifiers';
import { usePrivacyCheck } from '../privacy/usePrivacyCheck';
import { RedactEditor } from '../redact/RedactEditor';
import { sendTyping } from './actions';
import { cancelWaiting, draftsStore, sendDraft, setDraftText, waitingStore } from './drafts';
import { useMentionPicker } from './useMentionPicker';

const NONE: QueueItem[] = [];

/**
 * Writing a message: Markdown, Enter sends, Shift+Enter is a new line, `@` suggests members; pictures and
 * files by the clip button, drag and drop (see useFileDrop) or paste. Before sending, the draft is checked
 * for patient identifiers. Sending waits for the uploads, then works offline too: the message waits in the
 * outbox (with a pending marker) until the socket is back.
 */
export function Composer({
  roomId,
  threadRootId = null,
  autoFocus = false,
}: {
  roomId: string;
  threadRootId?: string | null;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const key = composerKey(roomId, threadRootId);
  const text = draftsStore.use((s) => s[key] ?? '');
  const items = attachmentsStore.use((s) => s[key] ?? NONE);
  const waiting = waitingStore.use((s) => Boolean(s[key]));
  const [redacting, setRedacting] = useState<{ id: string; file: File } | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const id = useId();
  const attach = useAttach(roomId, threadRootId);
  const setDraft = (value: string) => setDraftText(key, value);
  const mentions = useMentionPicker({ roomId, listId: `${id}-mentions`, input: ref, text, onText: setDraft });
  const privacy = usePrivacyCheck(
    text,
    items.map((i) => ({ id: i.id, caption: i.caption, name: i.file.name })),
  );
  const uploads = readiness(items);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again when the composer moves to another thread
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [key, autoFocus]);

  const body = text.trim();
  const tooLong = text.length > serverLimits().maxMessageChars;
  const empty = !body && items.length === 0;
  const send = (anyway = false) => {
    if (empty || tooLong || waiting) return;
    if (!anyway && privacy.holdsSend()) return;
    if (uploads === 'failed') return;
    sendDraft(key, roomId, threadRootId);
  };

  const redact = () => {
    const scanned = items.map((i) => ({ id: i.id, caption: i.caption, name: i.file.name }));
    const r = redactDraft(text, scanned);
    setDraft(r.text);
    for (const [itemId, caption] of r.captions) setCaption(key, itemId, caption);
    for (const [itemId, name] of r.names) {
      const item = items.find((i) => i.id === itemId);
      if (item) replaceAttachmentFile(key, itemId, new File([item.file], name, { type: item.file.type }));
    }
    privacy.recheck(
      r.text,
      scanned.map((i) => ({ id: i.id, caption: r.captions.get(i.id) ?? i.caption, name: r.names.get(i.id) ?? i.name })),
    );
    ref.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return; // an IME (e.g. pinyin) is composing: Enter picks characters
    if (mentions.onKeyDown(e)) return;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  };

  // Pictures pasted from the clipboard (a screenshot) are attached. Text copied from an office program may
  // come with a picture of itself: when there is text, the text is pasted.
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...e.clipboardData.files];
    if (files.length === 0 || e.clipboardData.types.includes('text/plain')) return;
    e.preventDefault();
    attach(files);
  };

  const openRedaction = async (itemId: string) => {
    const item = items.find((i) => i.id === itemId);
    if (!item) return;
    if (drawableInBrowser(item.file.type)) return setRedacting({ id: itemId, file: item.file });
    if (!item.upload) return;
    // HEIC and the like: edit the server's upright re-encoding (the uploader may fetch it before sending).
    try {
      const res = await fetch(mediaUrl(item.upload.id, 'full'));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const file = new File([await res.blob()], item.upload.name, { type: item.upload.mime });
      setRedacting({ id: itemId, file });
    } catch {
      notify(t('redact.cannotOpen'), 'error');
    }
  };

  const label = threadRootId ? t('composer.replyLabel') : t('composer.label');
  return (
    <div className="composer" data-testid={threadRootId ? 'thread-composer' : 'composer'}>
      {mentions.list}
      {items.length > 0 && (
        <AttachmentTray composerKey={key} items={items} locked={waiting} onRedact={(i) => void openRedaction(i)} />
      )}
      {privacy.findings.length > 0 && (
        <IdentifierWarning
          findings={privacy.findings}
          held={privacy.held}
          onRedact={redact}
          onSendAnyway={() => {
            privacy.accept();
            send(true);
          }}
        />
      )}
      <p className="visually-hidden" role="status">
        {privacy.findings.length > 0 ? t('privacy.status', { count: privacy.findings.length }) : ''}
      </p>
      <div className="composer-row">
        <button
          type="button"
          className="icon-button attach-button"
          onClick={() => picker.current?.click()}
          disabled={waiting}
          aria-label={t('attachments.add')}
          title={t('attachments.add')}
          data-testid="attach-button"
        >
          <Icon name="clip" />
        </button>
        <input
          ref={picker}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          onChange={(e) => {
            attach([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
          data-testid="attach-input"
        />
        <label htmlFor={`${id}-input`} className="visually-hidden">
          {label}
        </label>
        <textarea
          id={`${id}-input`}
          ref={ref}
          value={text}
          rows={1}
          readOnly={waiting}
          placeholder={threadRootId ? t('composer.replyPlaceholder') : t('composer.placeholder')}
          aria-describedby={`${id}-hint`}
          {...mentions.inputProps}
          aria-invalid={tooLong || undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            mentions.track(e.target.value, e.target.selectionStart);
            if (e.target.value.trim()) sendTyping(roomId, threadRootId);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => setTimeout(mentions.close, 150)}
          data-testid="composer-input"
        />
        <button
          type="button"
          className="button primary send"
          onClick={() => send()}
          disabled={empty || tooLong || waiting || uploads === 'failed'}
          data-testid="send-button"
        >
          {t('composer.send')}
        </button>
      </div>
      {waiting ? (
        <p className="composer-status" data-testid="waiting-uploads">
          <span role="status">{t('attachments.waiting')}</span>{' '}
          <span aria-hidden="true">{Math.round(overallProgress(items) * 100)}%</span>{' '}
          <button type="button" className="link-button" onClick={() => cancelWaiting(key)}>
            {t('common.cancel')}
          </button>
        </p>
      ) : uploads === 'failed' ? (
        <p className="composer-status error-text">{t('attachments.fixFailed')}</p>
      ) : null}
      <p id={`${id}-hint`} className={tooLong ? 'hint error-text' : 'hint'}>
        {tooLong ? t('composer.tooLong', { max: serverLimits().maxMessageChars }) : t('composer.hint')}
      </p>
      {redacting && (
        <RedactEditor
          file={redacting.file}
          onClose={() => setRedacting(null)}
          onApply={(file) => {
            replaceAttachmentFile(key, redacting.id, file, { redacted: true });
            setRedacting(null);
          }}
        />
      )}
    </div>
  );
}
