/**
 * The population register configured for this instance (POPULATION_REGISTER): `none` (undefined:
 * nothing is looked up) or `demo`. A real adapter (SPAR, Navet) is added here, implementing
 * ./register.ts's interface as docs/population-register.md describes.
 */
import { config } from '../config.ts';
import { demoRegister } from './demo.ts';
import type { PopulationRegister } from './register.ts';

let configured: PopulationRegister | undefined;

export function populationRegister(): PopulationRegister | undefined {
  const kind = config().POPULATION_REGISTER;
  if (kind === 'none') return undefined;
  configured ??= demoRegister();
  return configured;
}
