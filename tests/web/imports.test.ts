import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = join(ROOT, 'web/src');

/** The modules outside web/ the explorer bundles: the domain's declarations, the folding rule, the reserved names. */
const BUNDLED_FROM_EXTRACT = [
  'extract/schema/entity-types.ts',
  'extract/schema/reserved.ts',
  'extract/schema/relation-types.ts',
  'extract/schema/languages.ts',
  'extract/text.ts',
];

/** Every `import … from` and `export … from` of a module that is not type-only, with what it names. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const statements = source.match(/^(?:import|export)\s(?!type\s)[^;]*?from\s+'[^']+'|^import\s+'[^']+'/gm) ?? [];
  return statements.map((s) => /'([^']+)'$/.exec(s)![1]!);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('what the explorer bundles', () => {
  it('takes from outside web/ only the declaration modules and the folding rule, besides its packages', () => {
    const outside = new Set<string>();
    for (const file of sources(WEB)) {
      for (const specifier of runtimeImports(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = resolve(dirname(file), specifier);
        if (!target.startsWith(WEB)) outside.add(relative(ROOT, target));
      }
    }
    expect([...outside].sort()).toEqual([...BUNDLED_FROM_EXTRACT].sort());
  });

  it('and those modules import no code themselves', () => {
    for (const module of BUNDLED_FROM_EXTRACT) expect(runtimeImports(join(ROOT, module)), module).toEqual([]);
  });
});
