// The server half of `npm start` (see start.mjs): emulator + demo on one origin.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startEmulator } from '../emulator/src/index';
import { EMULATOR_DIR } from '../emulator/src/paths';

const { values } = parseArgs({
  options: {
    settings: { type: 'string' },
    persist: { type: 'string' },
    control: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

const publishableKey = process.env.CLERK_PUBLISHABLE_KEY?.trim() || undefined;
const emulator = await startEmulator({
  port: Number(process.env.PORT ?? 4400),
  settings: resolve(values.settings ?? `${EMULATOR_DIR}/settings/default.json`),
  control: values.control,
  persist: values.persist ? resolve(values.persist) : null,
  demo: { publishableKey },
  logRequests: !values.quiet,
});

console.log(`\n  Demo: ${emulator.url}/  (sign in at ${emulator.url}/sign-in)`);
if (publishableKey) console.log(`  Using real Clerk with ${publishableKey.slice(0, 12)}… (CLERK_PUBLISHABLE_KEY); the emulator's FAPI is idle.`);
else console.log(`  Clerk emulator at ${emulator.proxyUrl} (seeded users: ${Object.values(emulator.world.store.data.users).map((u) => u.username ?? u.id).join(', ')}; phone/email code 424242)`);
console.log('');

const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
