import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of docs/architecture.md, checked on the imports: below the page logic (`lib/ui`,
 * `components/`) nothing imports it or the entrypoints, so a feature runs the same in a content
 * script, the background and a page.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const PAGE_LOGIC = [/^lib\/ui\//, /^components\//];
const WIRING = [/^entrypoints\//];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The project file an import names (`@/` is the root), or null for a package. */
function importedFile(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? resolve(ROOT, dirname(from), specifier) : null;
  if (!base) return null;
  const found = ['', '.ts', '.tsx', '/index.ts'].map((ending) => base + ending).find((path) => existsSync(path) && !path.endsWith('/'));
  return relative(ROOT, found ?? base);
}

/** Static imports, re-exports and dynamic import() of a source text. */
const importsOf = (text: string): string[] => [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)'([^']+)'/g)].map((match) => match[1]!);

function upwardImports(file: string, above: readonly RegExp[]): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return importsOf(text)
    .map((specifier) => importedFile(file, specifier))
    .filter((target): target is string => target !== null && above.some((layer) => layer.test(target)))
    .map((target) => `${file} → ${target}`);
}

describe('layers', () => {
  it('finds the imports it checks', () => {
    expect(importsOf(`import a from './a';\nexport { b } from '@/lib/b';\nconst c = import('../c');`)).toEqual(['./a', '@/lib/b', '../c']);
    expect(upwardImports('components/OfferActions.tsx', [/^lib\/message\//])).not.toEqual([]);
  });

  it('keeps lib/ below the page logic and the entrypoints', () => {
    const belowPages = sourceFiles('lib').filter((file) => !PAGE_LOGIC.some((layer) => layer.test(file)));
    expect(belowPages.flatMap((file) => upwardImports(file, [...PAGE_LOGIC, ...WIRING]))).toEqual([]);
  });

  it('keeps the page logic below the entrypoints', () => {
    const pages = [...sourceFiles('lib/ui'), ...sourceFiles('components')];
    expect(pages.flatMap((file) => upwardImports(file, WIRING))).toEqual([]);
  });
});
