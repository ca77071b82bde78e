/** What a backend under contract test can do; a step that needs more is skipped, with the reason printed. */
export type Capability =
  /** keeps state between calls (OTP, apps, sessions) */
  | 'stateful'
  /** has the /__sandbox control API (outbox, accounts) */
  | 'control'
  /** passes deliberately broken requests through untouched (no validating proxy in between) */
  | 'raw'
  /** a sandbox or mock: calls have no real-world effect (no real OTP sent, no real app created) */
  | 'sandboxed'
  /** has a session token given from outside (the real API) */
  | 'givenSession'
  /** hands a redirect (302) back to the caller instead of following it itself */
  | 'redirects';

export type Target = { name: string; baseUrl: string | null; capabilities: Capability[]; unavailable?: string; sessionToken?: string };

export function describeTargets(urls: { sandbox: string; prismMock: string; prismProxy: string }, env: NodeJS.ProcessEnv): Target[] {
  const real: Target =
    env.SAMCO_BASE_URL && env.SAMCO_SESSION_TOKEN
      ? { name: 'real', baseUrl: env.SAMCO_BASE_URL.replace(/\/$/, ''), capabilities: ['givenSession', 'redirects'], sessionToken: env.SAMCO_SESSION_TOKEN }
      : { name: 'real', baseUrl: null, capabilities: ['redirects'], unavailable: 'real API: set SAMCO_BASE_URL and SAMCO_SESSION_TOKEN to run the read-only steps against it' };
  return [
    { name: 'sandbox', baseUrl: urls.sandbox, capabilities: ['stateful', 'control', 'raw', 'sandboxed', 'redirects'] },
    { name: 'prism-proxy', baseUrl: urls.prismProxy, capabilities: ['stateful', 'control', 'sandboxed'] },
    { name: 'prism-mock', baseUrl: urls.prismMock, capabilities: ['sandboxed'] },
    real,
  ];
}

const WHY: Record<Capability, string> = {
  stateful: "is stateless (answers from the spec's examples), so a flow across calls cannot be checked",
  control: 'has no /__sandbox control API (outbox, accounts)',
  raw: 'validates requests itself, so a deliberately broken request never reaches the backend',
  sandboxed: 'is the real service: this step would send a real OTP or change a real account, so only read-only steps run there',
  givenSession: 'has no session token given from outside',
  redirects: "follows redirects itself (to the app's callback, off this machine), so the 302 with the code never reaches the client",
};

/** Why `target` cannot run a step needing `needs`, or null when it can. */
export function missing(target: Target, needs: Capability[]): string | null {
  if (target.unavailable) return target.unavailable;
  const lacking = needs.find((n) => !target.capabilities.includes(n));
  return lacking ? `${target.name} ${WHY[lacking]}` : null;
}
