/**
 * The e-tjänst registry: every folder under src/services with a definition.ts. Definitions are
 * validated as they load, so an invalid one stops the server at start-up, naming the problem.
 */
import type { ServiceDefinition } from '../domain/forms/definition.ts';

const modules = import.meta.glob<ServiceDefinition>('./*/definition.ts', { eager: true, import: 'default' });

export const services: ServiceDefinition[] = Object.values(modules).sort((a, b) => a.id.localeCompare(b.id));

const byId = new Map(services.map((s) => [s.id, s]));

export function getService(id: string | undefined): ServiceDefinition | undefined {
  return id ? byId.get(id) : undefined;
}
