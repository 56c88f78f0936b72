import type { LogEntry, World } from './context';
import type { Faults, FaultSpec } from './faults';
import { userJSON } from './json';
import type { EmulatorSettings, SeedUser, SettingsInput } from './settings';
import type { UserRecord } from './state';

export interface ControlApi {
  reset(settings?: SettingsInput): void;
  seedUser(user: SeedUser): UserRecord;
  setSettings(patch: SettingsInput): EmulatorSettings;
  injectFault(spec: FaultSpec): number;
  clearLog(): void;
  ageSessions(minutes: number): number;
}

export interface ControlRequest {
  world: World;
  faults: Faults;
  log: LogEntry[];
  api: ControlApi;
  query: URLSearchParams;
  body: unknown;
}

export interface ControlRoute {
  method: string;
  /** After `/__emulator`. */
  path: string;
  handler: (r: ControlRequest) => { status: number; body: unknown };
}

const ok = (body: unknown, status = 200) => ({ status, body });

const setSettings = (r: ControlRequest) => ok(r.api.setSettings((r.body ?? {}) as SettingsInput));

/** The test control API (JSON), mounted under `/__emulator` in the server's route table when enabled. */
export const CONTROL_ROUTES: ControlRoute[] = [
  {
    method: 'POST',
    path: '/reset',
    handler: (r) => {
      r.api.reset((r.body as SettingsInput | undefined) ?? undefined);
      return ok({ ok: true });
    },
  },
  { method: 'GET', path: '/users', handler: (r) => ok(Object.values(r.world.store.data.users).map(userJSON)) },
  {
    method: 'POST',
    path: '/users',
    handler: (r) => {
      const seeds = Array.isArray(r.body) ? (r.body as SeedUser[]) : [r.body as SeedUser];
      const users = seeds.map((s) => userJSON(r.api.seedUser(s)));
      return ok(Array.isArray(r.body) ? users : users[0], 201);
    },
  },
  { method: 'GET', path: '/settings', handler: (r) => ok(r.world.settings) },
  { method: 'PATCH', path: '/settings', handler: setSettings },
  { method: 'POST', path: '/settings', handler: setSettings },
  { method: 'PUT', path: '/settings', handler: setSettings },
  {
    method: 'POST',
    path: '/sessions/age',
    handler: (r) => {
      const minutes = Number((r.body as { minutes?: unknown } | undefined)?.minutes);
      if (!Number.isFinite(minutes) || minutes < 0) throw new Error('body must be { "minutes": <number >= 0> }');
      return ok({ sessions: r.api.ageSessions(minutes) });
    },
  },
  { method: 'GET', path: '/faults', handler: (r) => ok(r.faults.all()) },
  {
    method: 'POST',
    path: '/faults',
    handler: (r) => {
      const specs = Array.isArray(r.body) ? (r.body as FaultSpec[]) : [r.body as FaultSpec];
      return ok({ ids: specs.map((s) => r.api.injectFault(s)) }, 201);
    },
  },
  {
    method: 'DELETE',
    path: '/faults',
    handler: (r) => {
      r.faults.clear();
      return ok({ ok: true });
    },
  },
  {
    method: 'GET',
    path: '/log',
    handler: (r) => {
      const since = Number(r.query.get('since') ?? 0);
      return ok(r.log.filter((e) => e.seq > since));
    },
  },
  {
    method: 'DELETE',
    path: '/log',
    handler: (r) => {
      r.api.clearLog();
      return ok({ ok: true });
    },
  },
  { method: 'GET', path: '/state', handler: (r) => ok(r.world.store.data) },
];
