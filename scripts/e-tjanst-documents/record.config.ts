/**
 * Runs today's per-e-tjänst journey tests with record.setup.ts, which notes every set of answers
 * they judge: the inputs of the scenarios the conversion writes into the documents.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export const JOURNEY_TESTS = ['src/services/*/journey.test.ts', 'src/services/forenklad.test.ts', 'src/services/shared-ifo/parts.test.ts'];

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { include: JOURNEY_TESTS, setupFiles: ['scripts/e-tjanst-documents/record.setup.ts'] },
});
