import type { Alias, CitedEvidence } from '../../extract/schema/common.ts';
import type { EntityType } from '../../extract/schema/entity-types.ts';
import type { RelationType } from '../../extract/schema/relation-types.ts';

/**
 * What every format writer takes: the API's graph shape (`ApiNode`, `ApiEdge`: nodes and edges with
 * their attributes, flattened in as scalars, and evidence). Nodes may carry their own evidence too.
 */
export interface ExportNode {
  id: string;
  type: EntityType;
  label: string;
  name: string;
  kind?: string | undefined;
  unnamed: boolean;
  aliases: Alias[];
  evidence?: CitedEvidence[] | undefined;
  [attribute: string]: unknown;
}
export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  evidence: CitedEvidence[];
  [attribute: string]: unknown;
}
export interface ExportGraph {
  nodes: readonly ExportNode[];
  edges: readonly ExportEdge[];
}

export interface WriteOptions {
  /** A title for the formats that carry one (GraphML description, GEXF meta, Cytoscape network name). */
  title?: string;
  /** The moment of the export, written where a format records one; defaults to now. */
  exportedAt?: Date;
  /**
   * Cypher only: a `graph` property set on every node and relationship the script creates, and matched
   * on, so the script can load the subgraph beside other data (as a generation of this project's model).
   */
  graph?: string;
}

/** A format writer: a pure function from a graph to a stream of text or bytes. */
export type FormatWriter = (graph: ExportGraph, options?: WriteOptions) => AsyncIterable<string | Uint8Array>;

export type Scalar = string | number | boolean;
export type ColumnType = 'boolean' | 'long' | 'double' | 'string';
export interface Column {
  name: string;
  type: ColumnType;
}

/** Attribute names become GraphML/GEXF titles, CSV headers and Cypher keys: identifiers only. */
const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkName(name: string): void {
  if (!ATTRIBUTE_NAME.test(name)) throw new Error(`attribute ${JSON.stringify(name)} cannot be exported: names must be identifiers`);
}

/** An attribute as a scalar: anything else (a list, a map) as JSON text. */
const scalar = (value: unknown): Scalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);

const NODE_STRUCTURE = new Set(['id', 'aliases', 'evidence']);
const EDGE_STRUCTURE = new Set(['id', 'source', 'target', 'evidence']);

/**
 * A node as one flat row of scalars, the form of the tabular and XML formats: `type`, `label`, `name`,
 * `kind`, `unnamed`, then every other attribute; aliases and evidence as JSON text.
 */
export function nodeRow(node: ExportNode): Record<string, Scalar> {
  const row: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(node)) {
    if (NODE_STRUCTURE.has(key) || value === undefined || value === null) continue;
    checkName(key);
    row[key] = scalar(value);
  }
  row.aliases = JSON.stringify(node.aliases);
  if (node.evidence) row.evidence = JSON.stringify(node.evidence);
  return row;
}

/** An edge as one flat row: `type`, every attribute, and the evidence as JSON text. */
export function edgeRow(edge: ExportEdge): Record<string, Scalar> {
  const row: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(edge)) {
    if (EDGE_STRUCTURE.has(key) || value === undefined || value === null) continue;
    checkName(key);
    row[key] = scalar(value);
  }
  row.evidence = JSON.stringify(edge.evidence);
  return row;
}

const typeOf = (v: Scalar): ColumnType =>
  typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? (Number.isSafeInteger(v) ? 'long' : 'double') : 'string';

/**
 * The columns of a set of rows, in first-seen order, each with the one type all its values share:
 * integers and decimals together are `double`; any other mix falls back to `string`.
 */
export function columnsOf(rows: Iterable<Record<string, Scalar>>, first: readonly string[] = []): Column[] {
  const types = new Map<string, ColumnType | null>(first.map((name) => [name, null]));
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const t = typeOf(value);
      const seen = types.get(name) ?? null;
      if (seen === null) types.set(name, t);
      else if (seen !== t) types.set(name, (seen === 'long' && t === 'double') || (seen === 'double' && t === 'long') ? 'double' : 'string');
    }
  }
  const columns: Column[] = [];
  for (const [name, type] of types) if (type !== null) columns.push({ name, type });
  return columns;
}

/** Rows made one at a time, for a pass over the elements that keeps none of them. */
export function* rowsOf<T>(items: Iterable<T>, row: (item: T) => Record<string, Scalar>): Generator<Record<string, Scalar>> {
  for (const item of items) yield row(item);
}

/** A value in its column's type: a mixed column holds every value as text. */
export function asColumn(value: Scalar, type: ColumnType): Scalar {
  return type === 'string' ? String(value) : value;
}

/** Collects small writes and hands them on in chunks of about `size` characters. */
export class Chunker {
  private parts: string[] = [];
  private length = 0;
  constructor(private readonly size = 64 * 1024) {}

  push = (text: string): void => {
    this.parts.push(text);
    this.length += text.length;
  };

  get full(): boolean {
    return this.length >= this.size;
  }

  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    return text;
  }
}

/** Writes ISO 8601 partial dates as full days: 2025 → 2025-01-01, 2025-04 → 2025-04-01. */
export function fullDate(date: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return undefined;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}
