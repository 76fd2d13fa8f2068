#!/usr/bin/env node
// Proves the harness can both pass and fail: good.html must exit 0 and
// bad.html must exit exactly 1 (2 would mean a usage error, not a caught defect).
// Usage: node selftest.mjs [ARTIFACT_DIR]   (default: ../../build/test-artifacts)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'build', 'test-artifacts'));
const cases = [
  { fixture: 'good.html', expect: 0 },
  { fixture: 'bad.html', expect: 1 },
];

let ok = true;
for (const { fixture, expect } of cases) {
  const shot = path.join(outDir, `fixture-${path.basename(fixture, '.html')}.png`);
  const run = spawnSync(process.execPath,
    [path.join(here, 'report_browser_test.mjs'), path.join(here, 'fixtures', fixture), shot],
    { stdio: 'inherit' });
  const status = run.status ?? `signal ${run.signal}`;
  const pass = run.status === expect;
  ok &&= pass;
  console.log(`selftest: ${pass ? 'ok' : 'WRONG'}: ${fixture} exited ${status}, expected ${expect}`);
}
process.exit(ok ? 0 : 1);
