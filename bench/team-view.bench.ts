// The supervisor's team view under load, in headless Chromium: 500 members and 200 state changes a second, each
// change a new view as the team session makes it (a new rows map), handed to the view with show() (one draw per
// animation frame). Printed: frame intervals (p50, p95, max) and dropped frames, and the time each draw takes;
// then the same load assigned directly (a draw per change), for comparison. Target: p95 frame interval < 16.7 ms
// (one frame at 60 Hz) with no dropped frames.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { launchChromium } from '../sim/desktop/chromium.ts';

const MEMBERS = 500;
const CHANGES_PER_SECOND = 200;
const SECONDS = 5;

mkdirSync('.tmp', { recursive: true });
const work = mkdtempSync(join(process.cwd(), '.tmp', 'team-bench-'));

const ENTRY = `
import { defineTeamElements } from ${JSON.stringify(join(process.cwd(), 'src/ui/team-view.ts'))};

defineTeamElements();
const STATES = ['READY', 'NOT_READY', 'TALKING', 'HOLD', 'RESERVED', 'WORK', 'LOGOUT'];
const REASONS = ['Break', 'Lunch', 'Meeting', 'Training', null];
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

function member(i, now) {
  const state = pick(STATES);
  return {
    id: String(1000000 + i),
    name: 'Agent ' + String(i).padStart(3, '0') + ' ' + pick(['Adams', 'Baker', 'Carter', 'Dunn', 'Evans']),
    state,
    pendingState: state === 'TALKING' && random() < 0.2 ? 'NOT_READY' : null,
    reasonCodeId: state === 'NOT_READY' ? '1' : null,
    reasonLabel: state === 'NOT_READY' ? pick(REASONS) : null,
    reasonSystem: false,
    since: now - Math.floor(random() * 3600000),
  };
}

window.runTeamBench = async ({ members, perSecond, seconds, batched }) => {
  document.body.replaceChildren();
  const el = document.createElement('finesse-blend-team');
  document.body.append(el);
  let rows = new Map();
  for (let i = 0; i < members; i++) {
    const m = member(i, Date.now());
    rows.set(m.id, m);
  }
  // The chat columns from a live team feed: each member's chat state and load (decisions stay empty here).
  const chat = new Map();
  for (const id of rows.keys()) {
    const active = Math.floor(random() * 4);
    chat.set(id, { agentId: id, chat: pick(['available', 'not-available', 'offline']), active, max: 5, latest: null });
  }
  const view = () => ({
    phase: 'ready',
    teams: [{ id: '10', name: 'Bench Team', uri: null }],
    teamId: '10',
    rows,
    chat,
    chatFeed: 'live',
    decisions: null,
    problem: null,
    action: null,
  });
  el.view = view();
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

  const draws = [];
  const update = el.update.bind(el);
  el.update = (changed) => {
    const t0 = performance.now();
    update(changed);
    draws.push(performance.now() - t0);
  };
  const frames = [];
  let last = performance.now();
  let running = true;
  const onFrame = (t) => {
    frames.push(t - last);
    last = t;
    if (running) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame((t) => {
    last = t;
    requestAnimationFrame(onFrame);
  });

  const interval = 1000 / perSecond;
  const start = performance.now();
  let sent = 0;
  await new Promise((resolve) => {
    const step = () => {
      const due = Math.min(perSecond * seconds, Math.floor((performance.now() - start) / interval));
      while (sent < due) {
        const i = Math.floor(random() * members);
        const next = new Map(rows);
        next.set(String(1000000 + i), member(i, Date.now()));
        rows = next;
        sent++;
        if (batched) el.show(view());
        else el.view = view();
      }
      if (sent >= perSecond * seconds) resolve();
      else setTimeout(step, 1);
    };
    step();
  });
  await el.updateComplete;
  running = false;
  el.update = update;
  return { frames, draws, sent, elapsed: performance.now() - start };
};
`;

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

interface Run {
  readonly frames: number[];
  readonly draws: number[];
  readonly sent: number;
  readonly elapsed: number;
}

function report(label: string, run: Run): void {
  const frame = 1000 / 60;
  // A frame interval of about n frames means n - 1 frames were dropped.
  const dropped = run.frames.reduce((n, d) => n + Math.max(0, Math.round(d / frame) - 1), 0);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `${label.padEnd(26)}${String(run.sent).padEnd(9)}${String(run.draws.length).padEnd(7)}` +
      `${ms(quantile(run.draws, 0.5)).padEnd(9)}${ms(quantile(run.draws, 0.95)).padEnd(9)}` +
      `${ms(quantile(run.frames, 0.5)).padEnd(9)}${ms(quantile(run.frames, 0.95)).padEnd(9)}` +
      `${ms(Math.max(...run.frames)).padEnd(10)}${dropped} of ${run.frames.length + dropped}`,
  );
}

const chromium = await launchChromium(1280, 900);
try {
  const entry = join(work, 'entry.js');
  writeFileSync(entry, ENTRY);
  await build({
    configFile: false,
    logLevel: 'silent',
    // The bundle as shipped: Lit's production build, minified.
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: join(work, 'out'),
      emptyOutDir: true,
      target: 'es2021',
      lib: { entry, name: 'TeamBench', formats: ['iife'], fileName: () => 'bench.js' },
    },
  });
  const script = readFileSync(join(work, 'out', 'bench.js'), 'utf8');
  const page = await chromium.browser.newPage();
  await page.setContent('<!DOCTYPE html><html lang="en"><head><title>team bench</title></head><body></body></html>');
  await page.addScriptTag({ content: script });
  console.log(
    `${MEMBERS} members, ${CHANGES_PER_SECOND} changes/s for ${SECONDS} s, headless Chromium, 60 Hz frames (16.7 ms)`,
  );
  console.log('mode                      changes  draws  draw p50 draw p95 frame p50 p95     max       dropped frames');
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const metrics = async (): Promise<Record<string, number>> =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const phases: string[] = [];
  for (const batched of [true, false]) {
    const before = await metrics();
    const run = (await page.evaluate(
      `window.runTeamBench(${JSON.stringify({ members: MEMBERS, perSecond: CHANGES_PER_SECOND, seconds: SECONDS, batched })})`,
    )) as Run;
    const after = await metrics();
    const spent = (name: string) => (((after[name] ?? 0) - (before[name] ?? 0)) * 1000).toFixed(0);
    report(batched ? 'show(): one draw a frame' : 'a draw per change', run);
    phases.push(
      `${batched ? 'show()' : 'per change'}: script ${spent('ScriptDuration')} ms, style ${spent('RecalcStyleDuration')} ms, layout ${spent('LayoutDuration')} ms, task ${spent('TaskDuration')} ms`,
    );
  }
  console.log(`main thread over each run: ${phases.join('; ')}`);
} finally {
  await chromium.close();
  rmSync(work, { recursive: true, force: true });
}
