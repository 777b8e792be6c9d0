import { memo, useMemo } from 'react';
import { renderMarkdown } from '../../lib/markdown';
import { openProfileByHandle } from '../profile/profile-card';

/** Message Markdown rendered through the sanitizer; a click on an @mention opens that person's card. */
export const MessageBody = memo(function MessageBody({ body, myHandle }: { body: string; myHandle: string }) {
  const html = useMemo(() => {
    const out = renderMarkdown(body);
    return myHandle ? out.replaceAll(`data-handle="${myHandle}"`, `data-handle="${myHandle}" data-me="true"`) : out;
  }, [body, myHandle]);
  const open = (target: EventTarget) => {
    const handle = (target as HTMLElement).closest('.mention')?.getAttribute('data-handle');
    if (handle) void openProfileByHandle(handle);
    return Boolean(handle);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: delegates clicks and keys to the focusable @mention chips inside
    <div
      className="markdown"
      data-testid="message-body"
      onClick={(e) => open(e.target)}
      onKeyDown={(e) => {
        if ((e.key === 'Enter' || e.key === ' ') && open(e.target)) e.preventDefault();
      }}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by marked's escaping renderer and DOMPurify
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
});
