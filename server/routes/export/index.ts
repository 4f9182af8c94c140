import { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition, EXPORT_FORMATS, exportFileName, FORMATS } from '../../export/index.ts';
import { ExportQuery } from '../../export/query.ts';
import { exportTitle, selectSubgraph } from '../../export/select.ts';
import { errorResponses } from '../../schemas/errors.ts';
import type { Config } from '../../config.ts';

export interface ExportRouteOptions {
  config: Pick<Config, 'EXPORT_MAX_NODES' | 'EXPORT_MAX_EDGES'>;
}

const routes: FastifyPluginAsyncZod<ExportRouteOptions> = async (app, { config }) => {
  app.get(
    '/export',
    {
      schema: {
        summary: 'Export a subgraph as a file',
        description:
          'The neighbourhoods of the given entities, selected as the neighbours route selects them (depth, relations, types, from, to), ' +
          'streamed as a file for Gephi, yEd, Cytoscape, a spreadsheet or another Neo4j. ' +
          'A selection over EXPORT_MAX_NODES nodes or EXPORT_MAX_EDGES edges is refused with 400 and how to narrow it.',
        tags: ['graph'],
        querystring: ExportQuery,
        response: {
          200: {
            description: 'the file, with Content-Disposition naming it',
            content: Object.fromEntries(
              EXPORT_FORMATS.map((f) => [FORMATS[f].contentType.split(';')[0], { schema: z.string().meta({ format: 'binary', description: FORMATS[f].description }) }]),
            ),
          },
          ...errorResponses('INVALID_PARAMETER', 'NOT_FOUND', 'AMBIGUOUS_NAME', 'NEO4J_UNAVAILABLE', 'QUERY_TIMEOUT'),
        },
      },
    },
    async (request, reply) => {
      const { format, ids, depth, relations, types, from, to } = request.query;
      const graph = await selectSubgraph(app.graph, { ids, depth, relations, types, from, to }, { maxNodes: config.EXPORT_MAX_NODES, maxEdges: config.EXPORT_MAX_EDGES });
      const writer = FORMATS[format];
      const name = exportFileName(format, [...ids.slice(0, 3), `depth-${depth}`]);
      return reply
        .header('content-type', writer.contentType)
        .header('content-disposition', contentDisposition(name))
        .header('x-export-nodes', String(graph.nodes.length))
        .header('x-export-edges', String(graph.edges.length))
        .send(Readable.from(writer.write(graph, { title: exportTitle(graph, depth) })));
    },
  );
};
export default routes;
