/**
 * The demo population register: a file of Skatteverket test personnummer with invented addresses
 * in the municipality and elsewhere, one with sekretessmarkering (./demo-people.json). Demo mode and
 * tests only; the configuration refuses it outside demo mode.
 */
import { z } from 'zod';
import data from './demo-people.json' with { type: 'json' };
import type { PopulationRegister, RegisterEntry } from './register.ts';

const people = z
  .object({
    people: z.array(
      z.object({
        personnummer: z.string().regex(/^\d{8}-\d{4}$/),
        given: z.string(),
        family: z.string(),
        address: z.object({ street: z.string(), postcode: z.string(), city: z.string() }),
        kommunkod: z.string().regex(/^\d{4}$/),
        sekretessmarkering: z.boolean().default(false),
        skyddadFolkbokforing: z.boolean().default(false),
      }),
    ),
  })
  .parse(data).people;

export function demoRegister(opts: { delayMs?: number } = {}): PopulationRegister {
  return {
    name: 'demo',
    async lookup(personnummer, signal): Promise<RegisterEntry | undefined> {
      if (opts.delayMs) await new Promise((resolve) => setTimeout(resolve, opts.delayMs).unref?.());
      signal.throwIfAborted();
      const p = people.find((x) => x.personnummer === personnummer);
      return p && { name: { given: p.given, family: p.family }, address: { ...p.address }, kommunkod: p.kommunkod, sekretessmarkering: p.sekretessmarkering, skyddadFolkbokforing: p.skyddadFolkbokforing };
    },
  };
}
