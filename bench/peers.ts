import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The mock servers a user would pick instead of the sandbox, installed at bench time (never as
 * project dependencies) into a cache dir reused across runs, and stubbed to send the sandbox's
 * exact bytes. Exact versions: the ones issue 21 measured with (both allow Node >= 18).
 */
export const WIREMOCK_VERSION = '3.13.2';
export const MOCKOON_VERSION = '9.9.0';

export const CACHE_DIR = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tradeapi-sandbox-bench');

/** One stubbed call: what the sandbox answered, byte for byte. */
export type Stub = { method: 'GET' | 'POST'; path: string; status: number; contentType: string; body: string };
export type Stubs = { otp: Stub; limits: Stub };

export type PeerInstall = { wiremockJar?: string; mockoonRun?: string; skipped: string[] };

const installedVersion = (name: string) => {
  const file = join(CACHE_DIR, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : null;
};

/** Java for WireMock: the machine's, else Debian's headless JRE when we are root (apt-get). */
function java(): string | null {
  const has = () => !spawnSync('java', ['-version'], { stdio: 'ignore' }).error;
  if (has()) return null;
  if (process.getuid?.() !== 0) return 'java is not installed and we are not root to apt-get install default-jre-headless';
  console.error('bench: installing Java (apt-get install -y default-jre-headless) for WireMock');
  let apt = spawnSync('apt-get', ['install', '-y', '-q', 'default-jre-headless'], { stdio: 'inherit' });
  if (apt.status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
    apt = spawnSync('apt-get', ['install', '-y', '-q', 'default-jre-headless'], { stdio: 'inherit' });
  }
  return apt.status === 0 && has() ? null : `apt-get install default-jre-headless failed (exit ${apt.status ?? apt.error?.message})`;
}

/** Installs (or reuses) the pinned peers; whatever cannot be had is skipped with the reason. */
export function installPeers(): PeerInstall {
  const skipped: string[] = [];
  if (installedVersion('wiremock') !== WIREMOCK_VERSION || installedVersion('@mockoon/cli') !== MOCKOON_VERSION) {
    mkdirSync(CACHE_DIR, { recursive: true });
    console.error(`bench: npm install --prefix ${CACHE_DIR} wiremock@${WIREMOCK_VERSION} @mockoon/cli@${MOCKOON_VERSION}`);
    const npm = spawnSync('npm', ['install', '--prefix', CACHE_DIR, '--no-save', '--no-audit', '--no-fund', `wiremock@${WIREMOCK_VERSION}`, `@mockoon/cli@${MOCKOON_VERSION}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (npm.status !== 0) console.error(`bench: npm install of the peers failed (exit ${npm.status ?? npm.error?.message})`);
  }
  const out: PeerInstall = { skipped };
  if (installedVersion('wiremock') !== WIREMOCK_VERSION) skipped.push(`WireMock: npm package wiremock@${WIREMOCK_VERSION} could not be installed into ${CACHE_DIR}`);
  else {
    // The npm package's bin wraps `java -jar <its jar>` in a node process; run the jar directly so
    // the PID measured and stopped is the JVM itself.
    const pkgDir = join(CACHE_DIR, 'node_modules/wiremock');
    const pattern = new RegExp((JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as Record<string, string>)['runnable-jar-regexp'] ?? 'build/.*\\.jar');
    const jar = readdirSync(join(pkgDir, 'build'))
      .map((f) => `build/${f}`)
      .find((f) => pattern.test(f));
    const noJava = java();
    if (!jar) skipped.push(`WireMock: no runnable jar in ${pkgDir}/build`);
    else if (noJava) skipped.push(`WireMock: ${noJava}`);
    else out.wiremockJar = join(pkgDir, jar);
  }
  if (installedVersion('@mockoon/cli') !== MOCKOON_VERSION) skipped.push(`Mockoon: npm package @mockoon/cli@${MOCKOON_VERSION} could not be installed into ${CACHE_DIR}`);
  else out.mockoonRun = join(CACHE_DIR, 'node_modules/@mockoon/cli/bin/run.js');
  return out;
}

/** WireMock standalone on loopback, no request journal, mappings sending the stubs' bytes. */
export function wiremockArgs(jar: string, stubs: Stubs, dir: string): (port: number) => string[] {
  mkdirSync(join(dir, 'mappings'), { recursive: true });
  for (const [name, stub] of Object.entries(stubs)) {
    const mapping = {
      request: { method: stub.method, urlPath: stub.path },
      // Content-Length given, so WireMock sends the body whole as the sandbox does, not chunked.
      response: { status: stub.status, headers: { 'Content-Type': stub.contentType, 'Content-Length': String(Buffer.byteLength(stub.body)) }, body: stub.body },
    };
    writeFileSync(join(dir, 'mappings', `${name}.json`), JSON.stringify(mapping));
  }
  return (port) => ['-jar', jar, '--port', String(port), '--bind-address', '127.0.0.1', '--no-request-journal', '--disable-banner', '--root-dir', dir];
}

/** A Mockoon environment with one route per stub (templating off, CORS off: only the stubs' bytes). */
export function mockoonArgs(run: string, stubs: Stubs, file: string): (port: number) => string[] {
  const routes = Object.entries(stubs).map(([name, stub]) => ({
    uuid: `route-${name}`,
    type: 'http',
    documentation: '',
    method: stub.method.toLowerCase(),
    endpoint: stub.path.slice(1),
    responses: [
      {
        uuid: `response-${name}`,
        body: stub.body,
        latency: 0,
        statusCode: stub.status,
        label: '',
        headers: [{ key: 'Content-Type', value: stub.contentType }],
        bodyType: 'INLINE',
        filePath: '',
        databucketID: '',
        sendFileAsBody: false,
        rules: [],
        rulesOperator: 'OR',
        disableTemplating: true,
        fallbackTo404: false,
        default: true,
        crudKey: 'id',
        callbacks: [],
      },
    ],
    responseMode: null,
    streamingMode: null,
    streamingInterval: 0,
  }));
  const environment = {
    uuid: 'tradeapi-sandbox-bench',
    lastMigration: 33,
    name: 'tradeapi-sandbox bench',
    endpointPrefix: '',
    latency: 0,
    port: 3000,
    hostname: '127.0.0.1',
    folders: [],
    routes,
    rootChildren: routes.map((r) => ({ type: 'route', uuid: r.uuid })),
    proxyMode: false,
    proxyHost: '',
    proxyRemovePrefix: false,
    tlsOptions: { enabled: false, type: 'CERT', pfxPath: '', certPath: '', keyPath: '', caPath: '', passphrase: '' },
    cors: false,
    headers: [],
    proxyReqHeaders: [],
    proxyResHeaders: [],
    data: [],
    callbacks: [],
  };
  writeFileSync(file, JSON.stringify(environment));
  return (port) => [run, 'start', '--data', file, '--port', String(port), '--hostname', '127.0.0.1', '--disable-log-to-file', '--disable-admin-api', '--repair'];
}
