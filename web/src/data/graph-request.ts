import type { AppState } from '../state/state.ts';

/** What the graph on screen is made of: neighbourhoods, and the paths between two people. */
export type GraphRequest = { kind: 'neighbours'; id: string } | { kind: 'paths'; from: string; to: string };

/** One string per distinct request, for maps. */
export function requestKey(request: GraphRequest): string {
  return JSON.stringify(request.kind === 'neighbours' ? [request.kind, request.id] : [request.kind, request.from, request.to]);
}

/** The requests a state needs: the focus's and each expanded node's neighbourhood, then the paths; each once. */
export function requestsFor(state: AppState): GraphRequest[] {
  const requests: GraphRequest[] = [];
  const seen = new Set<string>();
  const add = (request: GraphRequest) => {
    const key = requestKey(request);
    if (seen.has(key)) return;
    seen.add(key);
    requests.push(request);
  };
  if (state.focus) add({ kind: 'neighbours', id: state.focus });
  for (const id of state.expanded) add({ kind: 'neighbours', id });
  if (state.pathFrom && state.pathTo) add({ kind: 'paths', from: state.pathFrom, to: state.pathTo });
  return requests;
}

/** What a request's failure is about, for the message that reports it. */
export function requestLabel(request: GraphRequest): string {
  return request.kind === 'paths' ? 'Paths' : `Neighbours of ${request.id}`;
}
