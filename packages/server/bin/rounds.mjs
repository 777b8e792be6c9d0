#!/usr/bin/env -S node --initial-old-space-size=256
// The `rounds` CLI: loads the TypeScript sources through tsx, in this process, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
