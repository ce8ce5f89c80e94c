// How the REST client authenticates, and the one place the Authorization header value is built.

import { Secret } from '../../container/secret.ts';

/** Credentials for Finesse REST: Basic id/password, an SSO Bearer token, or a ready header from the container. */
export type FinesseAuth =
  | { readonly kind: 'basic'; readonly id: string; readonly password: Secret | string }
  | { readonly kind: 'bearer'; readonly token: Secret | string }
  | { readonly kind: 'header'; readonly value: Secret | string };

const reveal = (value: Secret | string): string => (typeof value === 'string' ? value : value.reveal());

/** Base64 of UTF-8 text (btoa alone only takes Latin-1; passwords may not be). */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes base64 to UTF-8 text; null when it is not base64 or not UTF-8. */
function decodeBase64Utf8(text: string): string | null {
  try {
    const binary = atob(text);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The id and password inside a "Basic base64(id:password)" header value; null for anything else. */
export function decodeBasicAuthorization(header: string): { readonly id: string; readonly password: Secret } | null {
  const basic = /^Basic (\S+)$/.exec(header);
  const decoded = basic?.[1] !== undefined ? decodeBase64Utf8(basic[1]) : null;
  const colon = decoded === null ? -1 : decoded.indexOf(':');
  if (decoded === null || colon < 1) return null;
  return { id: decoded.slice(0, colon), password: new Secret(decoded.slice(colon + 1)) };
}

/** The Authorization header value for these credentials, wrapped so it cannot be printed by accident. */
export function authorizationHeader(auth: FinesseAuth): Secret {
  switch (auth.kind) {
    case 'basic':
      return new Secret(`Basic ${base64Utf8(`${auth.id}:${reveal(auth.password)}`)}`);
    case 'bearer':
      return new Secret(`Bearer ${reveal(auth.token)}`);
    case 'header':
      return new Secret(reveal(auth.value));
  }
}
