import DOMPurify from 'dompurify';
import { markdownToHtml } from './markdown-core';

const FORBID_TAGS = [
  'style',
  'script',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'img',
  'svg',
  'math',
  'video',
  'audio',
  'link',
  'meta',
  'base',
];

let hooked = false;
function hook(): void {
  if (hooked) return;
  hooked = true;
  // Whatever survives, links open in a new tab without access to this window.
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      if (node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    }
  });
}

/** Message Markdown to HTML that is safe to insert: marked's escaping layer, then DOMPurify. */
export function renderMarkdown(src: string): string {
  hook();
  return DOMPurify.sanitize(markdownToHtml(src), {
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'srcset', 'formaction'],
    ADD_ATTR: ['target'],
    ALLOW_DATA_ATTR: true,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
}
