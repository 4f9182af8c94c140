import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { ENTITY_RECORDS, ENTITY_SECTIONS, type EntityRecord } from './schema/entity-record.ts';
import type { EntityType } from './schema/entity-types.ts';
import { RelationRecord } from './schema/relation-record.ts';
import { describeIssues, type Problem } from './problems.ts';
import { DEFAULT_CURATION_DIR } from './paths.ts';
import { datesAsText } from './yaml-values.ts';

/**
 * The curation reader: every *.yaml / *.yml file under the curation folder (recursively, in path
 * order) may hold a section per entity type (people, places...: see entity-types.ts) and relations,
 * each a list of records.
 */

export interface EntityEntry {
  file: string;
  type: EntityType;
  record: EntityRecord;
}

export interface RelationEntry {
  file: string;
  record: RelationRecord;
}

/** An entity record that failed its schema; its id still counts as defined, so references to it do not cascade. */
export interface InvalidEntity {
  file: string;
  type: EntityType;
  id: string;
}

export interface CurationReadResult {
  entities: EntityEntry[];
  invalidEntities: InvalidEntity[];
  relations: RelationEntry[];
  problems: Problem[];
}

const SECTIONS = new Set<string>([...ENTITY_SECTIONS.keys(), 'relations']);

async function listYaml(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listYaml(path)));
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

function recordLabel(raw: unknown, index: number, section: string): string {
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>;
    if (typeof r.id === 'string') return r.id;
    if (section === 'relations' && typeof r.type === 'string' && typeof r.source === 'string' && typeof r.target === 'string') {
      return `${r.type}:${r.source}->${r.target}${typeof r.qualifier === 'string' ? `#${r.qualifier}` : ''}`;
    }
  }
  return `${section}#${index}`;
}

export async function readCuration(curationDir: string = DEFAULT_CURATION_DIR): Promise<CurationReadResult> {
  const result: CurationReadResult = { entities: [], invalidEntities: [], relations: [], problems: [] };
  let files: string[];
  try {
    files = await listYaml(curationDir);
  } catch (e) {
    result.problems.push({ file: 'curation', record: '-', message: `cannot read the curation folder: ${(e as Error).message}` });
    return result;
  }
  if (files.length === 0) result.problems.push({ file: 'curation', record: '-', message: 'no curation files (*.yaml) found' });
  for (const path of files) {
    const file = `curation/${relative(curationDir, path).split(sep).join('/')}`;
    let doc: unknown;
    try {
      doc = datesAsText(parse(await readFile(path, 'utf8')));
    } catch (e) {
      result.problems.push({ file, record: '-', message: `not valid YAML: ${(e as Error).message}` });
      continue;
    }
    if (doc === null || doc === undefined) continue;
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      result.problems.push({ file, record: '-', message: 'a curation file must be a mapping of sections' });
      continue;
    }
    for (const [section, list] of Object.entries(doc)) {
      if (!SECTIONS.has(section)) {
        result.problems.push({ file, record: '-', message: `unknown section "${section}" (expected one of ${[...SECTIONS].join(', ')})` });
        continue;
      }
      if (!Array.isArray(list)) {
        result.problems.push({ file, record: '-', message: `section "${section}" must be a list of records` });
        continue;
      }
      list.forEach((raw: unknown, index: number) => {
        const record = recordLabel(raw, index, section);
        if (section === 'relations') {
          const parsed = RelationRecord.safeParse(raw);
          if (parsed.success) result.relations.push({ file, record: parsed.data });
          else result.problems.push(...describeIssues(parsed.error.issues).map((message) => ({ file, record, message })));
          return;
        }
        const type = ENTITY_SECTIONS.get(section)!;
        const parsed = ENTITY_RECORDS[type].safeParse(raw);
        if (parsed.success) {
          result.entities.push({ file, type, record: parsed.data });
          return;
        }
        result.problems.push(...describeIssues(parsed.error.issues).map((message) => ({ file, record, message })));
        const id = (raw as { id?: unknown } | null)?.id;
        if (typeof id === 'string') result.invalidEntities.push({ file, type, id });
      });
    }
  }
  return result;
}
