/**
 * The CommonJS build of `attio-plg/segment` and `attio-plg/rudderstack`, after tsc's ESM build (`npm run build`).
 *
 * Both platforms load destinations from CommonJS (action-destinations and rudder-transformer are CommonJS
 * TypeScript under Jest). Three of our runtime dependencies — got, p-queue, email-providers — are ESM only,
 * so a plain `tsc --module commonjs` build could not `require` them. esbuild bundles each entry point with
 * those inlined; what the platforms provide themselves, or what loads from CommonJS as it is, stays external:
 * @segment/actions-core (its error and MultiStatusResponse classes must be the runtime's own), liquidjs (its
 * peer), @rudderstack/integrations-lib and zod. lru-cache, small and no host's own, is inlined as well.
 * email-providers' entry point reads its JSON through `createRequire(import.meta.url)`, which cannot survive
 * bundling, so the bundle takes `all.json` directly — the same list, which the package documents as its
 * default export.
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
  external: ['@segment/actions-core', '@segment/actions-core/*', 'liquidjs', '@rudderstack/integrations-lib', 'zod', 'zod/*'],
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
