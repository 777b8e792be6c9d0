import { describe, expect, it } from 'vitest';
import { completeMention, mentionQuery, rankCandidates } from './mention';

describe('mentionQuery', () => {
  it('finds the handle being typed', () => {
    expect(mentionQuery('hello @li', 9)).toEqual({ query: 'li', start: 6 });
    expect(mentionQuery('@', 1)).toEqual({ query: '', start: 0 });
    expect(mentionQuery('请问 @wang', 8)).toEqual({ query: 'wang', start: 3 });
  });
  it('ignores e-mail addresses and finished mentions', () => {
    expect(mentionQuery('mail a@b', 8)).toBeNull();
    expect(mentionQuery('@li done', 8)).toBeNull();
  });
});

describe('completeMention', () => {
  it('inserts the handle and a space at the caret', () => {
    expect(completeMention('hi @l', 3, 5, 'li.wei')).toEqual({ text: 'hi @li.wei ', caret: 11 });
    expect(completeMention('hi @l there', 3, 5, 'li')).toEqual({ text: 'hi @li there', caret: 7 });
  });
});

describe('rankCandidates', () => {
  it('prefers handle prefixes, then name prefixes, then substrings', () => {
    const list = [
      { handle: 'zhang', displayName: 'Li Zhang' },
      { handle: 'li', displayName: 'Wei Li' },
      { handle: 'amelia', displayName: 'Amelia' },
    ];
    expect(rankCandidates(list, 'li').map((c) => c.handle)).toEqual(['li', 'zhang', 'amelia']);
    expect(rankCandidates(list, 'x')).toEqual([]);
  });
});
