// ProsodyHandle.registerMany(): accounts written straight into Prosody's data directory sign in like accounts made
// by prosodyctl, with the password exactly as given (quotes, backslashes, non-ASCII); a wrong password is refused,
// and a name Prosody would spell differently is refused before anything is written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { XmppSession } from '../../../sim/notify/xmpp-session.ts';

let prosody: ProsodyHandle;
before(async () => {
  prosody = await startProsody({ chat: true });
});
after(async () => {
  await prosody.stop();
});

const signIn = (username: string, password: string): Promise<XmppSession> =>
  XmppSession.connect({
    websocketUrl: prosody.websocketUrl,
    jid: `${username}@${prosody.domain}`,
    password,
    resource: 'test',
  });

test('accounts written in bulk sign in with their passwords, and only with them', async () => {
  const accounts = [
    { username: 'bulk-agent.1', password: 'plain-pw-1' },
    { username: 'bulk_agent2', password: 'with "quotes" and \\ backslash' },
    { username: 'bulkagent3', password: 'non-ascii é ü 中' },
  ];
  await prosody.registerMany(accounts);
  for (const { username, password } of accounts) {
    const session = await signIn(username, password);
    await session.close();
  }
  await assert.rejects(signIn('bulkagent3', 'not-the-password'), /authentication/);
});

test('a name Prosody would spell differently is refused with the reason', async () => {
  await assert.rejects(
    prosody.registerMany([{ username: 'Upper.Case', password: 'pw' }]),
    /"Upper.Case" is not a plain account name/,
  );
});
