import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as protocol from '@rounds/protocol';
import {
  AckData,
  ClientCommand,
  type ClientCommandType,
  clientCommandTypes,
  ErrorCode,
  PROTOCOL_VERSION,
  PublicUser,
  ServerEvent,
  ServerFrame,
} from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { httpStatus } from './errors';
import { startTestServer } from './test/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

// docs/errors.md: one row per error code

/** `| \`code\` | status | when |` rows of the table. */
function errorRows(md: string): { code: string; status: number; line: number }[] {
  const rows: { code: string; status: number; line: number }[] = [];
  md.split('\n').forEach((text, i) => {
    const m = /^\|\s*`([^`]+)`\s*\|\s*([^|]*?)\s*\|/.exec(text);
    if (m) rows.push({ code: m[1] as string, status: Number(m[2]), line: i + 1 });
  });
  return rows;
}

describe('docs/errors.md', () => {
  const rows = errorRows(read('docs/errors.md'));
  const codes = Object.values(ErrorCode) as string[];

  it('has a row for every error code, with its HTTP status', () => {
    const problems: string[] = [];
    for (const code of codes) {
      const mine = rows.filter((r) => r.code === code);
      if (mine.length !== 1) problems.push(`${code}: ${mine.length} rows`);
      else if (mine[0]?.status !== httpStatus[code as ErrorCode]) {
        problems.push(`${code}: status ${mine[0]?.status}, server says ${httpStatus[code as ErrorCode]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names only existing error codes', () => {
    const unknown = rows.filter((r) => !codes.includes(r.code)).map((r) => `line ${r.line}: ${r.code}`);
    expect(unknown).toEqual([]);
  });
});

// docs/PROTOCOL.md: every example is valid

type Block = { lang: string; text: string; line: number; annotation: string | undefined };

/** Fenced code blocks, each with the `<!-- ... -->` comment on the line before it, if any. */
function codeBlocks(md: string): Block[] {
  const lines = md.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i] as string);
    if (!open) continue;
    const indent = open[1] as string;
    let end = i + 1;
    while (end < lines.length && (lines[end] as string).trim() !== '```') end++;
    const body = lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
    let prev = i - 1;
    while (prev >= 0 && (lines[prev] as string).trim() === '') prev--;
    const note = /^<!--\s*(.+?)\s*-->$/.exec((lines[prev] ?? '').trim());
    blocks.push({ lang: open[2] as string, text: body.join('\n'), line: i + 1, annotation: note?.[1] });
    i = end;
  }
  return blocks;
}

/** Schemas of REST examples that have no exported name in the protocol package. */
const extraSchemas: Record<string, z.ZodType> = {
  UserList: z.object({ users: z.array(PublicUser) }),
};

function schemaNamed(name: string): z.ZodType | undefined {
  const exported = (protocol as Record<string, unknown>)[name];
  if (exported instanceof z.ZodType) return exported;
  return extraSchemas[name];
}

/** Paths of keys in `input` that parsing dropped: fields the schema does not know (stale or misspelt). */
function droppedKeys(input: unknown, parsed: unknown, at = ''): string[] {
  if (Array.isArray(input) && Array.isArray(parsed)) {
    return input.flatMap((v, i) => droppedKeys(v, parsed[i], `${at}[${i}]`));
  }
  if (input && typeof input === 'object' && parsed && typeof parsed === 'object') {
    return Object.entries(input).flatMap(([k, v]) =>
      k in parsed ? droppedKeys(v, (parsed as Record<string, unknown>)[k], `${at}.${k}`) : [`${at}.${k}`],
    );
  }
  return [];
}

const serverEventTypes = ServerEvent.options.map((o) => o.shape.type.value) as string[];
const controlFrameTypes = ['ack', 'error', 'reconnect', 'resync'];

describe('docs/PROTOCOL.md', () => {
  const md = read('docs/PROTOCOL.md');
  const blocks = codeBlocks(md);
  const jsonBlocks = blocks.filter((b) => b.lang === 'json');

  /** Validates every JSON block and reports what kinds of frames the document shows. */
  function checkExamples() {
    const problems: string[] = [];
    const commands = new Set<string>();
    const acked = new Set<string>();
    const serverFrames = new Set<string>();
    const lastCommandByRef = new Map<string | number, ClientCommandType>();
    const fail = (b: Block, what: string) => problems.push(`line ${b.line}: ${what}`);
    const check = (b: Block, schema: z.ZodType, value: unknown, what: string) => {
      const r = schema.safeParse(value);
      if (!r.success) fail(b, `${what}: ${z.prettifyError(r.error)}`);
      else {
        const dropped = droppedKeys(value, r.data);
        if (dropped.length > 0) fail(b, `${what}: unknown fields ${dropped.join(', ')}`);
      }
      return r.success;
    };

    for (const b of jsonBlocks) {
      let value: unknown;
      try {
        value = JSON.parse(b.text);
      } catch (err) {
        fail(b, `not JSON (${(err as Error).message})`);
        continue;
      }
      if (b.annotation?.startsWith('schema:')) {
        const name = b.annotation.slice('schema:'.length).trim();
        const schema = schemaNamed(name);
        if (!schema) fail(b, `unknown schema ${name}`);
        else check(b, schema, value, name);
        continue;
      }
      const frame = value as Record<string, unknown>;
      if (b.annotation === 'invalid-frame') {
        if (ClientCommand.safeParse(frame).success) fail(b, 'marked invalid-frame but is a valid command');
        continue;
      }
      if (b.annotation !== undefined) {
        fail(b, `unknown annotation "${b.annotation}"`);
        continue;
      }
      if (typeof frame !== 'object' || frame === null || typeof frame.type !== 'string') {
        fail(b, 'a JSON example without a schema annotation must be a frame with a "type"');
        continue;
      }
      const type = frame.type;
      if (clientCommandTypes.includes(type as ClientCommandType) && 'ref' in frame) {
        if (!check(b, ClientCommand, frame, `command ${type}`)) continue;
        if (type === 'hello' && frame.version !== PROTOCOL_VERSION && frame.version !== PROTOCOL_VERSION + 1) {
          fail(b, `hello with version ${String(frame.version)}`);
        }
        commands.add(type);
        lastCommandByRef.set(frame.ref as string | number, type as ClientCommandType);
        continue;
      }
      if (!check(b, ServerFrame, frame, `server frame ${type}`)) continue;
      serverFrames.add(type);
      if (type === 'ack') {
        const command = lastCommandByRef.get(frame.ref as string | number);
        if (!command) fail(b, `ack with ref ${JSON.stringify(frame.ref)} follows no command with that ref`);
        else if (check(b, AckData[command], frame.data, `ack of ${command}`)) acked.add(command);
      }
    }
    return { problems, commands, acked, serverFrames };
  }

  it('has only valid example frames and bodies', () => {
    expect(jsonBlocks.length).toBeGreaterThan(40);
    expect(checkExamples().problems).toEqual([]);
  });

  it('shows every client command with its ack', () => {
    const { commands, acked } = checkExamples();
    expect(clientCommandTypes.filter((t) => !commands.has(t))).toEqual([]);
    expect(clientCommandTypes.filter((t) => !acked.has(t))).toEqual([]);
    for (const type of clientCommandTypes) expect(md).toContain(`\`${type}\``);
  });

  it('shows every server event and control frame', () => {
    const { serverFrames } = checkExamples();
    const expected = [...serverEventTypes, ...controlFrameTypes];
    expect(expected.filter((t) => !serverFrames.has(t))).toEqual([]);
    for (const type of expected) expect(md).toContain(`\`${type}\``);
  });

  it('lists every REST route, and only real ones', async () => {
    await using srv = await startTestServer();
    const spec = (await (await fetch(`${srv.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const real = Object.entries(spec.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const documented = [...md.matchAll(/^\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|\s*(\/\S*)\s*\|/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(real.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((d) => !real.includes(d))).toEqual([]);
  });

  it('embeds docs/examples/client.mjs verbatim, and that client works against a real server', async () => {
    const file = read('docs/examples/client.mjs').trim();
    expect(blocks.some((b) => b.lang === 'js' && b.text.trim() === file)).toBe(true);

    await using srv = await startTestServer();
    const child = spawn(process.execPath, [path.join(root, 'docs/examples/client.mjs'), srv.url], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const timer = setTimeout(() => child.kill(), 25_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    expect(output).toMatch(/reconnected; sync brought seq \d+/);
    expect({ code, output }).toMatchObject({ code: 0 });
  });
});

describe('the node flags the server runs with', () => {
  const flags = JSON.parse(read('packages/server/node-flags.json')) as string[];

  it('are the same in node-flags.json, the rounds command, npm start and the systemd unit', () => {
    expect(flags.length).toBeGreaterThan(0);
    const shebang = read('packages/server/bin/rounds.mjs').split('\n')[0] ?? '';
    const execStart = /^ExecStart=(.*)$/m.exec(read('docs/OPERATIONS.md'))?.[1] ?? '';
    for (const flag of flags) {
      expect(shebang.split(' ')).toContain(flag);
      expect(execStart.split(' ')).toContain(flag);
    }
    expect(read('scripts/start.mjs')).toContain('node-flags.json');
  });

  it('are accepted by this node', async () => {
    const child = spawn(process.execPath, [...flags, '-e', 'process.exit(0)'], { stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});
