import { EXIT, parseCommandLine } from './command-line.ts';
import { readCorpus } from './corpus.ts';
import { coverageOf, formatCoverage, type Coverage } from './coverage.ts';
import { readCuration, type EntityEntry, type RelationEntry } from './curation.ts';
import { DEFAULT_CURATION_DIR, DEFAULT_SEEDS_DIR, type CorpusDirs } from './paths.ts';
import { formatProblem, type Problem } from './problems.ts';
import type { Article } from './schema/article.ts';
import type { Evidence } from './schema/common.ts';
import { displayName, fieldsOf } from './schema/entity-record.ts';
import { ENTITY_DECLARATIONS } from './schema/entity-types.ts';
import { isAllowedBetween, RELATION_DECLARATIONS } from './schema/relation-types.ts';
import { relationAttributes, relationId } from './schema/relation-record.ts';
import { fold, normalizeText } from './text.ts';
import { relationTrigger } from './triggers.ts';

/**
 * The curation check: everything that must hold before the graph is compiled. It collects every
 * problem (file, record, what is wrong) rather than stopping at the first. Warnings (a relation whose
 * quotes hold none of its type's trigger words) and the coverage of each article's sentences are
 * reported beside the problems; compile needs only the problems to be none.
 */

/** A note starting with this says why no quote of the record holds a trigger word. */
export const TRIGGER_NOTE = 'trigger:';

export interface CheckResult {
  problems: Problem[];
  /** relations whose quotes hold no trigger word of their type, without a `trigger:` note */
  warnings: Problem[];
  coverage: Coverage;
  articles: Article[];
  entities: EntityEntry[];
  relations: RelationEntry[];
}

/** "a Place", "an Event". */
const withArticle = (type: string) => `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;

export async function checkCorpus(dirs: CorpusDirs = {}): Promise<CheckResult> {
  const seedsDir = dirs.seedsDir ?? DEFAULT_SEEDS_DIR;
  const curationDir = dirs.curationDir ?? DEFAULT_CURATION_DIR;
  const corpus = await readCorpus(seedsDir);
  const curation = await readCuration(curationDir);
  const problems: Problem[] = [...corpus.problems, ...curation.problems];
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const bodies = new Map(corpus.articles.map((a) => [a.id, normalizeText(a.text)]));

  const checkEvidence = (file: string, record: string, evidence: readonly Evidence[], where: string) => {
    evidence.forEach((e, i) => {
      const body = bodies.get(e.articleId);
      if (body === undefined) {
        problems.push({ file, record, message: `${where}evidence.${i}: article "${e.articleId}" is not an article in the seeds` });
      } else if (!body.includes(normalizeText(e.quote))) {
        problems.push({ file, record, message: `${where}evidence.${i}: quote does not occur in article "${e.articleId}": "${e.quote}"` });
      }
    });
  };

  // Entities: unique ids across all files and types, evidence, attributes that need evidence.
  const entities = new Map<string, EntityEntry>();
  for (const entry of curation.entities) {
    const { file, record } = entry;
    const previous = entities.get(record.id);
    if (previous) {
      problems.push({ file, record: record.id, message: `duplicate id: already defined as ${previous.type} in ${previous.file}` });
      continue;
    }
    entities.set(record.id, entry);
    checkEvidence(file, record.id, record.evidence, '');
    const dated = Object.entries(ENTITY_DECLARATIONS[entry.type].properties).some(
      ([key, p]) => (p.type === 'date' || p.type === 'ordinal') && fieldsOf(record)[key] !== undefined,
    );
    if (dated && record.evidence.length === 0) {
      problems.push({ file, record: record.id, message: 'a date or ordinal needs evidence on the record' });
    }
    if (record.unnamed && record.evidence.length === 0) {
      problems.push({ file, record: record.id, message: 'an unnamed actor needs evidence naming its office' });
    }
    const declaration = ENTITY_DECLARATIONS[entry.type];
    if (declaration.needsEvidence && record.evidence.length === 0) {
      problems.push({ file, record: record.id, message: `${withArticle(declaration.label)} needs evidence: the quote that states it` });
    }
  }

  // Records that failed their schema still define their id: references to them are not dangling.
  const invalid = new Map<string, string>();
  for (const bad of curation.invalidEntities) {
    if (entities.has(bad.id) || invalid.has(bad.id)) {
      problems.push({ file: bad.file, record: bad.id, message: 'duplicate id' });
    } else invalid.set(bad.id, bad.type);
  }

  // Aliases (and names): one folded spelling may belong to one entity of a type only.
  const claims = new Map<string, EntityEntry>();
  for (const entry of entities.values()) {
    const spellings = new Set([displayName(entry.type, entry.record), ...entry.record.aliases.map((a) => a.name)].map(fold));
    for (const spelling of spellings) {
      const key = `${entry.type}\u0000${spelling}`;
      const owner = claims.get(key);
      if (owner) {
        problems.push({
          file: entry.file,
          record: entry.record.id,
          message: `alias "${spelling}" is also claimed by ${entry.type} ${owner.record.id} (${owner.file})`,
        });
      } else claims.set(key, entry);
    }
  }

  // Relations: unique derived ids, references, allowed types, attributes, evidence.
  const relationIds = new Map<string, string>();
  for (const { file, record } of curation.relations) {
    const id = relationId(record);
    const previous = relationIds.get(id);
    if (previous) {
      problems.push({ file, record: id, message: `duplicate relation id (also in ${previous}): merge the evidence into one record, or add a qualifier` });
      continue;
    }
    relationIds.set(id, file);
    const source = entities.get(record.source);
    const target = entities.get(record.target);
    if (!source && !invalid.has(record.source)) problems.push({ file, record: id, message: `source "${record.source}" is not a defined entity` });
    if (!target && !invalid.has(record.target)) problems.push({ file, record: id, message: `target "${record.target}" is not a defined entity` });
    if (source && target && !isAllowedBetween(record.type, source.type, target.type)) {
      problems.push({ file, record: id, message: `relation ${record.type} is not allowed from ${source.type} to ${target.type}` });
    }
    if (record.source === record.target) problems.push({ file, record: id, message: 'a relation must join two different entities' });
    const attributes = relationAttributes(record);
    for (const [key, p] of Object.entries(RELATION_DECLARATIONS[record.type].attributes)) {
      const ref = attributes[key];
      if (p.type !== 'entity' || typeof ref !== 'string') continue;
      const entity = entities.get(ref);
      const broken = invalid.get(ref) === p.entityType; // defined, its own record is reported
      if (!entity && !broken) problems.push({ file, record: id, message: `attributes.${key}: "${ref}" is not a defined entity` });
      else if (entity && entity.type !== p.entityType) {
        problems.push({ file, record: id, message: `attributes.${key}: "${ref}" is ${withArticle(entity.type)}, not ${withArticle(p.entityType)}` });
      }
    }
    checkEvidence(file, id, record.evidence, '');
    if (record.type === 'HOLDS_POSITION' && typeof attributes.asOf === 'string') {
      const dates = record.evidence.map((e) => articles.get(e.articleId)?.published).filter((d) => d !== undefined);
      if (dates.length && !dates.includes(attributes.asOf)) {
        problems.push({ file, record: id, message: `attributes.asOf ${attributes.asOf} is not the date of a cited article (${[...new Set(dates)].join(', ')})` });
      }
    }
  }

  problems.push(...missingRelations(entities.values(), curation.relations));
  const warnings = triggerWarnings(curation.relations, articles);
  const quotes = [...curation.entities.flatMap((e) => e.record.evidence), ...curation.relations.flatMap((r) => r.record.evidence)];
  const coverage = coverageOf(corpus.articles, quotes, curation.leftOut);
  return { problems, warnings, coverage, articles: corpus.articles, entities: [...entities.values()], relations: curation.relations };
}

/** Entities without a relation their type requires (a figure MEASURES whose figure it is). */
function missingRelations(entities: Iterable<EntityEntry>, relations: readonly RelationEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (const { file, type, record } of entities) {
    for (const needed of ENTITY_DECLARATIONS[type].requiredRelations ?? []) {
      const found = relations.some(({ record: r }) => {
        if (r.type !== needed.type || r.source !== record.id) return false;
        const attributes = relationAttributes(r);
        return Object.entries(needed.attributes).every(([key, value]) => attributes[key] === value);
      });
      if (!found) problems.push({ file, record: record.id, message: `needs ${needed.description}` });
    }
  }
  return problems;
}

/** Relations of a type with triggers none of whose quotes holds one in its article's language. */
function triggerWarnings(relations: readonly RelationEntry[], articles: ReadonlyMap<string, Article>): Problem[] {
  const warnings: Problem[] = [];
  for (const { file, record } of relations) {
    if (RELATION_DECLARATIONS[record.type].triggers === null || record.note?.startsWith(TRIGGER_NOTE)) continue;
    const said = record.evidence.some((e) => {
      const language = articles.get(e.articleId)?.language;
      return language !== undefined && relationTrigger(record.type, e.quote, language) !== undefined;
    });
    if (!said) {
      warnings.push({
        file,
        record: relationId(record),
        message: `no quote holds a word that says ${record.type} (extract/schema/relation-types.ts): quote the words that say it, or start the note with "${TRIGGER_NOTE}" and say why`,
      });
    }
  }
  return warnings;
}

const USAGE =
  'usage: tsx extract/cli.ts check [--seeds DIR] [--curation DIR]   prints every problem, the warnings and each article\'s coverage; exit code 1 if there is any problem, a sentence neither cited nor left out included';

/**
 * `check [--seeds DIR] [--curation DIR]`: prints every problem, the warnings and each article's
 * coverage; exit code 1 if there is any problem, a sentence neither cited nor left out included.
 */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, USAGE, {
    options: { seeds: { type: 'string' }, curation: { type: 'string' } },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const result = await checkCorpus({ seedsDir: values.seeds, curationDir: values.curation });
  const { coverage } = result;
  const problems = [...result.problems, ...coverage.problems, ...coverage.uncovered];
  const warnings = result.warnings;
  for (const line of coverage.articles.map(formatCoverage)) console.log(line);
  for (const w of warnings) console.error(`warning: ${formatProblem(w)}`);
  for (const p of problems) console.error(formatProblem(p));
  const counted = `${result.warnings.length} trigger warning(s), ${coverage.uncovered.length} sentence(s) neither cited nor left out`;
  if (problems.length) {
    console.error(`extract check: ${problems.length} problem(s); ${counted}`);
    return EXIT.failed;
  }
  console.log(
    `extract check: ok (${result.articles.length} articles, ${result.entities.length} entities, ${result.relations.length} relations); ${counted}`,
  );
  return EXIT.ok;
}
