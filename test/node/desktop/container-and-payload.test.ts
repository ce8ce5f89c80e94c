// The pure parts of the desktop stand-in: the hub payload of a notification, the prefs a gadget gets, and the
// container requests (active tab, set active tab, reload).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notificationPayload } from '../../../sim/desktop/client/hub-payload.ts';
import {
  finessePrefs,
  prefsFragment,
  CREDENTIAL_STORAGE_KEY,
  storeCredential,
  clearCredential,
} from '../../../sim/desktop/client/finesse-prefs.ts';
import {
  handleContainerRequest,
  panelIdFor,
  type ContainerTabs,
} from '../../../sim/desktop/client/container-services.ts';

const UPDATE =
  '<Update><event>PUT</event><requestId></requestId><source>/finesse/api/User/1001001</source>' +
  '<data><user><loginId>1001001</loginId><state>READY</state><pendingState/></user></data></Update>';

test('a notification goes on the hub as {content: node path + XML, object}, read as object.Update.data.user.state', () => {
  const payload = notificationPayload('/finesse/api/User/1001001', UPDATE);
  assert.equal(payload.content, `/finesse/api/User/1001001${UPDATE}`);
  const object = payload.object as {
    Update: { event: string; requestId: unknown; data: { user: { state: string; pendingState: unknown } } };
  };
  assert.equal(object.Update.data.user.state, 'READY');
  assert.equal(object.Update.event, 'PUT');
  assert.equal(object.Update.data.user.pendingState, null, "an empty element is null, as in the library's converter");
  assert.equal(object.Update.requestId, null);
});

test('repeated elements become an array, attributes "@name"; an unreadable document still goes out with object null', () => {
  const many = notificationPayload('/n', '<a x="1"><b>1</b><b>2</b></a>').object as {
    a: { '@x': string; b: string[] };
  };
  assert.deepEqual(many.a.b, ['1', '2']);
  assert.equal(many.a['@x'], '1');
  const broken = notificationPayload('/finesse/api/User/1', '<Update><data>');
  assert.equal(broken.content, '/finesse/api/User/1<Update><data>');
  assert.equal(broken.object, null);
});

test("a gadget gets every pref finesse.gadget.Config is built from, with the desktop's own address", () => {
  const prefs = finessePrefs({
    authorization: 'MTAwMTAwMTphZ2VudDFwdw==',
    location: { hostname: '127.0.0.1', port: '8080', protocol: 'http:' },
    xmppDomain: 'localhost',
    pubsubDomain: 'pubsub.localhost',
    extension: '5001',
  });
  for (const name of [
    'authorization',
    'host',
    'hostPort',
    'restHost',
    'scheme',
    'localhostFQDN',
    'localhostPort',
    'xmppDomain',
    'pubsubDomain',
    'locale',
    'language',
    'country',
    'extension',
    'clientDriftInMillis',
  ]) {
    assert.ok(name in prefs, `${name} is given`);
  }
  for (const name of ['id', 'teamId', 'firstName', 'deploymentType'])
    assert.ok(!(name in prefs), `${name} is not a documented pref and is not given`);
  assert.deepEqual(
    [
      prefs['host'],
      prefs['hostPort'],
      prefs['restHost'],
      prefs['scheme'],
      prefs['localhostFQDN'],
      prefs['localhostPort'],
    ],
    ['127.0.0.1', '8080', '127.0.0.1', 'http', '127.0.0.1', '8080'],
  );
  assert.deepEqual([prefs['locale'], prefs['language'], prefs['country']], ['en_US', 'en', 'US']);
  assert.equal(new URLSearchParams(prefsFragment(prefs)).get('up_authorization'), 'MTAwMTAwMTphZ2VudDFwdw==');
  const https = finessePrefs({
    ...{ authorization: '', xmppDomain: '', pubsubDomain: '', extension: '' },
    location: { hostname: 'f.example.com', port: '', protocol: 'https:' },
  });
  assert.equal(https['hostPort'], '443', 'a page on the default port still names it');
});

test("the credential is stored under the key Cisco's library reads, and removed at sign-out", () => {
  const store = new Map<string, string>();
  const storage = {
    setItem: (k: string, v: string) => {
      store.set(k, v);
    },
    removeItem: (k: string) => {
      store.delete(k);
    },
  };
  storeCredential(storage, 'abc');
  assert.equal(CREDENTIAL_STORAGE_KEY, 'userFinesseAuth');
  assert.equal(store.get('userFinesseAuth'), 'abc');
  clearCredential(storage);
  assert.equal(store.size, 0);
});

function fakeTabs(active: string | null) {
  const log: string[] = [];
  const tabs: ContainerTabs = {
    activeTabId: () => active,
    showTab: (id) => {
      log.push(`show ${id}`);
      return id === 'home' || id === 'team';
    },
    reloadGadget: (id) => {
      log.push(`reload ${id}`);
      return true;
    },
    modifyGadgetUrl: (id, url) => {
      log.push(`url ${id} ${url}`);
      return true;
    },
  };
  return { tabs, log };
}

test('ActiveTabReq is answered with the active tab id on activeTab; SetActiveTabReq and ReloadGadgetReq act on the page', () => {
  const { tabs, log } = fakeTabs('home');
  const announced: string[] = [];
  assert.equal(
    handleContainerRequest({ type: 'ActiveTabReq', data: {}, invokeID: 1 }, tabs, (id) => announced.push(id)),
    true,
  );
  assert.deepEqual(announced, ['home']);
  handleContainerRequest({ type: 'SetActiveTabReq', data: { id: 'team' }, invokeID: 2 }, tabs, (id) =>
    announced.push(id),
  );
  handleContainerRequest({ type: 'ReloadGadgetReq', data: { gadgetId: 3 }, invokeID: 3 }, tabs, (id) =>
    announced.push(id),
  );
  assert.deepEqual(log, ['show team', 'reload 3']);
  assert.equal(
    handleContainerRequest({ type: 'SubscribeNodeReq', data: {} }, tabs, () => undefined),
    false,
    "Finesse requests are not the container's",
  );
  assert.equal(panelIdFor('team'), 'panel_team', 'the library takes the tab id from the panel id without "panel_"');
});

test('before the layout is rendered an ActiveTabReq gets no answer', () => {
  const { tabs } = fakeTabs(null);
  const announced: string[] = [];
  handleContainerRequest({ type: 'ActiveTabReq', data: {} }, tabs, (id) => announced.push(id));
  assert.deepEqual(announced, []);
});
