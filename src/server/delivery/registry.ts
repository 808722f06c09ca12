/**
 * The registration backends in use, built once from the configuration. Tests (and a future
 * admin setting) may replace the list; everything else asks `registeredBackends()`.
 */
import { deliveryConfig, type DeliveryConfig } from '../config.ts';
import type { RegistrationBackend } from './backend.ts';
import { webhookBackend } from './webhook.ts';

/** Every backend the configuration turns on, in a stable order. */
export function backendsFromConfig(cfg: DeliveryConfig): RegistrationBackend[] {
  const list: RegistrationBackend[] = [];
  if (cfg.WEBHOOK_URL && cfg.WEBHOOK_SECRET) {
    list.push(webhookBackend({ url: cfg.WEBHOOK_URL, secret: cfg.WEBHOOK_SECRET, timeoutMs: cfg.WEBHOOK_TIMEOUT_MS }));
  }
  return list;
}

let active: RegistrationBackend[] | undefined;

export function registeredBackends(): RegistrationBackend[] {
  active ??= backendsFromConfig(deliveryConfig());
  return active;
}

/** Replaces the backends in use; `undefined` goes back to the configuration. */
export function setRegisteredBackends(list: RegistrationBackend[] | undefined): void {
  active = list;
}

export function findBackend(id: string): RegistrationBackend | undefined {
  return registeredBackends().find((b) => b.id === id);
}
