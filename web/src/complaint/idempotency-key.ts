/**
 * One `Idempotency-Key` per filled-in form: a double click, a second Enter or
 * a retry after a lost connection sends the same key, so the server files the
 * complaint once. The key is renewed only when an answer says what happened
 * (filed, or refused as invalid): the next submission is then a new filing.
 */
function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class IdempotencyKey {
  private key = randomUuid();

  current(): string {
    return this.key;
  }

  renew(): void {
    this.key = randomUuid();
  }
}
