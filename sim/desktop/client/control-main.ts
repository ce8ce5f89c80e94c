// The simulator control page: forms for the JSON control API under /control/ (calls, wrap-up, node failures,
// malformed notifications, reset) and a view of the world state and the REST request log.
import { byId, el } from './dom.ts';

interface Snapshot {
  readonly users: ReadonlyArray<{
    loginId: string;
    firstName: string;
    lastName: string;
    state: string;
    extension: string | null;
  }>;
  readonly dialogs: ReadonlyArray<{
    id: string;
    callType: string | null;
    state: string;
    fromAddress: string | null;
    toAddress: string | null;
  }>;
  readonly settings: ReadonlyArray<{ id: string; wrapUp: boolean }>;
  readonly nodes: ReadonlyArray<{ name: string; url: string; inService: boolean }>;
  readonly requests: ReadonlyArray<{
    at: string;
    node: string;
    method: string;
    path: string;
    user: string | null;
    status: number;
  }>;
}

/** Calls one control route; the answer (or the error the simulator gives) is shown in the result line. */
async function control(operation: string, method: 'POST' | 'PUT', path: string, body: unknown = {}): Promise<boolean> {
  const result = byId('result');
  try {
    const response = await fetch(`/control/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    result.dataset['ok'] = String(response.ok);
    result.textContent = response.ok
      ? `${operation}: done ${text && text !== '{}' ? text : ''}`
      : `${operation} failed (${response.status}): ${errorText(text)}`;
    return response.ok;
  } catch (e) {
    result.dataset['ok'] = 'false';
    result.textContent = `${operation} failed: ${e instanceof Error ? e.message : String(e)}`;
    return false;
  } finally {
    void refresh();
  }
}

function errorText(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: string; error?: string };
    return parsed.message ?? parsed.error ?? text;
  } catch {
    return text;
  }
}

function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) if (typeof v === 'string') out[k] = v;
  return out;
}

function onSubmit(
  id: string,
  handler: (values: Record<string, string>, form: HTMLFormElement) => Promise<unknown>,
): void {
  const form = byId<HTMLFormElement>(id);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void handler(formValues(form), form);
  });
}

async function refresh(): Promise<void> {
  let snapshot: Snapshot;
  try {
    const response = await fetch('/control/state', { cache: 'no-store' });
    snapshot = (await response.json()) as Snapshot;
  } catch (e) {
    byId('state').textContent = `The world state could not be read: ${e instanceof Error ? e.message : String(e)}`;
    return;
  }
  fillAgents(snapshot);
  renderDialogs(snapshot);
  const wrap = byId<HTMLFormElement>('wrapup-form').querySelector<HTMLInputElement>('input[name="enabled"]');
  const selected = byId<HTMLFormElement>('wrapup-form').querySelector<HTMLSelectElement>('select');
  if (wrap && selected) wrap.checked = snapshot.settings.find((s) => s.id === selected.value)?.wrapUp ?? false;
  const { requests, ...world } = snapshot;
  byId('state').textContent = JSON.stringify(
    {
      nodes: world.nodes,
      users: world.users.map((u) => ({
        id: u.loginId,
        name: `${u.firstName} ${u.lastName}`,
        state: u.state,
        extension: u.extension,
      })),
      dialogs: world.dialogs,
      settings: world.settings,
    },
    null,
    2,
  );
  byId('log').textContent = requests
    .slice(-100)
    .reverse()
    .map(
      (r) =>
        `${r.at}  ${r.node.padEnd(9)} ${r.method.padEnd(6)} ${String(r.status).padEnd(4)} ${r.path}${r.user ? `  (${r.user})` : ''}`,
    )
    .join('\n');
}

function fillAgents(snapshot: Snapshot): void {
  for (const select of Array.from(document.querySelectorAll<HTMLSelectElement>('select.agent-select'))) {
    const current = select.value;
    select.replaceChildren(
      ...snapshot.users.map((u) =>
        el('option', { value: u.loginId }, `${u.loginId} ${u.firstName} ${u.lastName} (${u.state})`),
      ),
    );
    if (current && snapshot.users.some((u) => u.loginId === current)) select.value = current;
  }
}

function renderDialogs(snapshot: Snapshot): void {
  const list = byId('dialogs');
  list.replaceChildren();
  if (snapshot.dialogs.length === 0) list.append(el('li', {}, 'No calls.'));
  for (const d of snapshot.dialogs) {
    const end = el('button', { type: 'button' }, 'End');
    end.addEventListener('click', () => void control('end call', 'POST', `calls/${encodeURIComponent(d.id)}/end`));
    const noAnswer = el('button', { type: 'button' }, 'Ring, no answer');
    noAnswer.addEventListener(
      'click',
      () => void control('ring, no answer', 'POST', `calls/${encodeURIComponent(d.id)}/ring-no-answer`),
    );
    list.append(
      el(
        'li',
        {},
        `${d.id} ${d.callType ?? ''} ${d.state} ${d.fromAddress ?? ''} → ${d.toAddress ?? ''}`,
        el('span', {}, end, ' ', d.state === 'ALERTING' ? noAnswer : null),
      ),
    );
  }
}

const agentPath = (id: string | undefined) => `agents/${encodeURIComponent(id ?? '')}`;
onSubmit('acd-form', (v) =>
  control('ACD call', 'POST', 'calls/acd', {
    agentId: v['agentId'],
    fromAddress: v['from'],
    dialedNumber: v['dialedNumber'],
  }),
);
onSubmit('internal-form', (v) =>
  control('internal call', 'POST', 'calls/internal', {
    agentId: v['agentId'],
    kind: v['kind'],
    ...(v['fromAddress'] ? { fromAddress: v['fromAddress'] } : {}),
  }),
);
onSubmit('wrapup-form', (v, form) => {
  const enabled = form.querySelector<HTMLInputElement>('input[name="enabled"]')?.checked ?? false;
  return control('wrap-up', 'PUT', `${agentPath(v['agentId'])}/wrap-up`, { enabled });
});
onSubmit('wrapup-expire-form', (v) => control('wrap-up timer', 'POST', `${agentPath(v['agentId'])}/wrap-up/expire`));
onSubmit('malformed-form', (v) =>
  control('malformed notification', 'POST', 'notifications', {
    node: `/finesse/api/User/${v['agentId'] ?? ''}`,
    payload: v['payload'] ?? '',
  }),
);
for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-node]'))) {
  const node = button.dataset['node'] ?? '';
  button.addEventListener(
    'click',
    () => void control(`node ${node}`, 'PUT', `nodes/${node}`, { inService: button.dataset['up'] === 'true' }),
  );
}
byId('reset').addEventListener('click', () => void control('reset', 'POST', 'reset'));
byId('refresh').addEventListener('click', () => void refresh());
void refresh();
setInterval(() => void refresh(), 3000);
