#!/usr/bin/env node
// The picture worker: a child process of a Rounds server that decodes and re-encodes uploads with sharp.
// It lowers its own scheduling priority before anything starts threads (libuv's pool and libvips' threads
// inherit it), so on a busy machine the server's event loop always gets a core first; and a decoder crash
// on a hostile file ends this process, not the server.
import os from 'node:os';
import { register } from 'tsx/esm/api';

try {
  os.setPriority(10);
} catch {
  // Not permitted here: run at normal priority.
}
register();
await import('../src/features/media/image-worker.ts');
