// @ts-check
/**
 * The framework floor of the HTTP benchmark (scripts/bench-http.ts): a minimal Astro project with
 * the portal's Astro version and adapter (resolved from the portal's own node_modules, nothing of
 * its own to install) and the portal's adapter and security settings, and none of its code or
 * middleware. `GET /` answers the bytes of the file FLOOR_PAGE (the portal's e-tjänst start page,
 * saved by the benchmark) rendered by an Astro page for every request; `POST /insert` inserts one
 * row through drizzle in a transaction on DATABASE_URL and answers 303, as the portal's send does.
 * Built by the benchmark with `astro build --root bench/floor --outDir <temp>`; started with
 * HOST, PORT (the benchmark's BENCH_PORT + 1), FLOOR_PAGE and DATABASE_URL.
 */
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone', bodySizeLimit: 30 * 1024 * 1024 }),
  security: { checkOrigin: true },
  devToolbar: { enabled: false },
  vite: { ssr: { external: ['pg'] } },
});
