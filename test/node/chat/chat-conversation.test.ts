// A chat from offer to end against a real Prosody: the agent's ChatChannel, the router and a customer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_MESSAGE_LENGTH } from '../../../src/core/chat/chat-text.ts';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { offeredChat, signInAgent, startCustomer, startTestRouter, texts, waitFor } from './chat-test-kit.ts';

let prosody: ChatProsodyHandle;
before(async () => {
  prosody = await startProsody({ chat: true });
});
after(async () => {
  await prosody.stop();
});

test('offer, accept, messages both ways in order, the customer ends it; both transcripts are intact', async () => {
  const router = await startTestRouter(prosody);
  const agent = await signInAgent(prosody, router);
  const customer = startCustomer(prosody, router);
  try {
    const started = await customer.start('Jane Doe', 'Where is my order?', [
      { name: 'order', label: 'Order number', value: 'A-1001' },
    ]);
    assert.equal(started.ok, true);
    const chatId = await offeredChat(agent.channel, 'Jane Doe');
    const offer = agent.channel.offers().find((o) => o.chatId === chatId);
    assert.ok(offer);
    assert.deepEqual(
      offer.context.map((f) => [f.label, f.value]),
      [
        ['Name', 'Jane Doe'],
        ['Question', 'Where is my order?'],
        ['Order number', 'A-1001'],
      ],
    );
    assert.ok(offer.expiresAt > Date.now());

    const accepted = await agent.channel.accept(chatId);
    assert.equal(accepted.ok, true);
    assert.deepEqual(agent.channel.offers(), []);

    // Interleaved both ways, several in a row from each side.
    for (let i = 1; i <= 3; i += 1) agent.channel.send(chatId, `agent ${i}`);
    for (let i = 1; i <= 3; i += 1) customer.send(`customer ${i}`);
    const agentSees = await waitFor('the customer lines at the agent', () => {
      const session = agent.channel.activeChats().find((s) => s.chatId === chatId);
      const t = session?.transcript.filter((m) => m.sender === 'customer') ?? [];
      return t.length === 4 ? t : undefined;
    });
    assert.deepEqual(texts(agentSees), ['Where is my order?', 'customer 1', 'customer 2', 'customer 3']);
    await waitFor(
      'the agent lines at the customer',
      () => customer.lines().filter((l) => l.from === 'agent').length === 3,
    );
    assert.deepEqual(texts(customer.lines().filter((l) => l.from === 'agent')), ['agent 1', 'agent 2', 'agent 3']);
    await waitFor('the agent lines to be confirmed', () =>
      agent.channel.activeChats()[0]?.transcript.every((m) => !m.pending),
    );

    await customer.end();
    const closed = await waitFor('the session to close', () =>
      agent.events.find((e) => e.type === 'session-closed' && e.chatId === chatId),
    );
    assert.equal(closed.type === 'session-closed' && closed.reason, 'ended-by-customer');
    assert.deepEqual(agent.channel.activeChats(), []);
    const transcript = closed.type === 'session-closed' ? closed.transcript : [];
    const conversation = transcript.filter((m) => m.sender !== 'system');
    assert.deepEqual(texts(conversation.filter((m) => m.sender === 'self')), ['agent 1', 'agent 2', 'agent 3']);
    assert.deepEqual(texts(conversation.filter((m) => m.sender === 'customer')), [
      'Where is my order?',
      'customer 1',
      'customer 2',
      'customer 3',
    ]);
    assert.equal(new Set(transcript.map((m) => m.id)).size, transcript.length, 'each message once');
    const notice = transcript.find((m) => closed.type === 'session-closed' && m.id === closed.noticeId);
    assert.equal(notice?.sender, 'system', "the close names the router's end notice, so the gadget says it once");
    assert.equal(transcript.at(-1)?.text, 'The customer ended the chat.');
    await waitFor('the customer to see the end', () =>
      customer.lines().some((l) => l.from === 'system' && l.text === 'The customer ended the chat.'),
    );
  } finally {
    customer.close();
    await agent.channel.signOut();
    await router.stop();
  }
});

test('the agent ends the chat; the customer is told and the transcript is kept', async () => {
  const router = await startTestRouter(prosody);
  const agent = await signInAgent(prosody, router);
  const customer = startCustomer(prosody, router);
  const ended: string[] = [];
  customer.subscribe((e) => {
    if (e.type === 'ended') ended.push(e.by);
  });
  try {
    await customer.start('Sam', 'Hi');
    const chatId = await offeredChat(agent.channel);
    assert.equal((await agent.channel.accept(chatId)).ok, true);
    agent.channel.send(chatId, 'Hello Sam, anything else?');
    await waitFor('the agent line at the customer', () =>
      customer.lines().some((l) => l.text === 'Hello Sam, anything else?'),
    );
    assert.equal((await agent.channel.end(chatId)).ok, true);
    const closed = agent.events.find((e) => e.type === 'session-closed');
    assert.equal(closed?.type === 'session-closed' && closed.reason, 'ended-by-agent');
    await waitFor('the customer to see the end', () => ended.length > 0);
    assert.deepEqual(ended, ['agent']);
    assert.deepEqual(texts(customer.lines()), [
      'Hi',
      'An agent has joined the chat.',
      'Hello Sam, anything else?',
      'The agent ended the chat.',
    ]);
    assert.equal(router.snapshot().queue.find((c) => c.chatId === chatId)?.status, 'ended');
  } finally {
    customer.close();
    await agent.channel.signOut();
    await router.stop();
  }
});

test('typing reaches the other side (XEP-0085), is not kept in the transcript, and an agent message clears it', async () => {
  const router = await startTestRouter(prosody);
  const agent = await signInAgent(prosody, router);
  const customer = startCustomer(prosody, router);
  const agentTyping: string[] = [];
  customer.subscribe((e) => {
    if (e.type === 'agent-typing') agentTyping.push(e.state);
  });
  try {
    await customer.start('Kim', 'Question');
    const chatId = await offeredChat(agent.channel);
    await agent.channel.accept(chatId);
    await waitFor('the question at the agent', () =>
      agent.channel.activeChats()[0]?.transcript.some((m) => m.text === 'Question'),
    );
    customer.setTyping('composing');
    await waitFor('the agent to see composing', () =>
      agent.events.some((e) => e.type === 'typing' && e.state === 'composing'),
    );
    agent.channel.setTyping(chatId, 'composing');
    await waitFor('the customer to see composing', () => agentTyping.includes('composing'));
    // The agent's message clears the customer's "the agent is typing" without a separate chat state.
    agent.channel.send(chatId, 'Here is the answer');
    await waitFor('the answer at the customer', () => customer.lines().some((l) => l.text === 'Here is the answer'));
    assert.equal(agentTyping.at(-1), 'active');
    customer.setTyping('paused');
    await waitFor('the agent to see paused', () => agent.channel.activeChats()[0]?.customerTyping === 'paused');
    assert.deepEqual(
      texts(agent.channel.activeChats()[0]?.transcript ?? []).filter((t) => t !== 'An agent has joined the chat.'),
      ['Question', 'Here is the answer'],
    );
  } finally {
    customer.close();
    await agent.channel.signOut();
    await router.stop();
  }
});

test('hostile customer text is carried as text, byte for byte where XML allows it', async () => {
  const router = await startTestRouter(prosody);
  const agent = await signInAgent(prosody, router);
  const customer = startCustomer(prosody, router);
  const hostile = [
    '<script>alert("x")</script>',
    '<img src=x onerror=alert(1)> &amp; &lt;b&gt; ]]> <![CDATA[ x ]]>',
    '"quotes" \'single\' & ampersand <b>bold</b>',
    'emoji 😀 and RTL \u202Egnp.exe and zero-width \u200B joiner',
    'tab\tand\nnewline kept',
    'x'.repeat(MAX_MESSAGE_LENGTH),
  ];
  // What XML cannot carry: NUL and other C0 controls, U+FFFE/U+FFFF, lone surrogates become U+FFFD; CR and CRLF become LF.
  const unrepresentable = 'nul\u0000 bell\u0007 vt\u000B ff\u000C esc\u001B fffe\uFFFE lone\uD800 end\r\nwin\rmac';
  const asCarried = 'nul\uFFFD bell\uFFFD vt\uFFFD ff\uFFFD esc\uFFFD fffe\uFFFD lone\uFFFD end\nwin\nmac';
  try {
    await customer.start('<b onmouseover=alert(1)>Mallory</b>', 'hello');
    const chatId = await offeredChat(agent.channel);
    assert.equal(agent.channel.offers()[0]?.customerName, '<b onmouseover=alert(1)>Mallory</b>');
    await agent.channel.accept(chatId);
    for (const text of [...hostile, unrepresentable]) assert.equal(customer.send(text).ok, true);
    const received = await waitFor('every hostile line at the agent', () => {
      const lines = agent.channel.activeChats()[0]?.transcript.filter((m) => m.sender === 'customer') ?? [];
      return lines.length === hostile.length + 2 ? lines : undefined;
    });
    assert.deepEqual(texts(received), ['hello', ...hostile, asCarried]);
    // And the other way: the agent's text reaches the customer unchanged.
    for (const text of hostile.slice(0, 3)) agent.channel.send(chatId, text);
    await waitFor(
      'the agent lines at the customer',
      () => customer.lines().filter((l) => l.from === 'agent').length === 3,
    );
    assert.deepEqual(texts(customer.lines().filter((l) => l.from === 'agent')), hostile.slice(0, 3));
    // Too long or empty is refused with a reason, not truncated.
    const tooLong = agent.channel.send(chatId, 'y'.repeat(MAX_MESSAGE_LENGTH + 1));
    assert.equal(!tooLong.ok && tooLong.error.code, 'too-long');
    const empty = agent.channel.send(chatId, ' \n ');
    assert.equal(!empty.ok && empty.error.code, 'empty');
  } finally {
    customer.close();
    await agent.channel.signOut();
    await router.stop();
  }
});

test("the customer sees the agent's first name, or a neutral word, and never the agent's login id", async () => {
  const router = await startTestRouter(prosody);
  const named = await signInAgent(prosody, router, { max: 1, channel: { displayName: 'Dana' } });
  const unnamed = await signInAgent(prosody, router, { max: 1 });
  const seen = new Map<string, string[]>();
  const customers = [startCustomer(prosody, router), startCustomer(prosody, router)];
  try {
    for (const [i, customer] of customers.entries()) {
      const agentNames: string[] = [];
      seen.set(String(i), agentNames);
      customer.subscribe((e) => {
        if (e.type === 'agent' && e.name) agentNames.push(e.name);
      });
      await customer.start(`Named${i}`, 'Hello?');
    }
    for (const agent of [named, unnamed]) {
      const chatId = await offeredChat(agent.channel);
      await agent.channel.accept(chatId);
      await waitFor('the question at the agent', () =>
        agent.channel.activeChats()[0]?.transcript.some((m) => m.text === 'Hello?'),
      );
      agent.channel.send(chatId, 'How can I help?');
    }
    const [first, second] = customers;
    assert.ok(first && second);
    await waitFor('the answers', () =>
      customers.every((c) => c.lines().some((l) => l.text === 'How can I help?' && l.from === 'agent')),
    );
    assert.deepEqual(
      first.lines().map((l) => [l.from, l.from === 'agent' ? l.name : '', l.text]),
      [
        ['me', '', 'Hello?'],
        ['system', '', 'Dana has joined the chat.'],
        ['agent', 'Dana', 'How can I help?'],
      ],
    );
    assert.equal(seen.get('0')?.at(-1), 'Dana');
    assert.ok(second.lines().some((l) => l.text === 'An agent has joined the chat.'));
    assert.equal(seen.get('1')?.at(-1), 'Agent');
    for (const [customer, agent] of [
      [first, named],
      [second, unnamed],
    ] as const) {
      for (const line of customer.lines()) {
        assert.ok(!line.text.includes(agent.id) && !line.name.includes(agent.id), `${line.name}: ${line.text}`);
      }
    }
  } finally {
    for (const c of customers) c.close();
    await named.channel.signOut();
    await unnamed.channel.signOut();
    await router.stop();
  }
});
