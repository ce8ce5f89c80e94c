// The agent's chat identity from what the Finesse container gives the gadget: XMPP username = Finesse id, and
// the Finesse password from the Basic authorization (or the SSO token from a Bearer one). The password exists
// only inside a Secret; it is never logged or stored.
import { err, ok, type Result } from '../../result.ts';
import { Secret } from '../../container/secret.ts';
import type { ChatCredentials } from '../../chat/chat-channel.ts';

/** Decodes base64 to UTF-8 text; null when it is not base64. */
function decodeBase64Utf8(text: string): string | null {
  try {
    const binary = atob(text);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Builds chat credentials for `agentId` from an Authorization header value ("Basic ..." or "Bearer ..."). */
export function chatCredentialsFrom(agentId: string, authorization: Secret): Result<ChatCredentials, string> {
  const value = authorization.reveal();
  const bearer = /^Bearer (\S+)$/.exec(value);
  if (bearer?.[1] !== undefined) return ok({ kind: 'token', username: agentId, token: new Secret(bearer[1]) });
  const basic = /^Basic (\S+)$/.exec(value);
  const decoded = basic?.[1] !== undefined ? decodeBase64Utf8(basic[1]) : null;
  const colon = decoded === null ? -1 : decoded.indexOf(':');
  if (decoded === null || colon < 0) {
    return err('The credentials the Finesse desktop gave the gadget are not in a form the chat server accepts (Basic id:password or a Bearer token).');
  }
  return ok({ kind: 'password', username: agentId, password: new Secret(decoded.slice(colon + 1)) });
}
