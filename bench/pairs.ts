import { Agent, request as httpRequest } from 'node:http';
import { quantile, type Sample } from './load.js';

/**
 * A Node load client for what wrk cannot script: node:http on a keep-alive Agent with one socket
 * per worker (maxSockets = connections), no fetch (its per-request overhead capped the client,
 * not the server). Every request counts, whatever it is; the rate is requests per second and the
 * latencies are per request. The same client measures the simple call, so the flow's ratio to it
 * compares like with like.
 */
type Json = { status: number; body: Record<string, any> };
type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Json>;

async function load(base: string, connections: number, seconds: number, worker: (call: Call, w: number, more: () => boolean) => Promise<void>): Promise<Sample> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(base);
  const latencies: number[] = [];
  let failed = 0;
  const call: Call = (method, path, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const t0 = performance.now();
      const req = httpRequest(
        { hostname, port, path, method, agent, headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            const status = res.statusCode ?? 0;
            if (status >= 500) failed++;
            try {
              resolve({ status, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const began = performance.now();
  const deadline = began + seconds * 1000;
  const more = () => performance.now() < deadline;
  try {
    await Promise.all(Array.from({ length: connections }, (_, w) => worker(call, w, more)));
  } finally {
    agent.destroy();
  }
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((x, y) => x - y);
  return { rps: latencies.length / elapsed, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), non2xx: failed };
}

/**
 * The create-app + read-outbox + verify-OTP flow: `connections` workers, each on its own new
 * accounts (created through the control API, then a dashboard sign-in), five apps an account.
 * Counted: the account creation, the sign-in, and per app its create, outbox read and verify.
 * `non2xx`: answers that were not the flow's expected 2xx (a broken flow is not a fast one).
 */
export async function pairs(base: string, connections: number, seconds: number, tag: string): Promise<Sample> {
  let broken = 0;
  const sample = await load(base, connections, seconds, async (call, w, more) => {
    for (let a = 0; more(); a++) {
      const uid = `B${tag}${w}X${a}`.slice(0, 20);
      await call('POST', '/__sandbox/accounts', { uid, name: 'Bench', password: 'pw', yob: '1990', mobile: '9876543210', email: `${uid.toLowerCase()}@example.com` });
      const login = await call('POST', '/app/api/login', { userId: uid, password: 'pw' });
      const auth = { 'x-dashboard-token': String(login.body.dashboardToken) };
      for (let i = 0; i < 5 && more(); i++) {
        const created = await call('POST', '/app/api/apps', { appName: `Bench App ${i}`, redirectUrl: 'https://example.com/cb' }, auth);
        const id = created.body.challenge?.challengeId;
        const otp = (await call('GET', `/__sandbox/outbox?uid=${uid}&kind=otp-sms&limit=1`)).body.messages?.[0]?.otp;
        const verified = await call('POST', `/app/api/challenges/${id}/verify`, { otp }, auth);
        if (verified.status !== 200) broken++;
      }
    }
  });
  return { ...sample, non2xx: sample.non2xx + broken };
}

/** The simple call (wrong OTP: the stateless refusal) with the same client: the flow's yardstick. */
export async function simpleCall(base: string, uid: string, connections: number, seconds: number): Promise<Sample> {
  return load(base, connections, seconds, async (call, _w, more) => {
    while (more()) await call('POST', '/otp/secretKeyGenerator', { uid, otp: '000000' });
  });
}
