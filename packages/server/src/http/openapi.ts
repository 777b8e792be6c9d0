import { allRoutes, binary, multipartFile, noContent } from '@rounds/protocol';

type Operation = {
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};
type OpenApiDoc = { paths?: Record<string, Record<string, Operation>> };

/**
 * Adds to the generated document what Fastify's schemas cannot carry: bodiless and binary responses and the
 * multipart upload body. Everything else (summary, description, tags, JSON bodies, error responses) comes
 * from the route contracts through `route()`.
 */
export function describeContracts<T>(doc: T): T {
  const paths = (doc as OpenApiDoc).paths ?? {};
  for (const c of allRoutes) {
    const op = paths[`/api/v1${c.path.replace(/:([A-Za-z]+)/g, '{$1}')}`]?.[c.method.toLowerCase()];
    if (!op) continue;
    const responses = { ...(op.responses ?? {}) };
    // Fastify's swagger adds a "200 Default Response" when no 2xx schema is given.
    if (!c.responses[200]) delete responses['200'];
    for (const [status, spec] of Object.entries(c.responses)) {
      if (spec === noContent) responses[status] = { description: 'No content.' };
      if (spec === binary) {
        responses[status] = {
          description: 'The bytes, with the stored content type.',
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        };
      }
    }
    op.responses = responses;
    if (c.body === multipartFile) {
      op.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: [multipartFile.field],
              properties: { [multipartFile.field]: { type: 'string', format: 'binary', description: 'The file.' } },
            },
          },
        },
      };
    }
  }
  return doc;
}
