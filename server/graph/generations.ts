import type { Driver } from 'neo4j-driver';
import { runRetried, type GraphQuery } from './runner.ts';

/** What a load wrote, by type; kept as JSON on the Dataset node (`counts`). */
export interface GraphCounts {
  /** Entities by label (Person, Place, ...). */
  nodes: Record<string, number>;
  /** Relationships by type. */
  relationships: Record<string, number>;
  articles: number;
}

/** The generation a dataset serves now. */
export interface ActiveGeneration {
  dataset: string;
  /** The generation key every node and relationship of it carries as `graph`. */
  generation: string;
  /** When the load that wrote it finished (ISO 8601, UTC). */
  loadedAt: string;
  counts: GraphCounts;
}

export const emptyCounts = (): GraphCounts => ({ nodes: {}, relationships: {}, articles: 0 });

function parseCounts(text: unknown): GraphCounts {
  if (typeof text !== 'string') return emptyCounts();
  const parsed = JSON.parse(text) as Partial<GraphCounts>;
  return { nodes: parsed.nodes ?? {}, relationships: parsed.relationships ?? {}, articles: parsed.articles ?? 0 };
}

/** The active generation of a dataset, its load time and counts; null before its first load. */
export function activeGenerationQuery(dataset: string): GraphQuery<ActiveGeneration | null> {
  return {
    cypher:
      'MATCH (d:Dataset {name: $dataset}) WHERE d.active IS NOT NULL ' +
      'RETURN d.active AS generation, d.loadedAt AS loadedAt, d.counts AS counts',
    params: { dataset },
    routing: 'READ',
    transform: (records) => {
      const record = records[0];
      if (!record) return null;
      return {
        dataset,
        generation: String(record.get('generation')),
        loadedAt: String(record.get('loadedAt')),
        counts: parseCounts(record.get('counts')),
      };
    },
  };
}

/** Only the key of the generation a dataset serves now (null before its first load): one index seek. */
export function activeGenerationKeyQuery(dataset: string): GraphQuery<string | null> {
  return {
    cypher: 'MATCH (d:Dataset {name: $dataset}) RETURN d.active AS generation',
    params: { dataset },
    routing: 'READ',
    transform: (records) => {
      const generation = records[0]?.get('generation');
      return typeof generation === 'string' ? generation : null;
    },
  };
}

/** Runs activeGenerationQuery directly, for callers outside the API (loads, tests, benchmarks). */
export function activeGeneration(driver: Driver, database: string, dataset: string): Promise<ActiveGeneration | null> {
  return runRetried(driver, activeGenerationQuery(dataset), database);
}
