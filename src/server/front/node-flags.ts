/**
 * The V8 heap settings the portal's server runs with (package.json's start and serve scripts, and
 * every test and benchmark that starts the built portal). Node's defaults on a machine with much
 * memory let the young generation grow to 128 MB and the old one to several hundred MB of garbage
 * before collecting it; these keep the server around or under 250 MB under load (docs/performance.md)
 * while leaving a generous ceiling (1 GB) for real need, such as a large export.
 */
export const PORTAL_NODE_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=1024'] as const;
