/**
 * Host projects made on disk for the host-package tests, as npm would leave them after installing one of our
 * tarballs: a folder with node_modules holding the host's own libraries (linked from this repository's
 * devDependency aliases, so no network is needed) and our package extracted from its tarball.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILT = existsSync(join(ROOT, 'dist/cjs/segment.js')) && existsSync(join(ROOT, 'dist/cjs/rudderstack.js'));

/** Packs one of our packages from the current build (scripts/pack-hosts.mjs) and returns its tarball. */
export function packed(name: string): string {
  execFileSync(process.execPath, [join(ROOT, 'scripts/pack-hosts.mjs'), name], { cwd: ROOT, stdio: 'pipe' });
  const version = (
    JSON.parse(execFileSync('npm', ['pkg', 'get', 'version'], { cwd: ROOT, encoding: 'utf8' })) as string
  ).trim();
  return join(ROOT, 'dist-pack', `${name}-${version}.tgz`);
}

export function hostProject(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  mkdirSync(join(dir, 'node_modules'));
  return dir;
}

/** `node_modules/<name>` in the host, linked to a package of this repository's node_modules (an alias). */
export function linkHostLibrary(project: string, name: string, installedAs: string): void {
  const target = join(project, 'node_modules', name);
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules', installedAs), target, 'dir');
}

/** Extracts a tarball into `node_modules/<name>`, as npm installs it (npm packs every file under `package/`). */
export function installTarball(project: string, name: string, tarball: string): string {
  const unpack = mkdtempSync(join(project, '.unpack-'));
  execFileSync('tar', ['-xzf', tarball, '-C', unpack]);
  const target = join(project, 'node_modules', name);
  mkdirSync(dirname(target), { recursive: true });
  renameSync(join(unpack, 'package'), target);
  return target;
}

/** Bytes on disk under `dir`, as `du` would count the files. */
export function sizeOf(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((total, file) => {
    const stats = statSync(join(dir, file));
    return stats.isFile() ? total + stats.size : total;
  }, 0);
}
