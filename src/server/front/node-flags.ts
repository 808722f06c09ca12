/**
 * The V8 heap settings (and the allocator's) the portal's server runs with (package.json's start and serve scripts, and
 * every test and benchmark that starts the built portal). Node's defaults on a machine with much
 * memory let the young generation grow to 128 MB and the old one to several hundred MB of garbage
 * before collecting it. A young generation of two 8 MB semi-spaces keeps the server around 200 MB
 * under load (docs/performance.md: 16 MB ones let 50 renderings at a time reach 245–270 MB) at a
 * small cost in speed, while the old generation keeps a generous ceiling (1 GB) for real need, such
 * as a large export.
 */
export const PORTAL_NODE_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=1024'] as const;

/**
 * The environment the server runs with. MALLOC_ARENA_MAX=2: glibc's allocator otherwise keeps an
 * arena per thread (Node's thread pool, V8's GC helpers) and holds on to their memory; two keep
 * the resident set some 20 MB lower under load at no cost measured in speed.
 */
export const PORTAL_ENV = { MALLOC_ARENA_MAX: '2' } as const;

/** The shell command that starts the built portal as production does (package.json, Playwright). */
export const PORTAL_COMMAND = `${Object.entries(PORTAL_ENV).map(([k, v]) => `${k}=${v}`).join(' ')} node ${PORTAL_NODE_FLAGS.join(' ')} scripts/start.ts`;
