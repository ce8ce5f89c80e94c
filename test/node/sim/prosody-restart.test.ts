// ProsodyHandle.restart(): the same server comes back on the same ports with its data, so an account
// registered before still signs in and a chat room's archive (XEP-0313) still holds what was said.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { $iq, $msg, $pres } from 'strophe.js';
import { startProsody } from '../../../sim/prosody/start-prosody.ts';
import { XmppSession } from '../../../sim/notify/xmpp-session.ts';

const MUC_OWNER = 'http://jabber.org/protocol/muc#owner';
const MAM = 'urn:xmpp:mam:2';

/** The bodies a MAM query on `room` returns, in archive order. */
async function archivedBodies(session: XmppSession, room: string, queryid: string): Promise<string[]> {
  const bodies: string[] = [];
  session.onMessage((message) => {
    const result = message.getElementsByTagNameNS(MAM, 'result')[0];
    if (result?.getAttribute('queryid') !== queryid) return;
    const body = result.getElementsByTagName('body')[0];
    if (body) bodies.push(body.textContent ?? '');
  });
  // The server sends every result message before the IQ result that ends the query.
  await session.sendIQ($iq({ type: 'set', to: room }).c('query', { xmlns: MAM, queryid }), 'MAM query');
  return bodies;
}

test('after restart() the server answers on the same ports; accounts and a room archive survive', async () => {
  const prosody = await startProsody({ chat: true });
  const sessions: XmppSession[] = [];
  const signIn = async (): Promise<XmppSession> => {
    const s = await XmppSession.connect({
      websocketUrl: prosody.websocketUrl,
      jid: `dana@${prosody.domain}`,
      password: 'dana-pw',
      resource: 'test',
    });
    sessions.push(s);
    return s;
  };
  try {
    await prosody.register('dana', 'dana-pw');
    const room = `restart-check@${prosody.mucDomain}`;
    const before = await signIn();
    // Join (creates the room), make it persistent, say something, and wait for the room to echo it.
    const echoed = new Promise<void>((resolve) =>
      before.onMessage((m) => {
        if (
          m.getAttribute('type') === 'groupchat' &&
          m.getElementsByTagName('body')[0]?.textContent === 'said before the restart'
        )
          resolve();
      }),
    );
    before.send($pres({ to: `${room}/dana` }).c('x', { xmlns: 'http://jabber.org/protocol/muc' }));
    await before.sendIQ(
      $iq({ type: 'set', to: room })
        .c('query', { xmlns: MUC_OWNER })
        .c('x', { xmlns: 'jabber:x:data', type: 'submit' })
        .c('field', { var: 'FORM_TYPE' })
        .c('value')
        .t('http://jabber.org/protocol/muc#roomconfig')
        .up()
        .up()
        .c('field', { var: 'muc#roomconfig_persistentroom' })
        .c('value')
        .t('1'),
      'room configuration',
    );
    before.send($msg({ to: room, type: 'groupchat' }).c('body').t('said before the restart'));
    await echoed;
    await before.close(); // the room is persistent: it and its archive stay without occupants
    const ports = { c2s: prosody.c2sPort, http: prosody.httpPort, ws: prosody.websocketUrl };

    let downSeen = false;
    await prosody.restart(async () => {
      // While it is down nothing answers on its HTTP port.
      downSeen = await fetch(prosody.boshUrl).then(
        () => false,
        () => true,
      );
    });
    assert.equal(downSeen, true, 'the server was down between stop and start');
    assert.deepEqual({ c2s: prosody.c2sPort, http: prosody.httpPort, ws: prosody.websocketUrl }, ports);

    const after = await signIn();
    assert.deepEqual(await archivedBodies(after, room, 'q-after-restart'), ['said before the restart']);
  } finally {
    for (const s of sessions) await s.close();
    await prosody.stop();
  }
});

test('a failing whileDown still gets the server back; stop() during a restart waits for it; restart() after stop() is refused', async () => {
  const prosody = await startProsody();
  await assert.rejects(
    prosody.restart(() => {
      throw new Error('the test step failed');
    }),
    /the test step failed/,
  );
  assert.equal((await fetch(prosody.boshUrl)).ok, true, 'the server answers again');
  const restarting = prosody.restart();
  const stopping = prosody.stop();
  await restarting;
  await stopping;
  await assert.rejects(fetch(prosody.boshUrl), 'nothing answers on the old port');
  await assert.rejects(prosody.restart(), /stopped/);
});
