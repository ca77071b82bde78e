import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, inject, it } from 'vitest';
import { requires } from './client.js';
import { createApp, newAccount, openSession, signIn } from './flows.js';
import { freePort, ROOT } from './setup/processes.js';
import { CHECKS, runChecks } from './verify/checks.js';

const run = promisify(execFile);

/**
 * `tradeapi-sandbox verify` is the contract kit's read-only half: the same checks, run here
 * against every target that can answer them, and through the CLI as a user runs it.
 */
describe.each(inject('targets'))('verify on $name', (target) => {
  async function sessionOf() {
    if (target.sessionToken) return target.sessionToken;
    const account = await newAccount(target);
    const { apiKey, apiSecret } = await createApp(target, account, await signIn(target, account), 'Verify App');
    return openSession(target, apiKey, apiSecret);
  }

  it("every read-only check passes (the published texts, the spec's shapes)", async (ctx) => {
    if (!target.capabilities.includes('givenSession')) requires(ctx, target, 'stateful', 'control');
    // Through a validating proxy, a request the spec forbids never reaches the backend: those checks are left out there.
    const checks = CHECKS.filter((c) => target.capabilities.includes('raw') || !c.breaksSpec);
    const results = await runChecks({ target: target.baseUrl!, sessionToken: await sessionOf(), only: checks.map((c) => c.id) });
    ctx.expect(results.filter((r) => r.outcome !== 'passed').map((r) => `${r.check.id}: ${r.problems.join('; ')}`)).toEqual([]);
    ctx.expect(results).toHaveLength(checks.length);
  });
});

describe.each(inject('targets').filter((t) => t.name === 'sandbox'))('the verify command on $name', (target) => {
  const cli = join(ROOT, 'dist', 'mock', 'cli.js');

  it('reports per operation, writes JUnit XML, exits 0; never prints the session token', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    const { apiKey, apiSecret } = await createApp(target, account, await signIn(target, account), 'Verify CLI App');
    const token = await openSession(target, apiKey, apiSecret);
    const junit = join(mkdtempSync(join(tmpdir(), 'verify-')), 'report.xml');
    const { stdout } = await run(process.execPath, [cli, 'verify', '--target', target.baseUrl!, '--junit', junit], { env: { ...process.env, SAMCO_SESSION_TOKEN: token } });
    ctx.expect(stdout).toContain(`${CHECKS.length} passed, 0 failed, 0 skipped`);
    ctx.expect(stdout).toMatch(/PASS getLimits/);
    ctx.expect(stdout).not.toContain(token);
    const xml = readFileSync(junit, 'utf8');
    ctx.expect(xml).toMatch(/<testsuite name="getLimits" tests="\d+" failures="0" skipped="0">/);
    ctx.expect(xml).not.toContain(token);
  });

  it('exits 1 with a curl line per failure when the backend does not answer, and skips the session checks without a token', async (ctx) => {
    requires(ctx, target, 'stateful');
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const failed = await run(process.execPath, [cli, 'verify', '--target', nowhere, '--only', 'no-session'], { env: { ...process.env, SAMCO_SESSION_TOKEN: '' } }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    ctx.expect((failed as { code: number }).code).toBe(1);
    ctx.expect((failed as { stdout: string }).stdout).toMatch(/FAIL getLimits[\s\S]*no answer[\s\S]*reproduce: curl -s -X GET/);
    const { stdout } = await run(process.execPath, [cli, 'verify', '--target', target.baseUrl!], { env: { ...process.env, SAMCO_SESSION_TOKEN: '' } });
    ctx.expect(stdout).toMatch(/SKIP getLimits[\s\S]*needs a session token/);
    ctx.expect(stdout).toMatch(/, 0 failed, \d+ skipped/);
  });
});
