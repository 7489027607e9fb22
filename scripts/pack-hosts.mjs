/**
 * `npm run pack:hosts`: the three tarballs, from one build (`npm run build` first), into dist-pack/:
 *
 * - attio-plg-<v>.tgz — the CLI, emulator, simulators and library (this package as it is);
 * - attio-plg-segment-<v>.tgz — the Segment destination alone: the CommonJS bundle of dist/cjs/segment.js,
 *   with `@segment/actions-core` a peer dependency and nothing else to install;
 * - attio-plg-rudderstack-<v>.tgz — the rudder-transformer destination alone: dist/cjs/rudderstack.js, with
 *   `@rudderstack/integrations-lib` a peer dependency and nothing else to install.
 *
 * A host package is generated into dist-pack/<name>/: its bundle as index.js, the declarations its entry
 * point reaches (so a TypeScript host type-checks against it), its README and, for RudderStack, the
 * destination definition for rudder-integrations-config. Why each package looks as it does: docs/hosts.md.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist-pack');
const main = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The hosts' own libraries, as peers: ranges that cover the versions the hosts run (docs/hosts.md). */
const HOST_PACKAGES = [
  {
    name: 'attio-plg-segment',
    entry: 'segment',
    description: 'Attio PLG (Actions): the attio-plg Segment Actions destination, on the host’s @segment/actions-core',
    peerDependencies: { '@segment/actions-core': '>=3.158.0 <4' },
    extra: [],
  },
  {
    name: 'attio-plg-rudderstack',
    entry: 'rudderstack',
    description:
      'ATTIO_PLG: the attio-plg rudder-transformer destination, on the host’s integrations-lib and HTTP layer',
    peerDependencies: { '@rudderstack/integrations-lib': '>=0.2.59 <0.3' },
    extra: [['src/destinations/rudderstack/definition', 'definition']],
  },
];

function requireBuild() {
  for (const file of ['dist/cjs/segment.js', 'dist/cjs/rudderstack.js', 'dist/index.js']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run npm run build first`);
  }
}

/** Declaration files reachable from `entry` through relative imports, with their paths below dist/. */
function declarationsFrom(entry) {
  const seen = new Set();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.d.ts')));
    }
  }
  return [...seen].map((file) => relative(join(root, 'dist'), file));
}

function stageHostPackage(host) {
  const dir = join(out, host.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, `dist/cjs/${host.entry}.js`), join(dir, 'index.js'));
  const declarations = declarationsFrom(join(root, `dist/destinations/${host.entry}/index.d.ts`));
  for (const file of declarations) cpSync(join(root, 'dist', file), join(dir, 'types', file), { recursive: true });
  cpSync(join(root, `src/destinations/${host.entry}/README.md`), join(dir, 'README.md'));
  for (const [from, to] of host.extra) cpSync(join(root, from), join(dir, to), { recursive: true });
  const manifest = {
    name: host.name,
    version: main.version,
    description: host.description,
    license: main.license,
    type: 'commonjs',
    engines: main.engines,
    main: './index.js',
    types: `./types/destinations/${host.entry}/index.d.ts`,
    files: ['index.js', 'types', 'README.md', ...host.extra.map(([, to]) => to)],
    peerDependencies: host.peerDependencies,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

function pack(dir) {
  const args = ['pack', dir, '--pack-destination', out, '--json', '--ignore-scripts'];
  const [result] = JSON.parse(execFileSync('npm', args, { cwd: root, encoding: 'utf8' }));
  return {
    name: result.name,
    file: join(out, result.filename),
    size: result.size,
    unpackedSize: result.unpackedSize,
    files: result.entryCount,
  };
}

requireBuild();
mkdirSync(out, { recursive: true });
// `node scripts/pack-hosts.mjs attio-plg-segment` packs only the packages named (the host tests do).
const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);
// This package itself is already built, so its prepare script (the build) need not run again.
const packed = [
  ...(wanted(main.name) ? [pack(root)] : []),
  ...HOST_PACKAGES.filter((host) => wanted(host.name)).map((host) => pack(stageHostPackage(host))),
];
for (const { file, size, unpackedSize, files } of packed) {
  console.log(
    `${relative(root, file)}  ${(size / 1024).toFixed(0)} kB packed, ${(unpackedSize / 1024).toFixed(0)} kB unpacked, ${files} files`,
  );
}
