import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, MemberRole, professions } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zh from './zh-CN.json';

type Tree = { [k: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
/** `rooms.unread_one` and `rooms.unread_other` are the plural forms of `rooms.unread`. */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const enKeys = new Set([...flatten(en as Tree).keys()].map(base));
const zhKeys = new Set([...flatten(zh as Tree).keys()].map(base));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('translations', () => {
  it('English and Chinese have the same keys', () => {
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('every key used in the code exists', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('covers every error code, profession and role', () => {
    const dynamic = [
      ...Object.values(ErrorCode).map((c) => `errors.${c}`),
      ...professions.map((p) => `profession.${p}`),
      ...MemberRole.options.map((r) => `roles.${r}`),
      'errors.network',
      'errors.disconnected',
      'errors.timeout',
    ];
    expect(dynamic.filter((k) => !enKeys.has(k) || !zhKeys.has(k))).toEqual([]);
  });
});
