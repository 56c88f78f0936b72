import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { parsePort, startEmulator, type RunningEmulator } from './server';
import { EMULATOR_DIR } from './paths';

const HELP = `Usage: npm run emulator -- [options]

  --port <n>          port on 127.0.0.1 (default $PORT or 4400; 0 = any free port)
  --settings <file>   instance settings JSON (default emulator/settings/default.json)
  --control           enable the test control API under /__emulator
  --persist <file>    keep state in this JSON file across restarts
  --demo              also serve the demo site on the same origin
  --quiet             do not print one line per request
`;

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n`);
  process.exit(1);
}

let values: { port?: string; settings?: string; control: boolean; persist?: string; demo: boolean; quiet: boolean; help: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      settings: { type: 'string' },
      control: { type: 'boolean', default: false },
      persist: { type: 'string' },
      demo: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (e) {
  fail(`${(e as Error).message}\n\n${HELP}`);
}

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

let emulator: RunningEmulator;
try {
  emulator = await startEmulator({
    port: parsePort(values.port ?? process.env.PORT, 4400),
    settings: resolve(values.settings ?? `${EMULATOR_DIR}/settings/default.json`),
    control: values.control,
    persist: values.persist ? resolve(values.persist) : null,
    demo: values.demo,
    logRequests: !values.quiet,
  });
} catch (e) {
  fail((e as Error).message);
}
process.stdout.write(`Clerk emulator on ${emulator.url}  (proxy ${emulator.proxyUrl}, key ${emulator.publishableKey})\n`);
process.stdout.write(`Backend API at ${emulator.backendApiUrl}  (secret key ${emulator.secretKey})\n`);
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
