import type { ErrorCode, ErrorResponse } from '@rounds/protocol';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import type { Deps } from '../context';
import { AppError, httpStatus } from '../errors';
import { storageFullError } from '../storage-full';

function body(code: ErrorCode, message: string, details?: unknown): ErrorResponse {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Turns every failure into `{error: {code, message, details?}}`; unexpected ones are logged, never echoed. */
export function installErrorHandler(app: FastifyInstance, deps: Deps): void {
  app.setErrorHandler((thrown: FastifyError | AppError | Error, req, reply) => {
    const err = storageFullError(deps, thrown) ?? thrown;
    if (err instanceof AppError) {
      if (err.code === 'rate_limited' || err.code === 'storage_full') {
        const ms = (err.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 1000;
        reply.header('retry-after', Math.ceil(ms / 1000));
      }
      return reply.status(httpStatus[err.code]).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message,
      }));
      return reply.status(400).send(body('validation_failed', 'The request is not valid.', { issues }));
    }
    if (err instanceof ZodError) {
      const issues = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reply.status(400).send(body('validation_failed', 'The request is not valid.', { issues }));
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(body('payload_too_large', 'The request body is too large.'));
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(400).send(body('validation_failed', 'Send application/json.'));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors: bad JSON, empty body with a JSON content type, and the like.
      return reply.status(fe.statusCode).send(body('validation_failed', fe.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('internal', 'Something went wrong on our side.'));
  });
}
