// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

// Server-rendered throughout: every citizen form is a real <form method="post"> handled here.
export default defineConfig({
  output: 'server',
  // The adapter's own HTTP server (static files and every dynamic request through the
  // middleware), started by scripts/start.ts after migrations and the background workers.
  adapter: node({
    mode: 'standalone',
    // Hard ceiling for any request body; per-type limits (much lower) are enforced in middleware.
    bodySizeLimit: 30 * 1024 * 1024,
  }),
  security: {
    checkOrigin: true,
    // Behind the reverse proxy that terminates TLS (docs/deployment.md), the request reaches the
    // portal over http; the proxy says so in X-Forwarded-Proto and passes the public Host header.
    // Astro believes a forwarded header only when it matches an entry here: the protocol https
    // from any host (without it, the origin check compares a browser's https Origin with an http
    // URL and refuses every form), and X-Forwarded-Host never (the hostname below cannot exist:
    // .invalid is reserved), so the host is always the Host header the proxy sets.
    allowedDomains: [{ protocol: 'https', hostname: 'forwarded-host.invalid' }],
  },
  server: { port: 4321, host: true },
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'never' },
  vite: {
    ssr: { external: ['@node-rs/argon2', '@electric-sql/pglite', 'pg'] },
  },
});
