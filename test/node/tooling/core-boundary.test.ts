// The headless core must never reach into Lit or the UI, and no gadget code into the simulator or the tests:
// the lint rules are the guard, and these prove they fire.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function lint(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

test('src/core importing lit is a lint error', async () => {
  const messages = await lint("import { html } from 'lit';\nexport const t = html`x`;\n", 'src/core/blending/bad.ts');
  assert.ok(
    messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('Lit belongs in src/ui')),
    messages.join('\n'),
  );
});

test('src/core importing from src/ui is a lint error', async () => {
  const messages = await lint(
    "import { AgentPanel } from '../../ui/agent-panel.ts';\nexport const p = AgentPanel;\n",
    'src/core/finesse/bad.ts',
  );
  assert.ok(
    messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('must not depend on the UI')),
    messages.join('\n'),
  );
});

test('src/core touching document is a lint error', async () => {
  const messages = await lint('export const b = document.body;\n', 'src/core/chat/bad.ts');
  assert.ok(
    messages.some((m) => m.startsWith('no-restricted-globals')),
    messages.join('\n'),
  );
});

test('src importing the simulator is a lint error', async () => {
  const messages = await lint(
    "import { startWorld } from '../../sim/world.ts';\nexport const w = startWorld;\n",
    'src/boot/bad.ts',
  );
  assert.ok(
    messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('must not depend on sim/')),
    messages.join('\n'),
  );
});

test('src importing test code is a lint error', async () => {
  const messages = await lint(
    "import { fakeHub } from '../../test/node/agent-boot/fakes.ts';\nexport const h = fakeHub;\n",
    'src/ui/bad.ts',
  );
  assert.ok(
    messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('must not depend on sim/')),
    messages.join('\n'),
  );
});

test('src/core importing the simulator is a lint error, and the core boundary still holds beside it', async () => {
  const code =
    "import { html } from 'lit';\nimport { applyStateRequest } from '../../../sim/finesse/agent-state-table.ts';\nexport const t = [html`x`, applyStateRequest];\n";
  const messages = await lint(code, 'src/core/finesse/bad.ts');
  assert.ok(
    messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('must not depend on sim/')),
    messages.join('\n'),
  );
  assert.ok(
    messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('Lit belongs in src/ui')),
    messages.join('\n'),
  );
});

test('the simulator may import src', async () => {
  const messages = await lint(
    "import type { AgentState } from '../../src/core/finesse/types.ts';\nexport const s: AgentState = 'READY';\n",
    'sim/finesse/fine.ts',
  );
  assert.deepEqual(messages, []);
});

test('src/ui may import lit', async () => {
  const messages = await lint("import { html } from 'lit';\nexport const t = html`x`;\n", 'src/ui/fine.ts');
  assert.deepEqual(messages, []);
});

test('innerHTML assignment is a lint error anywhere in src', async () => {
  const messages = await lint('export function f(el: HTMLElement, s: string) { el.innerHTML = s; }\n', 'src/ui/bad.ts');
  assert.ok(
    messages.some((m) => m.startsWith('no-restricted-syntax')),
    messages.join('\n'),
  );
});

test('eval is a lint error', async () => {
  const messages = await lint('export const v = eval("1");\n', 'src/boot/bad.ts');
  assert.ok(
    messages.some((m) => m.startsWith('no-eval')),
    messages.join('\n'),
  );
});

test('src importing the chat service is a lint error', async () => {
  const messages = await lint(
    "import { ChatRouter } from '../../../server/router/chat-router.ts';\nexport const r = ChatRouter;\n",
    'src/core/chat/bad.ts',
  );
  assert.ok(
    messages.some(
      (m) => m.startsWith('no-restricted-imports') && m.includes('must not depend on sim/, test/ or server/'),
    ),
    messages.join('\n'),
  );
});

test('the chat service importing the gadget UI, app layer, boot code or the simulator is a lint error', async () => {
  for (const [from, expected] of [
    ['../../src/ui/agent-panel.ts', 'may import only src/core'],
    ['../../src/app/agent-session.ts', 'may import only src/core'],
    ['../../src/boot/agent-gadget.ts', 'may import only src/core'],
    ['../../sim/world.ts', 'must not depend on the simulator'],
  ] as const) {
    const messages = await lint(`import { x } from '${from}';\nexport const y = x;\n`, 'server/router/bad.ts');
    assert.ok(
      messages.some((m) => m.startsWith('no-restricted-imports') && m.includes(expected)),
      `${from}: ${messages.join('\n')}`,
    );
  }
});

test('the chat service may import the headless core', async () => {
  const messages = await lint(
    "import { bareJid } from '../../src/core/chat/xmpp/dom-read.ts';\nexport const b = bareJid;\n",
    'server/router/fine.ts',
  );
  assert.deepEqual(
    messages.filter((m) => m.startsWith('no-restricted-imports')),
    [],
  );
});
