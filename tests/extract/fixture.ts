import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const CURATION_DIR = fileURLToPath(new URL('../../extract/curation/', import.meta.url));

/** A throw-away copy of the seeds and the curation, to break on purpose. */
export interface Fixture {
  seedsDir: string;
  curationDir: string;
  /** parse a curation YAML file, let `edit` change it, write it back */
  editYaml(file: string, edit: (doc: Record<string, unknown[]>) => void): Promise<void>;
  writeYaml(file: string, doc: unknown): Promise<void>;
  editText(path: string, edit: (text: string) => string): Promise<void>;
  dispose(): Promise<void>;
}

export async function makeFixture(): Promise<Fixture> {
  const root = await mkdtemp(join(tmpdir(), 'curation-'));
  const seedsDir = join(root, 'seeds');
  const curationDir = join(root, 'curation');
  await cp(SEEDS_DIR, seedsDir, { recursive: true });
  await cp(CURATION_DIR, curationDir, { recursive: true });
  return {
    seedsDir,
    curationDir,
    async editYaml(file, edit) {
      const path = join(curationDir, file);
      const doc = parse(await readFile(path, 'utf8')) as Record<string, unknown[]>;
      edit(doc);
      await writeFile(path, stringify(doc, { aliasDuplicateObjects: false }));
    },
    async writeYaml(file, doc) {
      await writeFile(join(curationDir, file), stringify(doc));
    },
    async editText(path, edit) {
      const full = join(root, path);
      await writeFile(full, edit(await readFile(full, 'utf8')));
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

type Rec = Record<string, unknown>;

/** The record with this id in a section of a parsed curation file. */
export function record(doc: Record<string, unknown[]>, section: string, id: string): Rec {
  const found = (doc[section] as Rec[] | undefined)?.find((r) => r.id === id);
  if (!found) throw new Error(`no ${section} record ${id}`);
  return found;
}

/** The relation record with this type, source and target. */
export function relation(doc: Record<string, unknown[]>, type: string, source: string, target: string): Rec {
  const found = (doc.relations as Rec[]).find((r) => r.type === type && r.source === source && r.target === target);
  if (!found) throw new Error(`no relation ${type}:${source}->${target}`);
  return found;
}
