// The diagnostics checks with fakes at their ports (Finesse REST, the desktop's hub, the chat probes and sign-in):
// each check's pass and fail paths, the checks that are not run because an earlier one failed, chat off when it is
// not set up, the words in three languages, and a report that carries no credential.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { err, ok, type Result } from '../../../src/core/result.ts';
import { readGadgetConfig, type GadgetConfig } from '../../../src/core/container/gadget-config.ts';
import type { HubPort } from '../../../src/core/container/hub.ts';
import type { FinesseClient, FinesseError } from '../../../src/core/finesse/rest/index.ts';
import { httpFailure, transportFailure } from '../../../src/core/finesse/rest/finesse-error.ts';
import type { ReasonCode, SystemInfo, User } from '../../../src/core/finesse/types.ts';
import type { EndpointAnswer } from '../../../src/core/chat/xmpp/endpoint-probe.ts';
import type { SignedInProbe } from '../../../src/core/chat/xmpp/sign-in-probe.ts';
import { chatCredentialsFrom } from '../../../src/core/blending/adapters/chat-credentials.ts';
import { systemTimers } from '../../../src/core/shared/timers.ts';
import {
  CHECK_IDS,
  prefsInForce,
  runDiagnostics,
  type CheckId,
  type CheckResult,
  type DiagnosticsChatPorts,
  type DiagnosticsPorts,
  type DiagnosticsRun,
} from '../../../src/app/diagnostics.ts';
import { diagnosticsText } from '../../../src/ui/diagnostics-text.ts';
import { createTranslator } from '../../../src/ui/i18n/translator.ts';
import { LANGUAGES } from '../../../src/ui/i18n/languages.ts';
import { reason, user } from '../blending/support/builders.ts';

const AGENT = '1001001';
const PASSWORD = 'Zq9!unguessable-pw';
const TOKEN = 'eyJ.sso-token-7Hq.sig';
const BASIC = Buffer.from(`${AGENT}:${PASSWORD}`).toString('base64');

/** The prefs a desktop gives the gadget, as `get` reads them. */
function prefs(over: Record<string, string> = {}): (name: string) => string {
  const all: Record<string, string> = {
    authorization: BASIC,
    host: 'finesse-a.example.com',
    hostPort: '8445',
    scheme: 'https',
    xmppDomain: 'chat.example.com',
    chatService: 'wss://chat.example.com:5443/ws https://chat.example.com:5443/http-bind',
    chatRouter: 'chat-router@chat.example.com/router',
    ...over,
  };
  return (name) => all[name] ?? '';
}

const SYSTEM_INFO: SystemInfo = {
  status: 'IN_SERVICE',
  statusReason: null,
  deploymentType: 'UCCE',
  primaryNode: 'finesse-a.example.com:8445',
  secondaryNode: 'finesse-b.example.com:8445',
  xmppDomain: 'finesse-a.example.com',
  xmppPubSubDomain: 'pubsub.finesse-a.example.com',
  currentTimestamp: null,
  timezoneOffset: null,
};

const CODES: readonly ReasonCode[] = [reason('1', 1, 'Break'), reason('5', 40, 'Handling Chat')];

const failure = (status: number): FinesseError =>
  httpFailure({ method: 'GET', url: '/finesse/api/User/1001001' }, status, []);

interface World {
  user: Result<User, FinesseError>;
  codes: Result<readonly ReasonCode[], FinesseError>;
  systemInfo: Result<SystemInfo, FinesseError>;
  other: Result<SystemInfo, FinesseError>;
  /** What the desktop answers: the connection status (null: no answer) and the subscription (a value or 'silent'). */
  connection: string | null;
  /** A status the desktop publishes a moment after its answer (e.g. connected after connecting); null for none. */
  connectionThen?: string | null;
  subscribe: unknown;
  websocket: EndpointAnswer;
  bosh: EndpointAnswer;
  signIn: Result<'ok', { code: 'auth-failed' | 'unreachable' | 'timeout' }>;
  router: Awaited<ReturnType<SignedInProbe['askRouter']>>;
}

const up = (): World => ({
  user: ok({ ...user('NOT_READY', '1'), reasonCode: reason('1', 1, 'Break') }),
  codes: ok(CODES),
  systemInfo: ok(SYSTEM_INFO),
  other: ok({ ...SYSTEM_INFO }),
  connection: 'connected',
  subscribe: undefined,
  websocket: { answered: true, ms: 12 },
  bosh: { answered: true, ms: 30 },
  signIn: ok('ok'),
  router: ok({ queues: 2 }),
});

/** The desktop's hub: answers ConnectionInfoReq and SubscribeNodeReq as the world says; records what was asked. */
function fakeHub(w: World, asked: unknown[]): HubPort {
  const subs = new Map<string, Set<(p: unknown) => void>>();
  const publish = (topic: string, payload: unknown): void => {
    for (const f of [...(subs.get(topic) ?? [])]) f(payload);
  };
  return {
    subscribe(topic, onMessage) {
      const set = subs.get(topic) ?? new Set();
      set.add(onMessage);
      subs.set(topic, set);
      return () => set.delete(onMessage);
    },
    publish(topic, payload) {
      if (topic !== 'finesse.info.requests') return;
      asked.push(payload);
      const req = payload as { type: string; invokeID: string };
      queueMicrotask(() => {
        if (req.type === 'ConnectionInfoReq' && w.connection !== null)
          publish('finesse.info.connection', { status: w.connection, resourceID: 'desktop-1' });
        const then = w.connectionThen;
        if (req.type === 'ConnectionInfoReq' && then)
          setTimeout(() => publish('finesse.info.connection', { status: then, resourceID: 'desktop-1' }), 20);
        if (req.type === 'SubscribeNodeReq' && w.subscribe !== 'silent')
          publish(`finesse.info.responses.${req.invokeID}`, w.subscribe);
      });
    },
  };
}

interface Recorded {
  hubRequests: unknown[];
  signIns: string[];
  closed: number;
  otherNodes: string[];
}

function portsFor(w: World, rec: Recorded, chat = true) {
  return (config: GadgetConfig): DiagnosticsPorts => {
    const client = {
      getUser: async () => w.user,
      getAgentReasonCodes: async () => w.codes,
      getSystemInfo: async () => w.systemInfo,
    } as unknown as FinesseClient;
    const chatPorts: DiagnosticsChatPorts = {
      domain: 'chat.example.com',
      routerJid: 'chat-router@chat.example.com/router',
      websocketUrl: 'wss://chat.example.com:5443/ws',
      boshUrl: 'https://chat.example.com:5443/http-bind',
      credentials: chatCredentialsFrom(config.agentId, config.authorization),
      probeWebSocket: async () => w.websocket,
      probeBosh: async () => w.bosh,
      signIn: async (service) => {
        rec.signIns.push(service);
        if (!w.signIn.ok) return err({ code: w.signIn.error.code, message: 'x' } as never);
        return ok({
          askRouter: async () => w.router,
          close: async () => {
            rec.closed += 1;
          },
        });
      },
    };
    return {
      client,
      systemInfoFor: async (node) => {
        rec.otherNodes.push(node);
        return w.other;
      },
      hub: fakeHub(w, rec.hubRequests),
      chat: chat ? chatPorts : null,
      newInvokeId: (() => {
        let n = 0;
        return () => `invoke${(n += 1)}`;
      })(),
    };
  };
}

async function diagnose(
  w: World,
  options: { get?: (name: string) => string; chat?: boolean; timeoutMs?: number } = {},
): Promise<{ run: DiagnosticsRun; rec: Recorded; steps: DiagnosticsRun[] }> {
  const get = options.get ?? prefs();
  const config = readGadgetConfig(get);
  const rec: Recorded = { hubRequests: [], signIns: [], closed: 0, otherNodes: [] };
  const steps: DiagnosticsRun[] = [];
  const run = await runDiagnostics(
    {
      config,
      prefs: prefsInForce(get, config.ok ? config.value : null),
      ports: portsFor(w, rec, options.chat ?? true),
      clock: systemTimers,
      timeoutMs: options.timeoutMs ?? 2000,
    },
    (r) => steps.push(r),
  );
  return { run, rec, steps };
}

const outcomes = (run: DiagnosticsRun): Record<CheckId, string> =>
  Object.fromEntries(run.checks.map((c) => [c.id, c.outcome])) as Record<CheckId, string>;

const check = (run: DiagnosticsRun, id: CheckId): CheckResult => {
  const c = run.checks.find((x) => x.id === id);
  assert.ok(c, id);
  return c;
};

const EN = diagnosticsText(createTranslator('en'));

test('everything up: all eight checks pass, each in order, and the words say what each found', async () => {
  const { run, rec, steps } = await diagnose(up());
  assert.deepEqual(Object.values(outcomes(run)), Array(8).fill('pass'));
  assert.deepEqual(
    run.checks.map((c) => c.id),
    [...CHECK_IDS],
  );
  assert.ok(run.finishedAt !== null);
  // Progress: every check was seen running before its outcome.
  for (const id of CHECK_IDS.filter((i) => i !== 'prefs'))
    assert.ok(
      steps.some((s) => check(s, id).outcome === 'running'),
      `${id} ran`,
    );
  // The notifications round trip: connection status, then a subscription to the agent's own User node.
  assert.deepEqual(
    rec.hubRequests.map((r) => (r as { type: string }).type),
    ['ConnectionInfoReq', 'SubscribeNodeReq'],
  );
  assert.deepEqual((rec.hubRequests[1] as { data: unknown }).data, { node: `/finesse/api/User/${AGENT}` });
  // SystemInfo of the other node went through systemInfoFor; this node's through the client.
  assert.deepEqual(rec.otherNodes, ['finesse-b.example.com:8445']);
  // The sign-in went to WebSocket (it answered) and the probe session was closed after the router's answer.
  assert.deepEqual(rec.signIns, ['wss://chat.example.com:5443/ws']);
  assert.equal(rec.closed, 1);
  assert.equal(
    EN.check(check(run, 'finesse-rest')).sentence,
    'Finesse answered for Ada Agent, who is Not Ready (Break).',
  );
  assert.equal(
    EN.check(check(run, 'reason-code')).sentence,
    'The Handling Chat reason is “Handling Chat” (code 40), a Not Ready reason Finesse gives this agent.',
  );
  assert.deepEqual(EN.check(check(run, 'system-info')).lines, [
    'Primary server finesse-a.example.com:8445: in service',
    'Secondary server finesse-b.example.com:8445: in service',
    'Deployment: UCCE',
  ]);
  assert.match(EN.check(check(run, 'chat-router')).sentence, /answered in \d+ ms and lists 2 queues/);
  assert.equal(EN.progress(run), 'Done: 8 passed, 0 with a warning, 0 failed, 0 not run.');
  for (const c of run.checks) assert.equal(EN.check(c).advice, null, `${c.id} has nothing to do`);
});

test('bad prefs: the prefs check fails with each problem in words, and every other check is not run because of it', async () => {
  const { run } = await diagnose(up(), { get: prefs({ maxChats: 'lots', chatRouter: 'router-without-resource' }) });
  assert.equal(check(run, 'prefs').outcome, 'fail');
  for (const id of CHECK_IDS.filter((i) => i !== 'prefs'))
    assert.deepEqual(check(run, id), { id, outcome: 'skipped', because: 'prefs' });
  const text = EN.check(check(run, 'prefs'));
  assert.equal(text.lines.length, 2);
  assert.match(text.lines.join(' '), /maxChats is "lots"/);
  assert.match(text.lines.join(' '), /chatRouter is "router-without-resource"/);
  assert.match(text.advice ?? '', /desktop layout/);
  assert.equal(EN.check(check(run, 'reason-code')).sentence, 'Not run: it needs “Gadget preferences” to pass first.');
});

test('prefs with warnings only: the prefs check works with a warning, listing each, and every other check runs', async () => {
  const { run } = await diagnose(up(), { get: prefs({ autoAccept: 'maybe' }) });
  assert.equal(check(run, 'prefs').outcome, 'warn');
  for (const id of CHECK_IDS.filter((i) => i !== 'prefs')) assert.equal(check(run, id).outcome, 'pass', id);
  const text = EN.check(check(run, 'prefs'));
  assert.match(text.sentence, /works, with defaults in place of these preferences/);
  assert.equal(text.lines.length, 1);
  assert.match(text.lines[0] ?? '', /autoAccept/);
});

test('Finesse refuses the credentials: REST fails with what to do; the reason code is not run; the rest still runs', async () => {
  const w = { ...up(), user: err(failure(401)) };
  const { run } = await diagnose(w);
  assert.deepEqual(outcomes(run), {
    prefs: 'pass',
    'finesse-rest': 'fail',
    notifications: 'pass',
    'system-info': 'pass',
    'reason-code': 'skipped',
    'chat-server': 'pass',
    'chat-sign-in': 'pass',
    'chat-router': 'pass',
  });
  const text = EN.check(check(run, 'finesse-rest'));
  assert.equal(text.sentence, "Finesse refused the agent's credentials (401).");
  assert.match(text.advice ?? '', /sign in again/);
});

test('Finesse unreachable or out of service: the failure says which, in words', async () => {
  const down = await diagnose({
    ...up(),
    user: err(transportFailure({ method: 'GET', url: '/finesse/api/User/1' }, 'network')),
  });
  assert.equal(
    EN.check(check(down.run, 'finesse-rest')).sentence,
    'Finesse REST did not answer as expected: the server could not be reached.',
  );
  const out = await diagnose({ ...up(), user: err(failure(503)) });
  assert.match(EN.check(check(out.run, 'finesse-rest')).sentence, /out of service \(503\)/);
});

test('notifications: a desktop whose connection is down, that does not answer, or refuses the subscription fails the check', async () => {
  const disconnected = await diagnose({ ...up(), connection: 'disconnected' }, { timeoutMs: 50 });
  assert.equal(check(disconnected.run, 'notifications').outcome, 'fail');
  assert.equal(
    EN.check(check(disconnected.run, 'notifications')).sentence,
    "The desktop's notification connection is disconnected.",
  );
  const silent = await diagnose({ ...up(), subscribe: 'silent' }, { timeoutMs: 50 });
  assert.deepEqual((check(silent.run, 'notifications') as { finding: unknown }).finding, {
    kind: 'notifications-no-answer',
    step: 'subscribe',
  });
  const noDesktop = await diagnose({ ...up(), connection: null }, { timeoutMs: 50 });
  assert.deepEqual((check(noDesktop.run, 'notifications') as { finding: unknown }).finding, {
    kind: 'notifications-no-answer',
    step: 'connection',
  });
  const refused = await diagnose({
    ...up(),
    subscribe: { error: { errorType: 'Not connected', errorMessage: 'Cannot subscribe without connection.' } },
  });
  assert.equal(
    EN.check(check(refused.run, 'notifications')).sentence,
    "The desktop refused a subscription to the agent's notifications: Not connected.",
  );
  // The others do not depend on it.
  assert.equal(check(refused.run, 'reason-code').outcome, 'pass');
});

test('notifications: a desktop still connecting when the page opens is waited for, and passes once connected', async () => {
  const { run } = await diagnose({ ...up(), connection: 'connecting', connectionThen: 'connected' });
  assert.equal(check(run, 'notifications').outcome, 'pass');
  // One that stays connecting fails after the timeout, with the status it last reported.
  const stuck = await diagnose({ ...up(), connection: 'connecting' }, { timeoutMs: 50 });
  assert.equal(check(stuck.run, 'notifications').outcome, 'fail');
  assert.equal(
    EN.check(check(stuck.run, 'notifications')).sentence,
    "The desktop's notification connection is connecting.",
  );
});

test('SystemInfo: the secondary out of service, or not answering through the proxy, fails with each node in words', async () => {
  const out = await diagnose({ ...up(), other: ok({ ...SYSTEM_INFO, status: 'OUT_OF_SERVICE' }) });
  assert.equal(check(out.run, 'system-info').outcome, 'fail');
  const text = EN.check(check(out.run, 'system-info'));
  assert.equal(text.sentence, 'Not every Finesse server is in service.');
  assert.ok(text.lines.includes('Secondary server finesse-b.example.com:8445: out of service'));
  assert.match(text.advice ?? '', /utils service list/);
  const silent = await diagnose({
    ...up(),
    other: err(transportFailure({ method: 'GET', url: '/finesse/api/SystemInfo' }, 'timeout')),
  });
  assert.ok(
    EN.check(check(silent.run, 'system-info')).lines.includes(
      'Secondary server finesse-b.example.com:8445: did not answer (no answer in time)',
    ),
  );
  const single = await diagnose({ ...up(), systemInfo: ok({ ...SYSTEM_INFO, secondaryNode: null }) });
  assert.equal(check(single.run, 'system-info').outcome, 'pass');
  assert.equal(
    EN.check(check(single.run, 'system-info')).sentence,
    'The Finesse server is in service; SystemInfo names no secondary server.',
  );
});

test('the Handling Chat reason missing: the check fails, names the label, where to create it, and the reasons that exist', async () => {
  const { run } = await diagnose({ ...up(), codes: ok([reason('1', 1, 'Break'), reason('2', 2, 'Lunch')]) });
  assert.equal(check(run, 'reason-code').outcome, 'fail');
  const text = EN.check(check(run, 'reason-code'));
  assert.equal(text.sentence, 'Finesse gives this agent no Not Ready reason labelled “Handling Chat”.');
  assert.match(text.advice ?? '', /Create a Not Ready reason code labelled “Handling Chat”/);
  assert.match(text.advice ?? '', /Unified CCE: .*cfadmin.*Unified CCX: .*cfadmin/);
  assert.match(text.advice ?? '', /handlingChatReason preference to an existing one: “Break”, “Lunch”/);
  // By code, and a system code.
  const byCode = await diagnose(
    { ...up(), codes: ok([reason('1', 1, 'Break')]) },
    { get: prefs({ handlingChatReason: '77' }) },
  );
  assert.equal(
    EN.check(check(byCode.run, 'reason-code')).sentence,
    'Finesse gives this agent no Not Ready reason with code 77.',
  );
  const system = await diagnose({ ...up(), codes: ok([reason('9', 999, 'Handling Chat', true)]) }, { get: prefs() });
  assert.match(EN.check(check(system.run, 'reason-code')).sentence, /system reason code \(999\)/);
  const unread = await diagnose({ ...up(), codes: err(failure(500)) });
  assert.equal(
    EN.check(check(unread.run, 'reason-code')).sentence,
    'The Not Ready reason codes could not be read from Finesse: HTTP status 500.',
  );
});

test('chat not set up: the three chat checks say chat is off, which is not a failure', async () => {
  const { run } = await diagnose(up(), { get: prefs({ chatService: '', chatRouter: '' }), chat: false });
  assert.deepEqual(
    ['chat-server', 'chat-sign-in', 'chat-router'].map((id) => check(run, id as CheckId).outcome),
    ['off', 'off', 'off'],
  );
  assert.match(EN.check(check(run, 'chat-server')).sentence, /Chat is not set up for this gadget/);
  assert.equal(EN.progress(run), 'Done: 5 passed, 0 with a warning, 0 failed, 0 not run.');
});

test('the chat server down: that check fails naming both addresses; sign-in and router are not run', async () => {
  const { run, rec } = await diagnose({
    ...up(),
    websocket: { answered: false, why: 'refused' },
    bosh: { answered: false, why: 'timeout' },
  });
  assert.equal(check(run, 'chat-server').outcome, 'fail');
  assert.deepEqual(check(run, 'chat-sign-in'), { id: 'chat-sign-in', outcome: 'skipped', because: 'chat-server' });
  assert.deepEqual(check(run, 'chat-router'), { id: 'chat-router', outcome: 'skipped', because: 'chat-sign-in' });
  assert.deepEqual(rec.signIns, []);
  const text = EN.check(check(run, 'chat-server'));
  assert.deepEqual(text.lines, [
    'WebSocket wss://chat.example.com:5443/ws: nothing answers (connection refused or closed)',
    'BOSH https://chat.example.com:5443/http-bind: no answer in time',
  ]);
  assert.match(text.advice ?? '', /Start the chat service/);
});

test('WebSocket blocked, BOSH answers: a warning, and the sign-in goes over BOSH', async () => {
  const { run, rec } = await diagnose({ ...up(), websocket: { answered: false, why: 'not-xmpp' } });
  assert.equal(check(run, 'chat-server').outcome, 'warn');
  assert.deepEqual(rec.signIns, ['https://chat.example.com:5443/http-bind']);
  assert.match(EN.check(check(run, 'chat-sign-in')).sentence, /over BOSH/);
});

test('chat sign-in refused or not finished: it fails with what to do; the router is not run', async () => {
  const refused = await diagnose({ ...up(), signIn: err({ code: 'auth-failed' }) });
  assert.equal(check(refused.run, 'chat-sign-in').outcome, 'fail');
  assert.equal(
    EN.check(check(refused.run, 'chat-sign-in')).sentence,
    "The chat server refused the agent's credentials.",
  );
  assert.equal(check(refused.run, 'chat-router').outcome, 'skipped');
  const slow = await diagnose({ ...up(), signIn: err({ code: 'timeout' }) });
  assert.equal(
    EN.check(check(slow.run, 'chat-sign-in')).sentence,
    'The chat sign-in did not finish: no answer in time.',
  );
  // Credentials the chat server cannot take (neither Basic id:password nor Bearer) are caught by the prefs check first.
  const odd = await diagnose(up(), { get: prefs({ authorization: 'Negotiate abc', id: AGENT }) });
  assert.equal(check(odd.run, 'prefs').outcome, 'fail');
  assert.deepEqual(check(odd.run, 'chat-sign-in'), { id: 'chat-sign-in', outcome: 'skipped', because: 'prefs' });
});

test('the router silent or absent: the router check fails with the time waited or the server’s condition', async () => {
  const silent = await diagnose({ ...up(), router: err({ kind: 'timeout' }) });
  assert.equal(check(silent.run, 'chat-router').outcome, 'fail');
  assert.match(EN.check(check(silent.run, 'chat-router')).sentence, /did not answer within \d+ ms/);
  const absent = await diagnose({
    ...up(),
    router: err({ kind: 'error', condition: 'service-unavailable', text: null }),
  });
  const text = EN.check(check(absent.run, 'chat-router'));
  assert.equal(text.sentence, 'The chat server answered for the router: service-unavailable.');
  assert.match(text.advice ?? '', /Start the chat service/);
  assert.equal(silent.rec.closed, 1, 'the probe session is closed even when the router is silent');
});

test('every finding has words in every language (no message key shows through)', async () => {
  const runs = [
    (await diagnose(up())).run,
    (await diagnose(up(), { get: prefs({ maxChats: '0' }) })).run,
    (await diagnose({ ...up(), user: err(failure(401)) })).run,
    (
      await diagnose({
        ...up(),
        codes: ok([]),
        connection: 'reconnecting',
        other: ok({ ...SYSTEM_INFO, status: 'OUT_OF_SERVICE' }),
        websocket: { answered: false, why: 'http-status', status: 403 },
        signIn: err({ code: 'auth-failed' }),
      })
    ).run,
    (await diagnose(up(), { get: prefs({ chatService: '' }), chat: false })).run,
  ];
  for (const lang of LANGUAGES) {
    const words = diagnosticsText(createTranslator(lang));
    for (const run of runs) {
      const report = words.report(run, '0.1.0+abc1234');
      assert.doesNotMatch(report, /\b(diag|config|chatError|voiceState|problem)\.[\w.-]+/, `${lang}: a key shows`);
      assert.doesNotMatch(report, /\{\w+\}/, `${lang}: a placeholder is left`);
    }
  }
});

test('the report carries no credential: neither the password, the Basic value, nor an SSO token', async () => {
  const basic = await diagnose({
    ...up(),
    user: err(failure(401)),
    signIn: err({ code: 'auth-failed' }),
  });
  const sso = await diagnose(up(), { get: prefs({ authorization: '', authToken: TOKEN, id: AGENT }) });
  for (const { run } of [basic, sso]) {
    for (const lang of LANGUAGES) {
      const report = diagnosticsText(createTranslator(lang)).report(run, null);
      for (const secret of [PASSWORD, BASIC, TOKEN, 'Basic ', 'Bearer ', 'authorization', 'authToken'])
        assert.equal(report.includes(secret), false, `${lang} report holds ${secret}`);
      assert.match(report, new RegExp(`${AGENT}`), 'the agent id is in it');
      assert.match(report, /finesse-a\.example\.com:8445/, 'the desktop node is in it');
      assert.match(
        report,
        /chatService = wss:\/\/chat\.example\.com:5443\/ws https:\/\/chat\.example\.com:5443\/http-bind/,
      );
    }
    // Nor does the run itself, as data.
    const data = JSON.stringify(run);
    for (const secret of [PASSWORD, BASIC, TOKEN]) assert.equal(data.includes(secret), false);
  }
  const en = diagnosticsText(createTranslator('en')).report(basic.run, '0.1.0+abc1234');
  assert.match(en, /^finesse-blend diagnostics report\nDate: \d{4}-\d\d-\d\dT/);
  assert.match(en, /Gadget version: 0\.1\.0\+abc1234/);
  assert.match(
    en,
    /2\. Finesse REST as this agent: Failed\n {3}Finesse refused the agent's credentials \(401\)\.\n {3}What to do: /,
  );
});

test('prefs in force drop a user:password written into chatService, and never list credentials', () => {
  const get = prefs({ chatService: 'wss://admin:S3cret@chat.example.com/ws', authorization: BASIC });
  const config = readGadgetConfig(get);
  assert.ok(config.ok);
  const shown = prefsInForce(get, config.value);
  assert.equal(shown.find((p) => p.name === 'chatService')?.value, 'wss://chat.example.com/ws');
  assert.equal(
    shown.some((p) => p.name === 'authorization' || p.name === 'authToken'),
    false,
  );
  const unconfigured = prefsInForce(get, null);
  assert.equal(unconfigured.find((p) => p.name === 'chatService')?.value, 'wss://chat.example.com/ws');
  assert.equal(JSON.stringify(unconfigured).includes('S3cret'), false);
});
