import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CREDENTIAL_RULES } from '../spec/schemas/credentials.js';

/** Writes a synthetic fixture set of `accounts` accounts with `appsEach` apps each (no faker: it must be quick). */
export async function writeBigFixture(path: string, accounts: number, appsEach: number): Promise<{ apiKey: string; apiSecret: string }> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"name":"scale","accounts":[');
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  // Credentials of Samco's form: lowercase hex of the real lengths, unique per app.
  const key = (n: number) => `a${hex(n, CREDENTIAL_RULES.apiKeyHexLength - 1)}`;
  const secret = (n: number) => `b${hex(n, CREDENTIAL_RULES.apiSecretHexLength - 1)}`;
  for (let i = 0; i < accounts; i++) {
    const uid = `S${String(i).padStart(7, '0')}`;
    const apps = Array.from({ length: appsEach }, (_, j) => {
      const n = i * appsEach + j;
      return `{"appId":"${hex(n, 8)}-0000-4000-8000-${hex(n, 12)}","appName":"App ${j}","redirectUrl":"https://example.com/cb","status":"Active","apiKey":"${key(n)}","apiSecret":"${secret(n)}"}`;
    });
    await write(`${i ? ',' : ''}{"uid":"${uid}","name":"Scale ${i}","password":"pw","yob":"1990","mobile":"9876543210","email":"s${i}@example.com","apps":[${apps.join(',')}]}`);
  }
  await write(']}\n');
  out.end();
  await once(out, 'finish');
  return { apiKey: key(0), apiSecret: secret(0) };
}
