import type { ErrorCode, ErrorResponse } from '@rounds/protocol';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
    if (fe.statusCode === 413) {
      // Fastify's and @fastify/multipart's own size limits (file too large, too many files or fields).
      return reply.status(413).send(body('payload_too_large', fe.message));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors: bad JSON, empty body with a JSON content type, a bad multipart
      // request, and the like. The status is the code's (400), not Fastify's (406, 415...), as docs/errors.md says.
      return reply.status(400).send(body('validation_failed', fe.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('internal', 'Something went wrong on our side.'));
  });
}

/**
 * Fastify's `frameworkErrors`: failures of the router before any route runs (a URL that cannot be decoded,
 * FST_ERR_BAD_URL; a path parameter over the router's length limit, FST_ERR_MAX_PARAM_LENGTH, which Fastify
 * would answer 414). Both are `validation_failed` in the documented shape.
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const message =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long.' : 'The URL cannot be decoded.';
  void reply.status(400).send(body('validation_failed', message, { issues: [{ path: 'url', message }] }));
}
