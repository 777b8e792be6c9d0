/**
 * Summarizes V8 CPU profiles written by `npm run bench -- --cpu-prof [dir]`: self time by function and by
 * module (a package under node_modules, or a file of ours).
 *   npx tsx src/profile.ts <file.cpuprofile | dir> [top]
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

function summarizeProfile(file: string, top = 25): string {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const mods = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const f = byId.get(id)?.callFrame;
    if (!f) continue;
    const name = f.functionName || '(anonymous)';
    const where = f.url ? `${moduleOf(f.url)}:${f.lineNumber + 1}` : '';
    const key = `${name} ${where}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
    const mod = f.url ? moduleOf(f.url) : name.startsWith('(') ? name : '(native / V8)';
    mods.set(mod, (mods.get(mod) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${pct(us)}  ${k}`)
      .join('\n');
  return `${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled\nby module:\n${list(mods)}\nby function (self time):\n${list(fns)}`;
}

const target = process.argv[2];
if (target) {
  const files = fs.statSync(target).isDirectory()
    ? fs.readdirSync(target).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(target, f))
    : [target];
  for (const f of files) console.log(`${summarizeProfile(f, Number(process.argv[3] ?? 25))}\n`);
}
