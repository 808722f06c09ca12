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
  security: { checkOrigin: true },
  server: { port: 4321, host: true },
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'never' },
  vite: {
    ssr: { external: ['@node-rs/argon2', '@electric-sql/pglite', 'pg'] },
  },
});
