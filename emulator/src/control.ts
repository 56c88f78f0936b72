import type { LogEntry, World } from './context';
import type { Faults, FaultSpec } from './faults';
import { userJSON } from './json';
import type { EmulatorSettings, SeedUser, SettingsInput } from './settings';
import type { UserRecord } from './state';

export interface ControlRequest {
  world: World;
  faults: Faults;
  log: LogEntry[];
  api: {
    reset(settings?: SettingsInput): void;
    seedUser(user: SeedUser): UserRecord;
    setSettings(patch: SettingsInput): EmulatorSettings;
    injectFault(spec: FaultSpec): number;
    clearLog(): void;
  };
  method: string;
  /** Path after `/__emulator`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

const ok = (body: unknown, status = 200) => ({ status, body });
const bad = (message: string, status = 400) => ({ status, body: { error: message } });

/**
 * The test control API (JSON):
 * POST /reset [settings], GET|POST /users, GET|PATCH /settings, GET|POST|DELETE /faults,
 * GET|DELETE /log (?since=<seq>), GET /state.
 */
export async function handleControl(r: ControlRequest): Promise<{ status: number; body: unknown }> {
  const { world, api } = r;
  const key = `${r.method} ${r.path.replace(/\/$/, '')}`;
  try {
    switch (key) {
      case 'POST /reset':
        api.reset((r.body as SettingsInput | undefined) ?? undefined);
        return ok({ ok: true });
      case 'GET /users':
        return ok(Object.values(world.store.data.users).map(userJSON));
      case 'POST /users': {
        const seeds = Array.isArray(r.body) ? (r.body as SeedUser[]) : [r.body as SeedUser];
        const users = seeds.map((s) => userJSON(api.seedUser(s)));
        return ok(Array.isArray(r.body) ? users : users[0], 201);
      }
      case 'GET /settings':
        return ok(world.settings);
      case 'PATCH /settings':
      case 'POST /settings':
      case 'PUT /settings':
        return ok(api.setSettings((r.body ?? {}) as SettingsInput));
      case 'GET /faults':
        return ok(r.faults.all());
      case 'POST /faults': {
        const specs = Array.isArray(r.body) ? (r.body as FaultSpec[]) : [r.body as FaultSpec];
        const ids = specs.map((s) => api.injectFault(s));
        return ok({ ids }, 201);
      }
      case 'DELETE /faults':
        r.faults.clear();
        return ok({ ok: true });
      case 'GET /log': {
        const since = Number(r.query.get('since') ?? 0);
        return ok(r.log.filter((e) => e.seq > since));
      }
      case 'DELETE /log':
        api.clearLog();
        return ok({ ok: true });
      case 'GET /state':
        return ok(world.store.data);
      default:
        return bad(`no control route ${key}`, 404);
    }
  } catch (e) {
    return bad((e as Error).message);
  }
}
