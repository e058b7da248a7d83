// Prints the gzip size of what the editor route loads and fails the build above the budget.
// Lazily imported chunks (auto-layout) are listed but not counted: they load on demand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 350;
const dist = join(import.meta.dirname, '../dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
// Everything index.html pulls in up front: the entry script, its modulepreloads and stylesheets.
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string),
);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
let total = 0;
const rows: string[] = [];
for (const file of readdirSync(join(dist, 'assets')).sort()) {
  if (!/\.(js|css)$/.test(file)) continue;
  const gz = gzipSync(readFileSync(join(dist, 'assets', file))).length;
  const counted = initial.has(`assets/${file}`);
  if (counted) total += gz;
  rows.push(`  ${file.padEnd(44)} ${kb(gz).padStart(7)} KB gzip${counted ? '' : '  (lazy)'}`);
}
console.log(`Client bundle (editor route):\n${rows.join('\n')}`);
console.log(`  initial load total ${kb(total)} KB gzip, budget ${BUDGET_KB} KB`);
if (total > BUDGET_KB * 1024) {
  console.error(`Bundle budget exceeded: ${kb(total)} KB > ${BUDGET_KB} KB gzip`);
  process.exit(1);
}
