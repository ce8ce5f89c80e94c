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
