import type {
  DossierResponse,
  EntityDetail,
  EventsResponse,
  MeetingsResponse,
  NeighborsResponse,
  PathResponse,
  SearchResponse,
  SourceDetail,
  SourcesResponse,
  StatsResponse,
} from './types.ts';

/** An API failure as the user should see it: what was asked, and what went wrong. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly path: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const RETRY_DELAY_MS = 600;

export type Query = Record<string, string | number | readonly string[] | null | undefined>;

export function buildQuery(query: Query): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) p.set(key, value.join(','));
    } else p.set(key, String(value));
  }
  const text = p.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

export interface NeighbourQuery {
  depth?: number;
  relations?: readonly string[];
  types?: readonly string[];
  from?: string | null;
  to?: string | null;
  limit?: number;
}

/** The explorer's view of `/api/v1`: typed calls, failures as ApiError, cancellable by signal. */
export class ApiClient {
  constructor(
    private readonly base = '/api/v1',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  url(path: string, query: Query = {}): string {
    return `${this.base}${path}${buildQuery(query)}`;
  }

  async get<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
    try {
      return await this.getOnce<T>(path, query, signal);
    } catch (error) {
      // 503 means the store is busy or a cold query ran out of time: one more try, shortly after.
      if (!(error instanceof ApiError) || error.status !== 503 || signal?.aborted) throw error;
      await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
      return this.getOnce<T>(path, query, signal);
    }
  }

  private async getOnce<T>(path: string, query: Query, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path, query), { headers: { accept: 'application/json' }, signal });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(`The server could not be reached (${(error as Error).message}).`, 0, path);
    }
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      const message = typeof record.message === 'string' ? record.message : response.statusText || 'request failed';
      const code = typeof record.error === 'string' ? record.error : undefined;
      throw new ApiError(`${message} (HTTP ${response.status})`, response.status, path, code);
    }
    if (body === undefined) throw new ApiError('The server sent an answer that is not JSON.', response.status, path);
    return body as T;
  }

  search(q: string, options: { types?: readonly string[]; limit?: number } = {}, signal?: AbortSignal): Promise<SearchResponse> {
    return this.get('/search', { q, types: options.types, limit: options.limit ?? 8 }, signal);
  }

  entity(id: string, signal?: AbortSignal): Promise<EntityDetail> {
    return this.get(`/entities/${encodeURIComponent(id)}`, {}, signal);
  }

  neighbors(id: string, query: NeighbourQuery = {}, signal?: AbortSignal): Promise<NeighborsResponse> {
    return this.get(
      `/entities/${encodeURIComponent(id)}/neighbors`,
      { depth: query.depth, relations: query.relations, types: query.types, from: query.from, to: query.to, limit: query.limit },
      signal,
    );
  }

  meetings(person: string, withPerson?: string | null, signal?: AbortSignal): Promise<MeetingsResponse> {
    return this.get('/meetings', { person, with: withPerson }, signal);
  }

  paths(from: string, to: string, signal?: AbortSignal): Promise<PathResponse> {
    return this.get('/paths', { from, to }, signal);
  }

  events(query: Query = {}, signal?: AbortSignal): Promise<EventsResponse> {
    return this.get('/events', query, signal);
  }

  dossier(a: string, b: string, signal?: AbortSignal): Promise<DossierResponse> {
    return this.get('/dossier', { a, b }, signal);
  }

  sources(signal?: AbortSignal): Promise<SourcesResponse> {
    return this.get('/sources', { limit: 500 }, signal);
  }

  source(id: string, signal?: AbortSignal): Promise<SourceDetail> {
    return this.get(`/sources/${encodeURIComponent(id)}`, {}, signal);
  }

  stats(signal?: AbortSignal): Promise<StatsResponse> {
    return this.get('/stats', {}, signal);
  }
}
