import type { GraphElements, NeighborsResponse, PathResponse } from '../api/types.ts';
import { AnswerCache } from './answer-cache.ts';
import { requestKey } from './graph-request.ts';
import type { GraphRequest } from './graph-request.ts';

/** How many neighbours one expansion brings in at most. */
export const NEIGHBOUR_LIMIT = 150;

/** The API calls the loader makes (the ApiClient has them). */
export interface GraphSource {
  neighbors(id: string, query: { limit: number }): Promise<NeighborsResponse>;
  paths(from: string, to: string): Promise<PathResponse>;
}

type GraphAnswer = NeighborsResponse | PathResponse;

/**
 * The answers the graph on screen is built from. Every answer asked for stays at hand for the page's
 * life (asking again costs nothing); the ones the current state uses are kept apart, in its order.
 */
export class GraphLoader {
  private readonly answers: AnswerCache<GraphRequest, GraphAnswer>;
  /** The answers the current state uses, by request key. */
  private readonly loaded = new Map<string, GraphAnswer>();
  /** Nodes whose neighbourhood the limit cut short. */
  private readonly truncated = new Set<string>();

  constructor(source: GraphSource) {
    this.answers = new AnswerCache(requestKey, (request) =>
      request.kind === 'neighbours'
        ? source.neighbors(request.id, { limit: NEIGHBOUR_LIMIT }).then((r) => {
            if (r.truncated) this.truncated.add(request.id);
            return r;
          })
        : source.paths(request.from, request.to),
    );
  }

  /** The requests among these whose answers the current state does not hold yet. */
  missing(requests: readonly GraphRequest[]): GraphRequest[] {
    return requests.filter((r) => !this.loaded.has(requestKey(r)));
  }

  /** Asks for every request at once and keeps the answers; each failure goes to `failed`, in the requests' order. */
  async load(requests: readonly GraphRequest[], failed: (request: GraphRequest, error: unknown) => void): Promise<void> {
    const results = await Promise.allSettled(requests.map((r) => this.answers.get(r)));
    results.forEach((result, i) => {
      const request = requests[i] as GraphRequest;
      if (result.status === 'fulfilled') this.loaded.set(requestKey(request), result.value);
      else failed(request, result.reason);
    });
  }

  /** Lets go of the answers no request among these needs (a state left them behind). */
  keepOnly(requests: readonly GraphRequest[]): void {
    const needed = new Set(requests.map(requestKey));
    for (const key of [...this.loaded.keys()]) if (!needed.has(key)) this.loaded.delete(key);
  }

  /** The answers held for these requests, in their order. */
  answersTo(requests: readonly GraphRequest[]): GraphElements[] {
    return requests.flatMap((r) => {
      const answer = this.loaded.get(requestKey(r));
      return answer ? [answer] : [];
    });
  }

  /** The paths between two people, if the current state holds them. */
  paths(from: string, to: string): PathResponse | undefined {
    const answer = this.loaded.get(requestKey({ kind: 'paths', from, to }));
    return answer && 'paths' in answer ? answer : undefined;
  }

  /** Whether the limit cut this node's neighbourhood short (once asked for). */
  isTruncated(id: string): boolean {
    return this.truncated.has(id);
  }
}
