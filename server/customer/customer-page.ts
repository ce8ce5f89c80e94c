// The customer chat page's script (bundled into a classic script): a name and a question, the queue position,
// the conversation, typing, end. Every piece of text goes into the page with textContent, never as markup.
import { CustomerChatClient, type CustomerEvent, type CustomerLine } from './customer-chat-client.ts';
import { NEUTRAL_AGENT_NICK } from '../../src/core/chat/xmpp/profile/shared.ts';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

function main(): void {
  const config = document.body.dataset;
  const client = new CustomerChatClient({
    service: config['service'] ?? '',
    guestDomain: config['guestDomain'] ?? '',
    routerJid: config['router'] ?? '',
  });
  const startForm = byId<HTMLFormElement>('start');
  const chat = byId<HTMLElement>('chat');
  const status = byId<HTMLElement>('status');
  const lines = byId<HTMLOListElement>('lines');
  const typing = byId<HTMLElement>('typing');
  const sendForm = byId<HTMLFormElement>('send');
  const input = byId<HTMLTextAreaElement>('message');
  const endButton = byId<HTMLButtonElement>('end');
  const rendered = new Map<string, HTMLLIElement>();
  let ended = false;

  const show = (line: CustomerLine): void => {
    let li = rendered.get(line.id);
    if (!li) {
      li = document.createElement('li');
      const who = document.createElement('span');
      who.className = 'who';
      const text = document.createElement('span');
      text.className = 'text';
      li.append(who, text);
      rendered.set(line.id, li);
      lines.append(li);
    }
    li.className = `line from-${line.from}${line.pending ? ' pending' : ''}`;
    const [who, text] = [li.children[0], li.children[1]];
    if (who) who.textContent = line.from === 'system' ? '' : line.from === 'me' ? 'You' : line.name;
    if (text) text.textContent = line.text;
    li.scrollIntoView({ block: 'end' });
  };

  client.subscribe((event: CustomerEvent) => {
    switch (event.type) {
      case 'queued':
        status.textContent =
          event.position > 0 ? `You are number ${event.position} in the queue.` : 'Connecting you to an agent…';
        break;
      case 'line':
        show(event.line);
        break;
      case 'confirmed':
        rendered.get(event.id)?.classList.remove('pending');
        break;
      case 'agent':
        if (!ended)
          status.textContent = event.name
            ? `You are chatting with ${event.name === NEUTRAL_AGENT_NICK ? 'an agent' : event.name}.`
            : 'The agent left the chat.';
        break;
      case 'agent-typing':
        typing.textContent = event.state === 'composing' ? 'The agent is typing…' : '';
        break;
      case 'ended':
        ended = true;
        status.textContent = 'The chat has ended.';
        typing.textContent = '';
        input.disabled = true;
        endButton.disabled = true;
        break;
      case 'disconnected':
        if (!ended) status.textContent = 'The connection to the chat service was lost.';
        break;
    }
  });

  startForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(startForm);
    const name = String(data.get('name') ?? '').trim();
    const question = String(data.get('question') ?? '');
    if (!name) {
      status.textContent = 'Please enter your name.';
      return;
    }
    startForm.hidden = true;
    chat.hidden = false;
    status.textContent = 'Connecting…';
    // The entry point chooses the queue: a chat link such as /chat/?queue=billing (none: the default queue).
    const queue = new URLSearchParams(window.location.search).get('queue');
    void client.start(name, question, [], queue || null).then((started) => {
      if (!started.ok) status.textContent = started.message;
    });
  });

  let typingTimer: ReturnType<typeof setTimeout> | null = null;
  input.addEventListener('input', () => {
    client.setTyping('composing');
    if (typingTimer) clearTimeout(typingTimer);
    typingTimer = setTimeout(() => client.setTyping('paused'), 3000);
  });

  sendForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const sent = client.send(input.value);
    if (!sent.ok) {
      status.textContent = sent.message;
      return;
    }
    input.value = '';
    if (typingTimer) clearTimeout(typingTimer);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      sendForm.requestSubmit();
    }
  });

  endButton.addEventListener('click', () => {
    void client.end();
  });
  window.addEventListener('pagehide', () => client.close());
}

main();
