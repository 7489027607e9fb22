/**
 * The CommonJS build of `attio-plg/segment` and `attio-plg/rudderstack`, after tsc's ESM build (`npm run build`).
 *
 * Both platforms load destinations from CommonJS (action-destinations and rudder-transformer are CommonJS
 * TypeScript under Jest). Three of our runtime dependencies — got, p-queue, email-providers — are ESM only,
 * so a plain `tsc --module commonjs` build could not `require` them. esbuild bundles each entry point with
 * everything it needs inlined, zod included (a host's own zod may be 3 or 4, and npm may or may not nest
 * ours), except the one library each host provides and whose classes must be the host's own:
 * @segment/actions-core (its runtime checks `instanceof MultiStatusResponse` and `IntegrationError`) and
 * @rudderstack/integrations-lib (rudder-transformer checks `instanceof BaseError`). These bundles are the
 * host packages attio-plg-segment and attio-plg-rudderstack (scripts/pack-hosts.mjs, docs/hosts.md), where
 * those libraries are peer dependencies. email-providers' entry point reads its JSON through
 * `createRequire(import.meta.url)`, which cannot survive bundling, so the bundle takes `all.json` directly —
 * the same list, which the package documents as its default export.
 *
 * The Segment destination then runs as this bundle in every build: tsc's ESM output of its folder cannot run
 * in Node's native ESM (it imports actions-core, whose ESM build does not load there), so it is replaced by
 * an ESM facade over the bundle; its declarations stay.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** What a host provides; anything else a bundle requires must be a Node built-in (the packaging tests check it). */
const HOST_LIBRARIES = ['@segment/actions-core', '@segment/actions-core/*', '@rudderstack/integrations-lib'];

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/cjs');

await build({
  absWorkingDir: root,
  entryPoints: { segment: 'src/destinations/segment/index.ts', rudderstack: 'src/destinations/rudderstack/index.ts' },
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // action-destinations compiles to ES2020; rudder-transformer runs the same Node versions.
  target: 'es2020',
  external: HOST_LIBRARIES,
  alias: { 'email-providers': 'email-providers/all.json' },
  // An `import.meta` left in a CommonJS bundle is an empty object: fail the build rather than ship that.
  logOverride: { 'empty-import-meta': 'error' },
  logLevel: 'warning',
});
await writeFile(join(out, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

const segmentDist = join(root, 'dist/destinations/segment');
for (const entry of await readdir(segmentDist, { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && /\.js(\.map)?$/.test(entry.name)) await rm(join(entry.parentPath, entry.name));
}
const bundle = createRequire(import.meta.url)(join(out, 'segment.js'));
const named = Object.keys(bundle).filter((name) => name !== 'default' && name !== '__esModule');
await writeFile(
  join(segmentDist, 'index.js'),
  [
    '// Written by scripts/build-cjs.mjs: the Segment destination is its CommonJS bundle, the build Segment loads.',
    "import { createRequire } from 'node:module';",
    "const bundle = createRequire(import.meta.url)('../../cjs/segment.js');",
    'export default bundle.default;',
    `export const { ${named.join(', ')} } = bundle;`,
    '',
  ].join('\n'),
);
