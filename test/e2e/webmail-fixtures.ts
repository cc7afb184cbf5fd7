import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from './harness';

const EDITORS_DIR = join(ROOT, 'test/fixtures/webmail/editors');
const BUILT_DIR = join(ROOT, 'test/fixtures/webmail/.built');

/** Bundles the ProseMirror and Lexical fixture editors into test/fixtures/webmail/.built (gitignored). */
export async function buildFixtureEditors(): Promise<void> {
  await build({
    entryPoints: [join(EDITORS_DIR, 'prosemirror.ts'), join(EDITORS_DIR, 'lexical.ts')],
    outdir: BUILT_DIR,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
}
