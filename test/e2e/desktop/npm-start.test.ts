// `npm start` smoke: it prints the desktop, control and customer chat URLs, serves the desktop page, the built
// gadget.xml (with the chat prefs in the layout) and the customer page, and a Ctrl-C (SIGINT to its process
// group, as a terminal sends it) stops every process it started, Prosody included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every live descendant of a process, from /proc (pid -> command line). */
function descendants(root: number): Map<number, string> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const out = new Map<number, string>();
  const walk = (pid: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== pid || out.has(child)) continue;
      let cmd = '';
      try {
        cmd = readFileSync(`/proc/${child}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      } catch {
        continue;
      }
      out.set(child, cmd);
      walk(child);
    }
  };
  walk(root);
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

test(
  'npm start serves the desktop, the gadget and the customer chat page, and Ctrl-C leaves no process behind',
  { timeout: 120_000 },
  async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'fb-start-dist-'));
    // PORT=0: a free port, since others run tests on this machine; the gadget builds into a temp folder.
    const child = spawn('npm', ['start', '--silent'], {
      env: { ...process.env, PORT: '0', FINESSE_BLEND_OUT_DIR: outDir },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid;
    assert.ok(pid);
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      output += d;
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
      child.on('exit', (code, signal) => done({ code, signal })),
    );
    let tree = new Map<number, string>();
    try {
      const deadline = Date.now() + 90_000;
      while (!/Press Ctrl-C/.test(output)) {
        if (Date.now() > deadline || child.exitCode !== null) assert.fail(`npm start did not come up:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const desktopUrl = /Desktop \(sign in here\):\s+(\S+)/.exec(output)?.[1];
      assert.ok(desktopUrl, `the desktop URL is printed:\n${output}`);
      assert.match(output, /Control page:\s+http:\/\/\S+\/control\.html/);
      assert.match(output, /Demo accounts/);
      assert.match(output, /Try blending: sign in .* go Ready, .*customer chat page/);
      const customerUrl = /Customer chat page:\s+(\S+)/.exec(output)?.[1];
      assert.equal(
        customerUrl,
        new URL('/chat/', desktopUrl).href,
        `the customer page is printed, on the desktop's origin:\n${output}`,
      );

      const page = await fetch(desktopUrl);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<script src="\/desktop\/harness\/desktop\.js"><\/script>/);
      const gadget = await fetch(new URL('/3rdpartygadget/files/finesse-blend/gadget.xml', desktopUrl));
      assert.equal(gadget.status, 200);
      assert.match(await gadget.text(), /<Require feature="pubsub-2"\/>/);
      const customerPage = await fetch(customerUrl);
      assert.equal(customerPage.status, 200);
      assert.match(await customerPage.text(), /<finesse-blend-chat inline>/, 'the customer page embeds the widget');
      const widgetSettings = (await (await fetch(new URL('/widget/settings.json', desktopUrl))).json()) as {
        routerJid: string;
      };
      assert.match(widgetSettings.routerJid, /^[^@]+@[^/]+\/.+$/, 'the widget knows the router');
      // The desktop hands the gadget the world's chat settings through the layout's gadget URL.
      const harness = (await (await fetch(new URL('/desktop/harness/config.json', desktopUrl))).json()) as {
        layouts: { tabs: { gadgets: string[] }[] }[];
      };
      const productGadget = harness.layouts[0]?.tabs[0]?.gadgets[0] ?? '';
      const prefs = new URLSearchParams(productGadget.slice(productGadget.indexOf('?') + 1));
      assert.match(prefs.get('chatService') ?? '', /^ws:\/\/127\.0\.0\.1:\d+\/xmpp-websocket$/);
      assert.match(prefs.get('chatRouter') ?? '', /^chat-router@\S+\/router$/);

      tree = descendants(pid);
      const commands = [...tree.values()].join('\n');
      assert.match(commands, /prosody/, 'Prosody runs under npm start');
      assert.match(commands, /sim\/desktop\/start\.ts/);

      process.kill(-pid, 'SIGINT');
      const { code, signal } = await exited;
      // npm itself ends by the SIGINT, as in a terminal; the start script below it stops everything first.
      assert.ok(code === 0 || signal === 'SIGINT', `npm start ended with ${code ?? signal}:\n${output}`);
      const stopDeadline = Date.now() + 15_000;
      while ([...tree.keys()].some(alive) && Date.now() < stopDeadline) await new Promise((r) => setTimeout(r, 100));
      const left = [...tree].filter(([p]) => alive(p));
      assert.deepEqual(left, [], 'every process npm start started has ended');
      assert.match(output, /finesse-blend: stopped\./);
    } finally {
      if (child.exitCode === null) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      for (const [p] of tree) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      rmSync(outDir, { recursive: true, force: true });
    }
  },
);
