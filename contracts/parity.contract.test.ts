import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { requires } from './client.js';
import { createApp, newAccount, openSession, signIn } from './flows.js';
import { ROOT } from './setup/processes.js';
import { BASELINE_PATH, type BaselineRow, PARITY_PATH, parityMarkdown, regressions } from './parity/markdown.js';
import { compareBodies, formatOf } from './parity/formats.js';
import type { Row } from './parity/report.js';
import { loadIndex, loadSamples } from './parity/samples.js';
import { replaySandbox } from './parity/sandbox-replay.js';

const run = promisify(execFile);
let rows: Row[];
beforeAll(async () => {
  rows = await replaySandbox();
});

describe('the parity report (spec/PARITY.md)', () => {
  it("has one row per documented operation: the docs index, the stream, and the chapters' other operations", () => {
    const index = loadIndex();
    expect(rows.map((r) => r.operation)).toEqual(index.map((e) => `${e.method} ${e.path}`));
    expect(rows.some((r) => r.operation.startsWith('WSS '))).toBe(true);
    expect(new Set(rows.map((r) => r.operation)).size).toBe(rows.length);
  });

  it('every extracted sample belongs to a documented operation and names its chapter', () => {
    const operations = new Set(loadIndex().map((e) => `${e.method} ${e.path}`));
    for (const [operation, set] of loadSamples()) {
      expect(operations, operation).toContain(operation);
      expect(set.chapter).toMatch(/^\d{2}-[a-z-]+\.md(#[a-z0-9_-]+)?$/);
      expect(set.responses.length, operation).toBeGreaterThan(0);
    }
  });

  it('no row falls below the committed baseline (a complete row stays complete; no count falls)', () => {
    const baseline = JSON.parse(readFileSync(BASELINE_PATH, 'utf8')) as Record<string, BaselineRow>;
    expect(Object.values(baseline).filter((b) => b.complete).length).toBeGreaterThan(10);
    const fallen = regressions(rows, baseline);
    expect(fallen, `Parity regressed against ${BASELINE_PATH}:\n${fallen.join('\n')}`).toEqual([]);
  });

  it('is what `npm run parity` generates (not stale)', () => {
    const committed = readFileSync(PARITY_PATH, 'utf8');
    expect(committed, 'spec/PARITY.md is stale: run npm run parity').toBe(parityMarkdown(rows));
  });
});

describe('drift typing', () => {
  it('types a removed field, an added field and a changed format; masked values match any text', () => {
    const published = { a: '12.50', b: '22/05/24 17:17:15', c: 'XXX.XX.XX.XXX', list: [{ x: 1 }] };
    const drift = compareBodies(published, { a: '12.5', c: '49.36.1.1', list: [{ x: 1, y: 2 }], z: true });
    expect(drift).toEqual([
      { kind: 'format-changed', path: 'a', published: 'string:amount-2dp', actual: 'string:decimal' },
      { kind: 'field-removed', path: 'b' },
      { kind: 'field-added', path: 'list[].y' },
      { kind: 'field-added', path: 'z' },
    ]);
    expect(formatOf('06-Dec-2019 13:47:04')).toBe('string:dd-Mon-yyyy HH:mm:ss');
    expect(formatOf(1800)).toBe('integer');
  });

  it('a row falls below the baseline when a field goes missing', () => {
    const row = rows.find((r) => r.operation === 'POST /order/placeOrder')!;
    expect(row.complete).toBe(true);
    const broken: Row = { ...row, fields: { n: row.fields.m - 1, m: row.fields.m }, complete: false };
    const baseline = { [row.operation]: { complete: true, fields: row.fields.n, messages: row.messages.n, errorCodes: row.errorCodes.n } };
    expect(regressions([broken], baseline)).toEqual([`POST /order/placeOrder: no longer complete, fields ${row.fields.m - 1}, was ${row.fields.n}`]);
  });
});

describe.each(inject('targets').filter((t) => t.name === 'sandbox'))('verify --report on $name', (target) => {
  it('writes the same table for a backend: reads replayed, writes left out, drift typed with a curl line, no token printed', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const account = await newAccount(target);
    const { apiKey, apiSecret } = await createApp(target, account, await signIn(target, account), 'Parity Report App');
    const token = await openSession(target, apiKey, apiSecret);
    const file = join(mkdtempSync(join(tmpdir(), 'parity-')), 'PARITY.md');
    const cli = join(ROOT, 'dist', 'mock', 'cli.js');
    const { stdout } = await run(process.execPath, [cli, 'verify', '--target', target.baseUrl!, '--only', 'limits', '--report', file], { env: { ...process.env, SAMCO_SESSION_TOKEN: token } });
    ctx.expect(stdout).toMatch(/parity report written to .*PARITY\.md: 68 documented operations/);
    const report = readFileSync(file, 'utf8');
    ctx.expect(report).toContain(`is replayed against ${target.baseUrl}`);
    ctx.expect(report).toMatch(/\| `GET \/limit\/getLimits` \| [^|]+ \| yes \| yes \|/);
    ctx.expect(report).toMatch(/\| `POST \/order\/placeOrder` \|.*a writing call: not replayed/);
    // The published order number does not exist on this backend: a status drift, reproducible.
    ctx.expect(report).toMatch(/### `GET \/order\/getOrderStatus`\n- status : published 200, answered 400/);
    ctx.expect(report).toContain(`curl -s -X GET '${target.baseUrl}/order/getOrderStatus?orderNumber=190707000000004'`);
    ctx.expect(report).not.toContain(token);
  });
});
