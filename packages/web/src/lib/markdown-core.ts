import { Marked, type Tokens } from 'marked';

/**
 * Markdown to HTML, the first of two layers (the second is DOMPurify, in markdown.ts): raw HTML in a
 * message is shown as text, only http(s) and mailto links survive (others become plain text), every link
 * opens in a new tab with rel=noopener, images become links (no remote loads: tracking, patient privacy),
 * and `@handle` becomes a mention chip.
 */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);
}

/** Accepts only absolute http(s) and mailto URLs; anything else (javascript:, data:, vbscript:) is refused. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:"), so strip them first.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  let url: URL;
  try {
    url = new URL(compact);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null;
  return url.href;
}

const HANDLE = /^@([a-z0-9][a-z0-9._-]{1,31})/;

const mention = {
  name: 'mention',
  level: 'inline' as const,
  start(src: string) {
    const m = /(^|[^\w@.\-/])@[a-z0-9]/.exec(src);
    return m ? m.index + m[1]!.length : undefined;
  },
  tokenizer(src: string) {
    const m = HANDLE.exec(src);
    if (!m) return undefined;
    const handle = m[1]!.replace(/[.\-_]+$/, '');
    return { type: 'mention', raw: `@${handle}`, handle };
  },
  renderer(token: Tokens.Generic) {
    const h = escapeHtml(String(token.handle));
    return `<span class="mention" data-handle="${h}" role="button" tabindex="0">@${h}</span>`;
  },
};

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  extensions: [mention],
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }) {
      const inner = this.parser.parseInline(tokens);
      const safe = safeHref(href);
      if (!safe) return inner;
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(safe)}"${t} target="_blank" rel="noopener noreferrer nofollow">${inner}</a>`;
    },
    image({ href, text }) {
      const safe = safeHref(href);
      const label = escapeHtml(text || href || '');
      if (!safe) return label;
      return `<a href="${escapeHtml(safe)}" target="_blank" rel="noopener noreferrer nofollow">🖼 ${label}</a>`;
    },
  },
});

/** Markdown to (not yet sanitized) HTML. */
export function markdownToHtml(src: string): string {
  return marked.parse(src, { async: false }) as string;
}
