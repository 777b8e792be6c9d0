/**
 * Summarizes V8 CPU profiles written by `npm run bench -- --cpu-prof [dir]`: self time by function and by
 * module (a package under node_modules, or a file of ours).
 *   npm run profile -w @rounds/bench -- <file.cpuprofile | dir> [top] [fromSec] [toSec]
 * fromSec/toSec keep the samples of that part of the process's life (e.g. skip start-up and connecting).
 */
import fs from 'node:fs';
import path from 'node:path';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

function moduleOf(url: string): string {
  if (!url) return '(native / V8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  const pk = url.indexOf('/packages/');
  return pk >= 0 ? url.slice(pk + 1) : url;
}

function keyOf(f: Node['callFrame']): string {
  const name = f.functionName || '(anonymous)';
  return f.url ? `${name} ${moduleOf(f.url)}:${f.lineNumber + 1}` : name;
}

/** Self and inclusive time of the busy (non-idle) samples, by function and by module. */
function summarizeProfile(file: string, top = 25, fromSec = 0, toSec = Number.POSITIVE_INFINITY): string {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const mods = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  let clock = 0;
  p.samples.forEach((id, i) => {
    const us = p.timeDeltas[i] ?? 0;
    clock += us;
    if (clock < fromSec * 1e6 || clock > toSec * 1e6) return;
    const f = byId.get(id)?.callFrame;
    if (!f) return;
    if (f.functionName === '(idle)') {
      idle += us;
      return;
    }
    busy += us;
    self.set(keyOf(f), (self.get(keyOf(f)) ?? 0) + us);
    const mod = f.url ? moduleOf(f.url) : f.functionName.startsWith('(') ? f.functionName : '(native / V8)';
    mods.set(mod, (mods.get(mod) ?? 0) + us);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const cf = byId.get(n)?.callFrame;
      if (!cf?.url) continue;
      const k = keyOf(cf);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + us);
    }
  });
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>, filter: (k: string) => boolean = () => true) =>
    [...m]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${pct(us)}  ${k}`)
      .join('\n');
  return [
    `${path.basename(file)}: ${(busy / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle; percentages of busy time`,
    `by module (self):\n${list(mods)}`,
    `by function (self):\n${list(self)}`,
    `by function of packages/ (inclusive):\n${list(incl, (k) => k.includes('packages/'))}`,
  ].join('\n');
}

const target = process.argv[2];
if (target) {
  const files = fs.statSync(target).isDirectory()
    ? fs
        .readdirSync(target)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => path.join(target, f))
    : [target];
  // Skip near-empty profiles (e.g. tsx's loader thread).
  for (const f of files.filter((x) => fs.statSync(x).size > 600_000))
    console.log(
      `${summarizeProfile(f, Number(process.argv[3] ?? 25), Number(process.argv[4] ?? 0), Number(process.argv[5] ?? Number.POSITIVE_INFINITY))}\n`,
    );
}
