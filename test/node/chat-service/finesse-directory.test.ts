// The chat service's directory read from the simulated Finesse's REST API (User—Get List) with an administrator's
// credentials: teams and supervisors as Finesse lists them, a non-administrator refused, the last directory kept
// while Finesse is down, and the world's chat service with queues served by teams routing to those teams' agents.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, type WorldChat, type WorldHandle } from '../../../sim/world.ts';
import { ACCOUNTS, ADMINISTRATORS } from '../../../sim/finesse/seed.ts';
import { FinesseDirectory } from '../../../server/directory/finesse-directory.ts';
import { offeredChat, signInAgent, startCustomer, waitFor } from '../chat/chat-test-kit.ts';

let world: WorldHandle;
let chat: WorldChat;
before(async () => {
  world = await startWorld({
    queues: [
      { id: 'team-a', name: 'Team A', teams: ['10'], agents: [] },
      { id: 'team-b', name: 'Team B', teams: ['20'], agents: [] },
    ],
  });
  assert.ok(world.chat);
  chat = world.chat;
});
after(async () => {
  await world?.stop();
});

const ADMIN = ADMINISTRATORS[0] ?? { id: '', loginName: '', password: '' };

function seeded(id: string): { id: string; password: string } {
  const account = ACCOUNTS.find((a) => a.id === id);
  assert.ok(account, `seeded account ${id}`);
  return { id: account.id, password: account.password };
}

function directoryAs(username: string, password: string, lines: string[]): FinesseDirectory {
  return new FinesseDirectory({
    url: world.simulator.primaryUrl,
    adminUser: username,
    password,
    refreshMs: 3_600_000,
    log: (level, line) => lines.push(`${level} ${line}`),
  });
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

test("an administrator's credentials read every user's team and the teams each supervisor supervises", async () => {
  const lines: string[] = [];
  const directory = directoryAs(ADMIN.loginName, ADMIN.password, lines);
  try {
    await directory.start();
    const read = directory.current();
    assert.ok(read, `read: ${lines.join('\n')}`);
    assert.deepEqual([...read.teams.entries()].sort(), [
      ['10', 'Blended Team A'],
      ['20', 'Blended Team B'],
    ]);
    assert.equal(directory.teamOf('1001001'), '10');
    assert.equal(directory.teamOf('1001004'), '20');
    assert.equal(directory.teamOf('nobody'), null);
    assert.deepEqual(read.users.get('1002001')?.supervises, ['10']);
    assert.deepEqual(directory.agentsVisibleTo('1002001'), ['1001001', '1001002', '1001003']);
    // Team 20's members include the supervisor of both teams (1002003), whose own team is 20.
    assert.deepEqual(directory.agentsVisibleTo('1002002'), ['1001004', '1001005', '1002003']);
    assert.deepEqual(directory.agentsVisibleTo('1001001'), [], 'an agent supervises no one');
    assert.ok((directory.ageMs() ?? -1) >= 0);
  } finally {
    directory.stop();
  }
});

test('an agent or a supervisor is refused the user list (401), and the service says which setting to fix', async () => {
  const supervisor = ACCOUNTS.find((a) => a.supervises.length > 0);
  assert.ok(supervisor);
  const res = await fetch(`${world.simulator.primaryUrl}/finesse/api/Users`, {
    headers: { authorization: basic(supervisor.loginName, supervisor.password) },
  });
  assert.equal(res.status, 401);
  assert.match(await res.text(), /<ApiErrors>/);
  const admin = await fetch(`${world.simulator.primaryUrl}/finesse/api/Users`, {
    headers: { authorization: basic(ADMIN.id, ADMIN.password) },
  });
  assert.equal(admin.status, 200, 'the administrator is known by id as well as by login name');
  assert.match(await admin.text(), /^<Users><User>/);

  const agent = seeded('1001001');
  const lines: string[] = [];
  const directory = directoryAs(agent.id, agent.password, lines);
  try {
    await directory.start();
    assert.equal(directory.current(), null);
    assert.equal(directory.ageMs(), null);
    assert.ok(
      lines.some((l) => l.startsWith('warn ') && /refused the credentials \(HTTP 401\).*finesse\.adminUser/.test(l)),
      lines.join('\n'),
    );
    assert.ok(!lines.join('\n').includes(agent.password), 'the password is never logged');
  } finally {
    directory.stop();
  }
});

test('Finesse out of service at a refresh: the last directory stays in use and the log says so', async () => {
  const lines: string[] = [];
  const directory = directoryAs(ADMIN.loginName, ADMIN.password, lines);
  try {
    await directory.start();
    const first = directory.current();
    assert.ok(first);
    const down = await world.simulator.control.setNodeInService({ node: 'primary', inService: false });
    assert.equal(down.ok, true);
    assert.equal(await directory.refresh(), false);
    assert.equal(directory.current(), first, 'the last good directory is kept');
    assert.equal(directory.teamOf('1001004'), '20');
    assert.ok(
      lines.some((l) =>
        /^warn cannot read the users from Finesse: Finesse is out of service.*keeping the directory/.test(l),
      ),
      lines.join('\n'),
    );
    assert.ok(!lines.join('\n').includes(ADMIN.password), 'the password is never logged');
  } finally {
    await world.simulator.control.setNodeInService({ node: 'primary', inService: true });
    directory.stop();
  }
  assert.ok(await directory.refresh(), 'back in service: read again');
});

test("the world's chat service with team queues: a team 20 chat goes to team 20's agent only; metrics per queue", async () => {
  const service = world.chatService;
  const router = world.chatRouter;
  assert.ok(service?.directory && router);
  const directory = service.directory;
  await waitFor('the service to read the directory', () => directory.current(), 15_000);
  const teamA = await signInAgent(world.prosody, router, { account: seeded('1001001') });
  const teamB = await signInAgent(world.prosody, router, { account: seeded('1001004') });
  const customer = startCustomer({ websocketUrl: chat.websocketUrl, guestDomain: chat.guestDomain }, router);
  try {
    assert.deepEqual(await customer.start('Team B Fan', 'hello B', [], 'team-b'), { ok: true });
    const chatId = await offeredChat(teamB.channel, 'Team B Fan');
    assert.deepEqual(teamA.channel.offers(), [], 'the team 10 agent idled longer but does not serve team-b');
    assert.deepEqual(
      router.snapshot().offerLog.map((o) => [o.chatId, o.agent.split('@')[0]]),
      [[chatId, '1001004']],
    );
    const metrics = await (await fetch(`${world.simulator.primaryUrl}/metrics`)).text();
    assert.match(metrics, /^chat_service_queue_length\{queue="team-a"\} 0$/m);
    assert.match(metrics, /^chat_service_queue_length\{queue="team-b"\} 1$/m, 'offered, not yet accepted');
    assert.match(metrics, /^chat_service_directory_users 8$/m, 'five agents and three supervisors');
    assert.match(metrics, /^chat_service_directory_age_seconds \d/m);
  } finally {
    customer.close();
    await teamA.channel.signOut();
    await teamB.channel.signOut();
  }
});
