import type { FastifyInstance } from 'fastify';

/**
 * What the built web client needs and nothing more: its own scripts and styles (Vite emits no inline
 * script or style), pictures from the API and from blob: (previews of files about to be sent) and the
 * data: favicon, voice messages (media-src blob: for recordings), its own API and socket. No framing.
 */
const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Swagger UI (at /api/docs) sets inline styles from its bundle; it has no user content. */
const DOCS_CSP = APP_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

// Microphone for voice messages and camera for photo answers, from our own pages only; the rest off.
const PERMISSIONS = 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()';

/**
 * Security headers on every response, HTML and API alike (issue 11). Strict-Transport-Security only when
 * the public URL is https: sent over plain http it would be ignored, or lock out a server without TLS.
 */
export function installSecurityHeaders(app: FastifyInstance, publicUrl: string | undefined): void {
  const hsts = publicUrl?.startsWith('https:') ? 'max-age=31536000' : undefined;
  app.addHook('onSend', async (req, reply) => {
    reply.header('content-security-policy', req.url.startsWith('/api/docs') ? DOCS_CSP : APP_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('permissions-policy', PERMISSIONS);
    reply.header('x-frame-options', 'DENY');
    if (hsts) reply.header('strict-transport-security', hsts);
  });
}
