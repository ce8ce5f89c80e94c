// The server half of `npm start`: Prosody, the Finesse simulator, the chat router and customer page, and the
// desktop harness on friendly ports, then the URLs, demo accounts and how to try blending. Stops everything on SIGINT/SIGTERM, or when `npm start` goes away.
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DEMO_QUEUES, startDesktopWorld, type DesktopWorld } from './desktop-world.ts';
import { parseStartArgs } from './start-options.ts';

const host = process.env['HOST'] ?? '127.0.0.1';
const wantedPort = Number(process.env['PORT'] ?? 8080);
const distDir = resolve(process.env['FINESSE_BLEND_OUT_DIR'] ?? 'dist');
const parsed = parseStartArgs(process.argv.slice(2), process.env['INIT_CWD'] ?? process.cwd());
if (!parsed.ok) {
  console.error(`finesse-blend: ${parsed.error}`);
  process.exit(1);
}
const startOptions = parsed.value;
if (startOptions.checkOnly) process.exit(0);

/** True when nothing listens on host:port yet. */
function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, host, () => probe.close(() => done(true)));
  });
}

async function choosePorts(): Promise<{ primary: number; secondary: number }> {
  if (!Number.isInteger(wantedPort) || wantedPort < 0 || wantedPort > 65535) {
    throw new Error(`PORT=${process.env['PORT']} is not a port number.`);
  }
  if (wantedPort === 0) return { primary: 0, secondary: 0 };
  const primaryFree = await portFree(wantedPort);
  const secondaryFree = wantedPort < 65535 && (await portFree(wantedPort + 1));
  if (!primaryFree)
    console.log(`finesse-blend: port ${wantedPort} is taken; using a free port instead (set PORT to choose one).`);
  return { primary: primaryFree ? wantedPort : 0, secondary: primaryFree && secondaryFree ? wantedPort + 1 : 0 };
}

let running: DesktopWorld | null = null;
let stopping = false;

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    await running?.stop();
  } catch (e) {
    console.error('finesse-blend: stopping failed:', e instanceof Error ? e.message : e);
    code = 1;
  }
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('disconnect', () => void stop(0));

try {
  const ports = await choosePorts();
  running = await startDesktopWorld({
    distDir,
    host,
    primaryPort: ports.primary,
    secondaryPort: ports.secondary,
    rebuildClient: true,
    queues: DEMO_QUEUES,
    gadgetFolders: startOptions.gadgetFolders,
    ...(startOptions.layoutXml !== undefined ? { layoutXml: startOptions.layoutXml } : {}),
    ...(startOptions.finesseJsDir !== undefined ? { finesseJsDir: startOptions.finesseJsDir } : {}),
    ...(startOptions.finesseVersion !== undefined ? { finesseVersion: startOptions.finesseVersion } : {}),
  });
  if (stopping) await running.stop();
  const { world } = running;
  const lines = [
    '',
    'finesse-blend: the simulated Finesse desktop is running.',
    `  Desktop (sign in here):   ${running.desktopUrl}`,
    `  Control page:             ${running.controlUrl}`,
    `  Finesse REST, node A:     ${world.simulator.primaryUrl}/finesse/api/`,
    `  Finesse REST, node B:     ${world.simulator.secondaryUrl}/finesse/api/`,
    `  Gadget (from ${distDir}): ${running.baseUrl}/3rdpartygadget/files/finesse-blend/gadget.xml`,
    ...Object.entries(startOptions.gadgetFolders).map(
      ([name, dir]) => `  Your gadgets (${dir}): ${running?.baseUrl ?? ''}/3rdpartygadget/files/${name}/`,
    ),
    ...(startOptions.layoutFile ? [`  Layout:                   ${startOptions.layoutFile}`] : []),
    `  Finesse release:          ${running.harness.finesseVersion}${running.harness.digitalChannels ? '' : ' (no digital channels, no popovers)'}`,
    `  XMPP (Prosody):           ${world.prosody.websocketUrl}  (BOSH ${world.prosody.boshUrl})`,
    ...chatLines(running),
    '',
    '  Demo accounts (username / password / extension):',
    ...demoAccounts(running),
    '',
    ...blendingHint(running),
    'Press Ctrl-C to stop everything.',
  ];
  console.log(lines.join('\n'));
} catch (e) {
  console.error(`finesse-blend: could not start: ${e instanceof Error ? e.message : String(e)}`);
  await stop(1);
}

function chatLines(d: DesktopWorld): string[] {
  if (!d.chat) return ['  Customer chat page:       off (chat is disabled)'];
  return [
    `  Customer chat page:       ${d.chat.customerUrl}`,
    `  Sample website + widget:  ${d.chat.customerSiteUrl}`,
    `  Chat router:              ${d.chat.routerJid}`,
  ];
}

function blendingHint(d: DesktopWorld): string[] {
  if (!d.chat) return [];
  const agent = d.world.simulator.users.find((u) => !u.supervisor);
  const example = agent ? ` (e.g. ${agent.id} / ${agent.password} / ${agent.extension})` : '';
  return [
    `Try blending: sign in on the desktop as an agent${example}, go Ready, then open the customer chat page in another window and start a chat.`,
    '',
  ];
}

function demoAccounts(d: DesktopWorld): string[] {
  return d.world.simulator.users.map(
    (u) =>
      `    ${u.id.padEnd(10)} ${u.password.padEnd(14)} ${u.extension.padEnd(10)} ${u.firstName} ${u.lastName}${u.supervisor ? ' (supervisor)' : ''}`,
  );
}
