// Tokens travel in query strings (`/m/<id>?token=…`, `/sync/<id>?token=…`); logs must never
// contain them, so every URL is passed through here before it is logged.
const SECRET_PARAMS = /([?&](?:token|key)=)[^&#]*/gi;

export function redactUrl(url: string | undefined): string {
  return (url ?? '').replace(SECRET_PARAMS, '$1[redacted]');
}
