import { describe, expect, it } from 'vitest';
import { markdownToHtml, safeHref } from './markdown-core';

describe('markdownToHtml', () => {
  it('renders basic markdown', () => {
    expect(markdownToHtml('**bold** and *it*')).toContain('<strong>bold</strong>');
    expect(markdownToHtml('- a\n- b')).toContain('<li>a</li>');
  });

  it('shows raw HTML as text', () => {
    const html = markdownToHtml('<img src=x onerror=alert(1)>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdownToHtml('<script>alert(1)</script>')).not.toContain('<script');
    expect(markdownToHtml('hi <style>body{display:none}</style>')).not.toContain('<style');
  });

  it('neutralises javascript: and data: links but keeps their text', () => {
    const html = markdownToHtml('[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](data:text/html,hi)');
    expect(html).not.toMatch(/href/);
    expect(html).toContain('x');
    expect(markdownToHtml('[a](java\tscript:alert(1))')).not.toMatch(/href/);
    expect(markdownToHtml('<javascript:alert(1)>')).not.toMatch(/href="javascript/i);
  });

  it('gives safe links rel=noopener and a new tab', () => {
    const html = markdownToHtml('[who](https://who.int/covid)');
    expect(html).toContain('href="https://who.int/covid"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('target="_blank"');
  });

  it('escapes attribute-breaking quotes in titles', () => {
    const html = markdownToHtml('[a](https://x.org "t\\" onmouseover=\\"alert(1)")');
    expect(html).not.toMatch(/" onmouseover=/);
  });

  it('turns images into links instead of loading them', () => {
    const html = markdownToHtml('![scan](https://example.org/x.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('href="https://example.org/x.png"');
  });

  it('marks @mentions but not e-mail addresses', () => {
    expect(markdownToHtml('ask @dr.li please')).toContain(
      '<span class="mention" data-handle="dr.li" role="button" tabindex="0">@dr.li</span>',
    );
    expect(markdownToHtml('thanks @wang.')).toContain('data-handle="wang"');
    expect(markdownToHtml('write to a@example.org')).not.toContain('mention');
    expect(markdownToHtml('`@code`')).not.toContain('mention');
  });

  it('keeps Chinese text intact', () => {
    expect(markdownToHtml('发热门诊消毒流程 **重要**')).toContain('发热门诊消毒流程 <strong>重要</strong>');
  });
});

describe('safeHref', () => {
  it('accepts http, https and mailto only', () => {
    expect(safeHref('https://a.org')).toBe('https://a.org/');
    expect(safeHref('mailto:a@b.org')).toBe('mailto:a@b.org');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' javascript:alert(1)')).toBeNull();
    expect(safeHref('vbscript:x')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
  });
});
