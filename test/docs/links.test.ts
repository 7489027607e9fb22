/**
 * The repository carries its own documentation: every relative link in the README, the docs and the
 * folders' READMEs leads to a file that exists (and, for a link into a Markdown file, to a heading it has),
 * and no source, test or document points a reader at a specification or an issue tracker outside the
 * repository. The one path outside it, to Attio's OpenAPI document, is data read by test/support/openapi.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Files under `dir` (relative to the root), skipping installed and built trees. */
function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(join(ROOT, at), { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(path);
      } else if (keep(path)) {
        found.push(path);
      }
    }
  };
  if (existsSync(join(ROOT, dir))) walk(dir);
  return found.sort();
}

const isMarkdown = (path: string) => path.endsWith('.md');
const DOCUMENTS = [
  'README.md',
  'BENCHMARKS.md',
  'examples/README.md',
  ...filesUnder('docs', isMarkdown),
  ...filesUnder('src', (path) => path.endsWith('README.md')),
].filter((path) => existsSync(join(ROOT, path)));

/** The text a reader sees as prose: fenced code blocks blanked, inline code spans removed. */
function prose(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line.replace(/`+[^`]*`+/g, '');
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

interface Link {
  from: string;
  line: number;
  target: string;
}

function relativeLinks(path: string): Link[] {
  const links: Link[] = [];
  prose(readFileSync(join(ROOT, path), 'utf8')).forEach((text, index) => {
    for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = match[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: and other schemes
      links.push({ from: path, line: index + 1, target });
    }
  });
  return links;
}

/** Why a link does not resolve, or undefined when it does. */
function brokenBecause(link: Link): string | undefined {
  const [pathPart = '', anchor] = link.target.split('#', 2);
  const file =
    pathPart === '' ? join(ROOT, link.from) : resolve(join(ROOT, dirname(link.from)), decodeURIComponent(pathPart));
  if (!file.startsWith(ROOT)) return 'points outside the repository';
  if (!existsSync(file)) return `no such file: ${relative(ROOT, file)}`;
  if (anchor === undefined || anchor === '') return undefined;
  if (statSync(file).isDirectory() || !file.endsWith('.md'))
    return 'an anchor into something that is not a Markdown file';
  return anchorsOf(readFileSync(file, 'utf8')).has(anchor)
    ? undefined
    : `no heading for #${anchor} in ${relative(ROOT, file)}`;
}

describe('the documentation', () => {
  it('has the pages the README points a newcomer to', () => {
    for (const page of ['architecture', 'configuration', 'guarantees', 'receiver', 'rudderstack', 'segment', 'cli']) {
      expect(DOCUMENTS, page).toContain(join('docs', `${page}.md`));
    }
  });

  it('links only to files and headings that exist', () => {
    const links = DOCUMENTS.flatMap(relativeLinks);
    expect(links.length).toBeGreaterThan(30);
    const broken = links.flatMap((link) => {
      const reason = brokenBecause(link);
      return reason === undefined ? [] : [`${link.from}:${link.line} (${link.target}): ${reason}`];
    });
    expect(broken).toEqual([]);
  });

  it('computes anchors as GitHub does', () => {
    const anchors = anchorsOf(
      "# The receiver: `attio-plg serve`\n## Operator settings (the transformer's environment)\n## Keys\n## Keys\n",
    );
    expect([...anchors]).toEqual([
      'the-receiver-attio-plg-serve',
      'operator-settings-the-transformers-environment',
      'keys',
      'keys-1',
    ]);
  });
});

// Written so that this file does not match itself: "S[P]EC" and "\.\.\/" are not the strings they find.
const CITATIONS: { pattern: RegExp; what: string; allowedIn: string[] }[] = [
  { pattern: /S[P]EC/, what: 'a citation of the product specification', allowedIn: [] },
  { pattern: /\.\.\/shared/, what: 'a path outside the repository', allowedIn: ['test/support/openapi.ts'] },
  { pattern: /issue #?\d+/i, what: 'an issue number', allowedIn: [] },
];

const TEXT = /\.(ts|js|mjs|cjs|json|md|snap|ya?ml)$/;
const SCANNED = [
  'README.md',
  'BENCHMARKS.md',
  'examples/README.md',
  'Dockerfile',
  'compose.yaml',
  '.ci/run',
  ...['src', 'test', 'bench', 'scripts', 'docs'].flatMap((dir) => filesUnder(dir, (path) => TEXT.test(path))),
].filter((path) => existsSync(join(ROOT, path)));

describe('references', () => {
  it('point into the repository: no specification, outside path or issue number is cited', () => {
    expect(SCANNED.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const path of SCANNED) {
      readFileSync(join(ROOT, path), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const { pattern, what, allowedIn } of CITATIONS) {
            if (pattern.test(line) && !allowedIn.includes(path))
              found.push(`${path}:${index + 1}: ${what}: ${line.trim()}`);
          }
        });
    }
    expect(found).toEqual([]);
  });
});
