/** Where Debian's Chromium is; the tests never download a browser of their own. */
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist.`);
    return configured;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install Debian\'s Chromium with `sudo apt-get install chromium` ' +
        '(or set CHROMIUM_PATH to a Chromium binary). Do not run `npx playwright install`.',
    );
  }
  return found;
}
