import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../contracts/setup/processes.js';

/** The first fenced block of `lang` under the README heading `heading` (any level). */
export function readmeBlock(heading: string, lang: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.search(new RegExp(`^#+ ${heading}$`, 'm'));
  if (at < 0) throw new Error(`README has no heading "${heading}"`);
  const match = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(readme.slice(at));
  if (!match) throw new Error(`README has no \`\`\`${lang} block under "${heading}"`);
  return match[1]!;
}
