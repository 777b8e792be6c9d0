import { z } from 'zod';

// Zod compiles object parsers with `new Function` when it can; under the server's Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') its probe for that is reported as a violation. Parse without it.
// Imported first in main.tsx, before any schema is used (issue 11).
z.config({ jitless: true });
