// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

// Server-rendered throughout: every citizen form is a real <form method="post"> handled here.
export default defineConfig({
  output: 'server',
  // The adapter's request handler only: scripts/start.ts serves it from the portal's own HTTP
  // server (src/server/front/server.ts), which answers static files and kept public pages itself.
  adapter: node({
    mode: 'middleware',
    // Hard ceiling for any request body; per-route limits (much lower) are enforced in middleware.
    bodySizeLimit: 30 * 1024 * 1024,
    // Pages are small (well under 50 KB): each is sent whole, in one write, rather than streamed
    // in many small chunks.
    experimentalDisableStreaming: true,
  }),
  security: { checkOrigin: true },
  server: { port: 4321, host: true },
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'never' },
  vite: {
    ssr: { external: ['@node-rs/argon2', '@electric-sql/pglite', 'pg'] },
  },
});
