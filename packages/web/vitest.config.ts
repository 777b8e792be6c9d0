import { defineConfig } from 'vitest/config';

// Unit tests of client logic: plain Node, no DOM (none is installed).
export default defineConfig({
  test: { environment: 'node', include: ['src/**/*.test.{ts,tsx}'] },
});
