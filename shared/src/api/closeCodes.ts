// The websocket close codes of Flowmap's sync endpoint: a wire contract between the server (which
// closes with them) and every client (which decides from them whether to reconnect, wait, or stop
// and tell the person). The stock y-websocket provider reconnects on every code except 4400–4499.
export const CloseCode = Object.freeze({
  normal: 1000,
  goingAway: 1001,
  /** A text frame: the protocol is binary only. */
  unsupportedData: 1003,
  /** Malformed, truncated or unknown message, or a document update that cannot be applied. */
  invalidPayload: 1007,
  /** Policy: invalid map id, too many messages (`ws`: too many fragments of one message). */
  policyViolation: 1008,
  /** A message above the size limit (sent by `ws` for a frame), or an awareness update above its cap. */
  messageTooBig: 1009,
  /** Storage failed; the client reconnects and resends its state. */
  internalError: 1011,
  /** Graceful shutdown: clients reconnect by themselves. */
  serviceRestart: 1012,
  /** Room full, or too many messages while the room loads. */
  tryAgainLater: 1013,
  /** The access link was rotated (WebsocketProvider stops reconnecting on 4400–4499). */
  linkRotated: 4401,
  /** The map was deleted. */
  mapDeleted: 4404,
  /**
   * A write would take the document above its size cap. Permanent (44xx): resending the same
   * edits cannot succeed, and a client that reconnected at once would loop, burning its network's
   * connection budget (the per-IP connection rate, i.e. the whole office behind one NAT).
   */
  documentTooLarge: 4413,
  /** A write breaks a field rule of the schema (shared's writeGuard). Permanent, as above. */
  writeRefused: 4422,
});

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
