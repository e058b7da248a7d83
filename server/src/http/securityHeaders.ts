// Security headers for every HTTP answer, set in one hook so no route can forget them. The pages'
// URLs hold a map token (`/m/<id>?token=…`), so nothing may leak it onwards (no Referer) or keep
// it (no cache entry keyed by it); and the editor runs only its own scripts, so an injected one
// has nowhere to come from.
import type { FastifyInstance } from 'fastify';

export const DEFAULT_FRAME_ANCESTORS = "'self'";

/**
 * The editor's Content-Security-Policy: only what the built client needs, checked in Chromium by
 * e2e/specs/security.spec.ts (library, editor with two participants, a drag, an export download,
 * the snapshots view and its charts: no violation). Its own module scripts and stylesheets; no
 * inline style is needed (React, React Flow and Chart.js set styles through the CSSOM, which the
 * CSP does not govern), nor data: or blob: images (an export is downloaded from a blob: URL by a
 * link, not shown). Fetch and the websocket go to its own origin: CSP Level 3 `'self'` matches
 * ws:/wss: on the same host and port. No plugins, no `<base>`, forms post only here. Zod's probe
 * for eval is switched off in the client (shared/src/model/noEval.ts).
 */
export function pagePolicy(frameAncestors: string = DEFAULT_FRAME_ANCESTORS): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export function registerSecurityHeaders(
  app: FastifyInstance,
  options: { frameAncestors?: string | undefined } = {},
): void {
  const policy = pagePolicy(options.frameAncestors);
  // onSend runs for every answer (routes, static files, 404s, errors) after the route set its
  // own headers, so a route's stricter policy (the SVG export's) stays.
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    if (!reply.hasHeader('Content-Security-Policy')) {
      reply.header('Content-Security-Policy', policy);
    }
    // Every API answer may hold a token or map data; a page's URL holds a token. Static assets
    // (hashed file names, no secrets) keep @fastify/static's caching.
    const type = String(reply.getHeader('Content-Type') ?? '');
    if (req.url.startsWith('/api/') || type.startsWith('text/html')) {
      reply.header('Cache-Control', 'no-store');
    }
    return payload;
  });
}
