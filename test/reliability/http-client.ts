/** A small JSON client for a sandbox on a port: status and parsed body of every call. */
export function client(base: string) {
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  async function account(uid: string, password = 'race-pw') {
    await call('POST', '/__sandbox/accounts', { uid, name: 'Racer', password, yob: '1990', mobile: '9876543210', email: `${uid.toLowerCase()}@example.com` });
    const login = await call('POST', '/app/api/login', { userId: uid, password });
    return { uid, auth: { 'x-dashboard-token': login.body.dashboardToken as string } };
  }

  async function otpOf(uid: string, challengeId: string): Promise<string> {
    const messages = (await call('GET', `/__sandbox/outbox?uid=${uid}&kind=otp-sms&limit=1000`)).body.messages as Array<{ challengeId: string; otp: string }>;
    return messages.filter((m) => m.challengeId === challengeId).at(-1)!.otp;
  }

  return { call, account, otpOf };
}
