// The agent's chat identity from what the Finesse container gives the gadget: XMPP username = Finesse id, and
// the Finesse password from the Basic authorization (or the SSO token from a Bearer one). The password exists
// only inside a Secret; it is never logged or stored.
import { err, ok, type Result } from '../../result.ts';
import { Secret } from '../../container/secret.ts';
import type { ChatCredentials } from '../../chat/chat-channel.ts';
import { decodeBasicAuthorization } from '../../finesse/rest/finesse-auth.ts';

/** Builds chat credentials for `agentId` from an Authorization header value ("Basic ..." or "Bearer ..."). */
export function chatCredentialsFrom(agentId: string, authorization: Secret): Result<ChatCredentials, string> {
  const value = authorization.reveal();
  const bearer = /^Bearer (\S+)$/.exec(value);
  if (bearer?.[1] !== undefined) return ok({ kind: 'token', username: agentId, token: new Secret(bearer[1]) });
  const basic = decodeBasicAuthorization(value);
  if (basic === null) {
    return err(
      'The credentials the Finesse desktop gave the gadget are not in a form the chat server accepts (Basic id:password or a Bearer token).',
    );
  }
  return ok({ kind: 'password', username: agentId, password: basic.password });
}
