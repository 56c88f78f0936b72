// The server half of `npm start` (see start.mjs): emulator + demo on one origin.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { parsePort, startEmulator, type RunningEmulator } from '../emulator/src/index';
import { EMULATOR_DIR } from '../emulator/src/paths';

/** Start-up problems are the user's to fix (port taken, bad key, bad file): one clear line, no stack. */
function fail(message: string): never {
  process.stderr.write(`\nnpm start: ${message}\n\n`);
  process.exit(1);
}

let values: { settings?: string; persist?: string; control: boolean; quiet: boolean };
try {
  ({ values } = parseArgs({
    options: {
      settings: { type: 'string' },
      persist: { type: 'string' },
      control: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  }));
} catch (e) {
  fail(`${(e as Error).message}. Options: --settings <file>, --persist <file>, --control, --quiet, --rebuild`);
}

const publishableKey = process.env.CLERK_PUBLISHABLE_KEY?.trim() || undefined;
// With real Clerk, the demo's /api/provider-profile needs that instance's secret key (server side only).
const secretKey = process.env.CLERK_SECRET_KEY?.trim() || undefined;
let emulator: RunningEmulator;
try {
  emulator = await startEmulator({
    port: parsePort(process.env.PORT, 4400),
    settings: resolve(values.settings ?? `${EMULATOR_DIR}/settings/default.json`),
    control: values.control,
    persist: values.persist ? resolve(values.persist) : null,
    demo: { publishableKey, secretKey },
    logRequests: !values.quiet,
  });
} catch (e) {
  fail((e as Error).message);
}

const users = Object.values(emulator.world.store.data.users).map((u) => u.username ?? u.id);
console.log(`\n  Demo running at ${emulator.url}/   (open it in a browser; sign in at ${emulator.url}/sign-in)`);
if (publishableKey) console.log(`  Using real Clerk with ${publishableKey.slice(0, 12)}… (CLERK_PUBLISHABLE_KEY); the emulator's FAPI is idle.`);
else {
  console.log(`  Clerk emulator at ${emulator.proxyUrl} (seeded users: ${users.join(', ') || 'none'}; phone/email code 424242)`);
  console.log(`  Backend API at ${emulator.backendApiUrl} (secret key ${emulator.secretKey}); try ${emulator.url}/api/provider-profile?provider=google`);
}
if (values.persist) console.log(`  State persisted in ${resolve(values.persist)}`);
if (values.control) console.log(`  Control API at ${emulator.url}/__emulator`);
console.log('  Press Ctrl+C to stop.\n');

const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
