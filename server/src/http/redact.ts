// Tokens travel in query strings (`/m/<id>?token=…`, `/sync/<id>?token=…`); logs must never
// contain them, so every URL is passed through here before it is logged. Matching parameter names
// is not enough: `?%74oken=` is `token` once decoded (URLSearchParams and Fastify's query parser
// both accept it), and a name can be spelled in endless other ways. So every value is redacted,
// whatever its name: the path and the parameter names are what a log reader needs.

export function redactUrl(url: string | undefined): string {
  const raw = url ?? '';
  const start = raw.indexOf('?');
  if (start < 0) return raw;
  // A fragment never reaches a server from a browser; whatever follows `#` is dropped too.
  const end = raw.indexOf('#', start);
  const query = raw.slice(start + 1, end < 0 ? undefined : end);
  const parts = query.split('&').map((part) => {
    const eq = part.indexOf('=');
    // A bare `?<something>` may be a token pasted without its name.
    if (eq < 0) return part === '' ? '' : '[redacted]';
    return `${part.slice(0, eq)}=[redacted]`;
  });
  return `${raw.slice(0, start)}?${parts.join('&')}`;
}

/**
 * Free text that may quote a URL (an error's message or stack): every `name=value` after a `?`
 * or `&` loses its value, up to the next space or quote.
 */
export function redactText(text: string): string {
  return text.replace(/([?&][^=&#\s"'`]*=)[^&#\s"'`]*/g, '$1[redacted]');
}
