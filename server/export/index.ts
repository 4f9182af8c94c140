import { fold } from '../../extract/text.ts';
import { writeCsvZip, writeNeo4jCsvZip } from './csv.ts';
import { writeCyjs } from './cyjs.ts';
import { writeCypher } from './cypher.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import { writeJson } from './json.ts';
import type { FormatWriter } from './model.ts';

export type { ExportEdge, ExportGraph, ExportNode, FormatWriter, WriteOptions } from './model.ts';

export interface ExportFormat {
  contentType: string;
  /** The file name's ending, without the dot. */
  extension: string;
  description: string;
  write: FormatWriter;
}

export const EXPORT_FORMATS = ['json', 'cyjs', 'graphml', 'gexf', 'csv', 'neo4j-csv', 'cypher'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

/** Every export format: its media type, its file extension and its writer. */
export const FORMATS: Record<ExportFormatName, ExportFormat> = {
  json: {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    description: 'the API graph shape: nodes and edges with every attribute and the evidence',
    write: writeJson,
  },
  cyjs: {
    contentType: 'application/json; charset=utf-8',
    extension: 'cyjs',
    description: 'Cytoscape.js elements JSON, imported by Cytoscape desktop',
    write: writeCyjs,
  },
  graphml: {
    contentType: 'application/graphml+xml; charset=utf-8',
    extension: 'graphml',
    description: 'GraphML with typed keys (Gephi, yEd, Cytoscape desktop)',
    write: writeGraphml,
  },
  gexf: {
    contentType: 'application/gexf+xml; charset=utf-8',
    extension: 'gexf',
    description: "GEXF 1.3 with dates as time intervals for Gephi's timeline",
    write: writeGexf,
  },
  csv: {
    contentType: 'application/zip',
    extension: 'csv.zip',
    description:
      'nodes.csv and relationships.csv for spreadsheets, zipped: a text a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe',
    write: writeCsvZip,
  },
  'neo4j-csv': {
    contentType: 'application/zip',
    extension: 'neo4j.csv.zip',
    description: 'nodes.csv and relationships.csv for neo4j-admin import, zipped, every text as stored (not for spreadsheets, which may run text as formulas)',
    write: writeNeo4jCsvZip,
  },
  cypher: {
    contentType: 'text/plain; charset=utf-8',
    extension: 'cypher',
    description: 'a Cypher script that recreates the subgraph in another Neo4j',
    write: writeCypher,
  },
};

/** A file name made of ASCII letters, digits and hyphens only, so it needs no quoting anywhere. */
export function exportFileName(format: ExportFormatName, parts: readonly string[]): string {
  const stem = fold(['cooperation-graph', ...parts].join('-'))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return `${stem}.${FORMATS[format].extension}`;
}

/** A `Content-Disposition` header that makes browsers save the export under its name. */
export const contentDisposition = (fileName: string) => `attachment; filename="${fileName}"`;
