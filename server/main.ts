// The chat service's command: `npm run chat-service -- --config chat-service.json`. Reads and checks the
// configuration (exit code 2 with one sentence per problem), starts the service, and stops it on SIGTERM or SIGINT.
import { readFileSync } from 'node:fs';
import { parseConfig } from './service/config.ts';
import { jsonLogger } from './service/log.ts';
import { startChatService, StoreOpenError } from './service/chat-service.ts';

const USAGE = 'Usage: npm run chat-service -- --config chat-service.json';

function configPath(args: readonly string[]): string | null {
  const i = args.indexOf('--config');
  if (i >= 0) return args[i + 1] ?? null;
  const inline = args.find((a) => a.startsWith('--config='));
  return inline ? inline.slice('--config='.length) : null;
}

function fail(problems: readonly string[]): never {
  for (const problem of problems) process.stderr.write(`chat-service: ${problem}\n`);
  process.exit(2);
}

const path = configPath(process.argv.slice(2));
if (!path) fail([`No configuration file given: pass --config with its path. ${USAGE}`]);
let text: string;
try {
  text = readFileSync(path, 'utf8');
} catch {
  fail([`Cannot read the configuration file ${path}: check the path and that the service's user may read it.`]);
}
const result = parseConfig(text, path, process.env);
if (!result.ok) fail(result.problems);

const log = jsonLogger();
const { host, port } = result.config.http;
let exiting = false;
const service = await startChatService(result.config, log, {
  // Lost its store: exit non-zero so the supervisor (systemd's Restart=) starts it again, as a standby.
  onFatal: () => {
    exiting = true;
    setImmediate(() => void service.stop().finally(() => process.exit(1)));
  },
}).catch((error: unknown) => {
  if (error instanceof StoreOpenError) {
    log.error('cannot open the store', { problem: error.message });
    process.exit(1);
  }
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  log.error('cannot listen: check http.host and http.port (is the port in use?)', { host, port, code });
  process.exit(1);
});
const shutdown = (signal: string) => {
  if (exiting) return;
  exiting = true;
  log.info('signal received', { signal });
  const force = setTimeout(() => {
    log.error('did not stop within 10 s; exiting');
    process.exit(1);
  }, 10_000);
  force.unref();
  void service.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
