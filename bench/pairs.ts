import { quantile, type Sample } from './load.js';

/**
 * The create-app + verify-OTP pair, which wrk cannot script (the OTP has to be read from the
 * outbox in between): `connections` workers, each on its own accounts (5 apps each), for
 * `seconds`. A pair is three requests: create, read the outbox, verify.
 */
export async function pairs(base: string, connections: number, seconds: number, tag: string): Promise<Sample> {
  const json = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const latencies: number[] = [];
  let failed = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, w) => {
      for (let a = 0; performance.now() < deadline; a++) {
        const uid = `B${tag}${w}X${a}`.slice(0, 20);
        await json('POST', '/__sandbox/accounts', { uid, name: 'Bench', password: 'pw', yob: '1990', mobile: '9876543210', email: `${uid.toLowerCase()}@example.com` });
        const auth = { 'x-dashboard-token': (await json('POST', '/app/api/login', { userId: uid, password: 'pw' })).body.dashboardToken };
        for (let i = 0; i < 5 && performance.now() < deadline; i++) {
          const t0 = performance.now();
          const created = await json('POST', '/app/api/apps', { appName: `Bench App ${i}`, redirectUrl: 'https://example.com/cb' }, auth);
          const id = created.body.challenge?.challengeId;
          const otp = (await json('GET', `/__sandbox/outbox?uid=${uid}&kind=otp-sms&limit=1`)).body.messages?.[0]?.otp;
          const verified = await json('POST', `/app/api/challenges/${id}/verify`, { otp }, auth);
          if (verified.status !== 200) failed++;
          latencies.push(performance.now() - t0);
        }
      }
    }),
  );
  latencies.sort((x, y) => x - y);
  return { rps: latencies.length / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), non2xx: failed };
}
