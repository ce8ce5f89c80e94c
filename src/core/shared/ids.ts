// Random identifiers from crypto randomness: crypto.randomUUID needs a secure context, getRandomValues does not
// (a gadget may be served over plain http in a lab).

/** A random UUID (v4), as Finesse's requestId header and Cisco's invokeIDs use. */
export function randomUuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      // Not a secure context: fall through.
    }
  }
  const hex = randomHex(16, (bytes) => {
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  });
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A unique id of 32 hex digits (XMPP stanza ids, chat ids, instance ids). */
export function randomId(): string {
  return randomHex(16);
}

function randomHex(size: number, shape?: (bytes: Uint8Array) => void): string {
  const bytes = new Uint8Array(size);
  globalThis.crypto.getRandomValues(bytes);
  shape?.(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
