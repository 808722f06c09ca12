/**
 * A local OIDC provider for the demo and the tests, in place of an e-legitimation broker: a real
 * `oidc-provider` (authorization code flow, PKCE required, signed ID tokens) whose login page lets
 * one pick a Skatteverket test personnummer instead of opening BankID. The portal talks to it
 * exactly as to a real broker; nothing in the portal knows it is a test provider. It speaks the
 * Swedish OIDC profile's scope and claim for the personnummer and returns the LoA 3 acr.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export const PNR_SCOPE = 'https://id.oidc.se/scope/naturalPersonNumber';
export const PNR_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';
export const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

/**
 * Test persons: personnummer from Skatteverket's list of test personnummer, never real people. One
 * has an (invented) address, sent as the OIDC `address` claim as some e-legitimation brokers do.
 */
export const TEST_PEOPLE: readonly { personnummer: string; given: string; family: string; address?: { street_address: string; postal_code: string; locality: string; country: string } }[] = [
  { personnummer: '194501103297', given: 'Greta', family: 'Dottersson' },
  { personnummer: '194001042383', given: 'Tolvan', family: 'Tolvansson' },
  { personnummer: '198501012382', given: 'Anna', family: 'Dottersson' },
  { personnummer: '199001012385', given: 'Sven', family: 'Svensson' },
  { personnummer: '198912312389', given: 'Tolvan', family: 'Testsson', address: { street_address: 'Kyrkogatan 8', postal_code: '69630', locality: 'Askersund', country: 'SE' } },
];

export type DevProviderOptions = {
  /** Port to listen on (0: any free port). */
  port: number;
  /** Host name the portal and the browser reach it by (default localhost). */
  host?: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
};

export type DevProvider = { issuer: string; close(): Promise<void> };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const spaced = (p: string) => `${p.slice(0, 8)}-${p.slice(8)}`;

function loginPage(uid: string, error: boolean): string {
  const people = TEST_PEOPLE.map(
    (p, i) => `<div class="choice"><input type="radio" name="personnummer" id="p${i}" value="${p.personnummer}"${error ? ' aria-describedby="fel"' : ''}><label for="p${i}">${escape(`${p.given} ${p.family}`)}, ${spaced(p.personnummer)}</label></div>`,
  ).join('\n');
  return `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${error ? 'Fel: ' : ''}Logga in med test-e-legitimation</title>
<style>body{font:19px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:36rem;padding:0 1rem;color:#0b0c0c}
fieldset{border:0;padding:0;margin:0 0 1.5rem}legend{font-weight:700;margin-bottom:.5rem}.choice{margin:.5rem 0}
input[type=radio]{width:1.5rem;height:1.5rem;vertical-align:middle;margin-right:.5rem}
button{font:inherit;padding:.5rem 1rem;margin-right:1rem;background:#00703c;color:#fff;border:0;border-bottom:2px solid #002d18}
button.secondary{background:#f3f2f1;color:#0b0c0c;border-bottom-color:#929191}
:focus-visible{outline:3px solid #fd0;box-shadow:0 0 0 6px #0b0c0c}.error{color:#d4351c;font-weight:700}</style></head>
<body><main>
<h1>Logga in med test-e-legitimation</h1>
<p>Det här är en testtjänst i stället för BankID eller Freja eID. Välj en testperson. Personnumren kommer från Skatteverkets lista över testpersonnummer.</p>
<form method="post" action="/interaction/${escape(uid)}">
<fieldset><legend>Vem vill du logga in som?</legend>
${error ? '<p class="error" id="fel">Välj en testperson.</p>' : ''}
${people}
</fieldset>
<button type="submit" name="action" value="login">Logga in</button>
<button type="submit" name="action" value="cancel" class="secondary">Avbryt</button>
</form></main></body></html>`;
}

async function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

/** Starts the provider; resolves once it listens. */
export async function startDevProvider(opts: DevProviderOptions): Promise<DevProvider> {
  const host = opts.host ?? 'localhost';
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host === 'localhost' ? '127.0.0.1' : host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${host}:${port}`;
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...key, kid: 'dev-1', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', PNR_SCOPE],
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name', 'address'], [PNR_SCOPE]: [PNR_CLAIM] },
    acrValues: [LOA3],
    // The claims travel in the ID token, as e-legitimation brokers do.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // Short lives: a login is one sitting; nothing here is kept once the portal has its session.
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 300, IdToken: 300 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => {
      const p = TEST_PEOPLE.find((x) => x.personnummer === id);
      if (!p) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, name: `${p.given} ${p.family}`, given_name: p.given, family_name: p.family, [PNR_CLAIM]: p.personnummer, ...(p.address ? { address: p.address } : {}) }),
      };
    },
    // The portal is the one client and asks for nothing else: no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const session = ctx.oidc.session;
      const oidcClient = ctx.oidc.client;
      if (!session?.accountId || !oidcClient) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(oidcClient.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: oidcClient.clientId, accountId: session.accountId });
      grant.addOIDCScope(['openid', 'profile', PNR_SCOPE].join(' '));
      await grant.save();
      return grant;
    },
    renderError: (ctx: KoaContextWithOIDC, out: { error?: unknown }) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Fel vid inloggning</title></head><body><main><h1>Fel vid inloggning</h1><p>${escape(String(out.error ?? 'fel'))}</p></main></body></html>`;
    },
  });
  const handle = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    const m = /^\/interaction\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (!m) return void handle(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (details.uid !== m[1]) throw new Error('interaction mismatch');
        if (req.method === 'POST') {
          const form = await readBody(req);
          if (form.get('action') === 'cancel') {
            return await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'login cancelled' }, { mergeWithLastSubmission: false });
          }
          const pnr = form.get('personnummer') ?? '';
          if (TEST_PEOPLE.some((p) => p.personnummer === pnr)) {
            return await provider.interactionFinished(req, res, { login: { accountId: pnr, acr: LOA3 } }, { mergeWithLastSubmission: false });
          }
          res.writeHead(422, { 'content-type': 'text/html; charset=utf-8' });
          return void res.end(loginPage(details.uid, true));
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(loginPage(details.uid, false));
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Inloggningen gick inte att fortsätta. Börja om från portalen.');
      }
    })();
  });

  return {
    issuer,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
