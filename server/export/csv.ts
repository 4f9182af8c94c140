import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import yazl from 'yazl';
import { columnsOf, edgeRow, nodeRow, rowsOf, type Column, type ExportGraph, type FormatWriter, type Scalar, type WriteOptions } from './model.ts';

/** neo4j-admin import header types; text needs none. */
const HEADER_TYPE = { boolean: ':boolean', long: ':long', double: ':double', string: '' } as const;
const header = (c: Column) => `${c.name}${HEADER_TYPE[c.type]}`;

/** The same node label every entity carries in the project's model, then its type. */
export const NODE_LABELS = (type: string) => `Entity;${type}`;

function csvStream(head: string[], rows: Iterable<(Scalar | undefined)[]>, forSpreadsheets: boolean): NodeJS.ReadableStream {
  // A byte-order mark, so spreadsheets read the file as UTF-8 (neo4j-admin import skips it), then the
  // header, unquoted as neo4j-admin expects it.
  const header = stringifySync([head], { bom: true, record_delimiter: 'unix' });
  const body = stringify({
    // Text is always quoted, so an empty text ("") stays apart from a missing value (an empty field).
    quoted_string: true,
    record_delimiter: 'unix',
    cast: { boolean: (v) => (v ? 'true' : 'false'), number: (v) => String(v) },
    // A spreadsheet runs a cell starting with =, +, -, @, a tab or a carriage return as a formula, quoted
    // or not (=HYPERLINK can send the sheet's data away): such text gets a leading apostrophe. Numbers keep their sign.
    escape_formulas: forSpreadsheets,
  });
  const lines = Readable.from(rows).pipe(body);
  return Readable.from(
    (async function* () {
      yield Buffer.from(header, 'utf8');
      for await (const chunk of lines) yield chunk as Buffer;
    })(),
  );
}

function* nodeRecords(graph: ExportGraph, columns: Column[]): Generator<(Scalar | undefined)[]> {
  for (const node of graph.nodes) {
    const row = nodeRow(node);
    yield [node.id, NODE_LABELS(node.type), ...columns.map((c) => cell(row[c.name], c))];
  }
}

function* edgeRecords(graph: ExportGraph, columns: Column[]): Generator<(Scalar | undefined)[]> {
  for (const edge of graph.edges) {
    const row = edgeRow(edge);
    yield [edge.source, edge.target, edge.type, edge.id, ...columns.map((c) => cell(row[c.name], c))];
  }
}

const cell = (value: Scalar | undefined, c: Column) => (value === undefined ? undefined : c.type === 'string' ? String(value) : value);

/**
 * `nodes.csv` and `relationships.csv` in a zip, with neo4j-admin import headers (`id:ID`, `:LABEL`,
 * `:START_ID`, `:END_ID`, `:TYPE`, typed columns). Aliases and evidence are JSON text. For spreadsheets,
 * text that would run as a formula starts with an apostrophe; for neo4j-admin, every text is as stored:
 * `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --multiline-fields=true`.
 */
function csvZip(graph: ExportGraph, options: WriteOptions, forSpreadsheets: boolean): AsyncIterable<Uint8Array> {
  const nodeColumns = columnsOf(rowsOf(graph.nodes, nodeRow), ['label', 'name', 'kind', 'unnamed']).filter((c) => c.name !== 'type');
  const edgeColumns = columnsOf(rowsOf(graph.edges, edgeRow)).filter((c) => c.name !== 'type');
  const mtime = options.exportedAt ?? new Date();
  const zip = new yazl.ZipFile();
  zip.addReadStreamLazy('nodes.csv', { mtime }, (cb) =>
    cb(null, csvStream(['id:ID', ':LABEL', ...nodeColumns.map(header)], nodeRecords(graph, nodeColumns), forSpreadsheets)),
  );
  zip.addReadStreamLazy('relationships.csv', { mtime }, (cb) =>
    cb(null, csvStream([':START_ID', ':END_ID', ':TYPE', 'id', ...edgeColumns.map(header)], edgeRecords(graph, edgeColumns), forSpreadsheets)),
  );
  zip.end();
  return zip.outputStream as unknown as AsyncIterable<Uint8Array>;
}

/** The CSV files for a spreadsheet: no cell runs as a formula. */
export const writeCsvZip: FormatWriter = (graph, options = {}) => csvZip(graph, options, true);

/** The CSV files for neo4j-admin import, every text as stored: not to be opened in a spreadsheet. */
export const writeNeo4jCsvZip: FormatWriter = (graph, options = {}) => csvZip(graph, options, false);
