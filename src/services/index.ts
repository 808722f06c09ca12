/**
 * The e-tjänst registry: every folder under src/services with a definition.ts (the current
 * version), plus its earlier published versions in versions/*.ts. A published version is never
 * edited: a change is a new version, and every submission is shown with the version it was made
 * against. Definitions are validated as they load, so an invalid one stops the server at start-up.
 * Loaded the same way in the built app and in plain Node (scripts, background workers): eager-glob.ts.
 */
import type { ServiceDefinition } from '../domain/forms/definition.ts';
import { eagerGlob } from '../eager-glob.ts';

const current = await eagerGlob(() => import.meta.glob<ServiceDefinition>('./*/definition.ts', { eager: true, import: 'default' }), import.meta.url, './*/definition.ts');
const earlier = await eagerGlob(() => import.meta.glob<ServiceDefinition>('./*/versions/*.ts', { eager: true, import: 'default' }), import.meta.url, './*/versions/*.ts');

export class ServiceRegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceRegistryError';
  }
}

export const services: ServiceDefinition[] = Object.values(current).sort((a, b) => a.id.localeCompare(b.id));

const byId = new Map(services.map((s) => [s.id, s]));
const byVersion = new Map<string, ServiceDefinition>();
for (const def of [...services, ...Object.values(earlier)]) {
  const key = `${def.id}@${def.version}`;
  if (byVersion.has(key)) throw new ServiceRegistryError(`E-tjänst "${def.id}" has version ${def.version} twice`);
  const latest = byId.get(def.id);
  if (!latest) throw new ServiceRegistryError(`E-tjänst "${def.id}" has an earlier version but no current definition.ts`);
  if (def !== latest && def.version >= latest.version) throw new ServiceRegistryError(`E-tjänst "${def.id}": definition.ts must be the newest version`);
  byVersion.set(key, def);
}

/** Every published version of every e-tjänst, current and earlier. */
export const allVersions: ServiceDefinition[] = [...byVersion.values()];

export function getService(id: string | undefined): ServiceDefinition | undefined {
  return id ? byId.get(id) : undefined;
}

/** The definition a submission was made against, for showing it as it was asked. */
export function getServiceVersion(id: string, version: number): ServiceDefinition | undefined {
  return byVersion.get(`${id}@${version}`);
}
