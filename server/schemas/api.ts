import { z } from 'zod';
import { Alias, CitedEvidence, EntityType, Language, RelationType } from '../../extract/schema/common.ts';
import { ArticleMetadata } from '../../extract/schema/article.ts';
import { ApiNode, EntityRef, GraphElements } from './graph.ts';

/** The response schemas of the read API; the web client imports their types from here. */

export const SearchResult = z
  .object({
    id: z.string(),
    type: EntityType,
    name: z.string(),
    kind: z.string().optional(),
    aliases: z.array(Alias),
    score: z.number(),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResponse = z.object({ results: z.array(SearchResult) }).meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof SearchResponse>;

export const Position = z
  .object({
    title: z.string(),
    organization: EntityRef,
    asOf: z.string(),
    evidence: z.array(CitedEvidence),
  })
  .meta({ id: 'Position', description: 'An office held, as of the date of the article that says so' });
export type Position = z.infer<typeof Position>;

export const RelationCount = z
  .object({ type: RelationType, direction: z.enum(['out', 'in']), count: z.number().int() })
  .meta({ id: 'RelationCount' });
export type RelationCount = z.infer<typeof RelationCount>;

export const EntityDetail = z
  .object({
    entity: ApiNode,
    aliasesByLanguage: z.partialRecord(Language, z.array(z.string())),
    evidence: z.array(CitedEvidence),
    articleIds: z.array(z.string()),
    positions: z.array(Position),
    relationCounts: z.array(RelationCount),
  })
  .meta({ id: 'EntityDetail' });
export type EntityDetail = z.infer<typeof EntityDetail>;

export const EventRef = z
  .object({
    id: z.string(),
    type: EntityType,
    name: z.string(),
    kind: z.string().optional(),
    date: z.string().optional(),
    place: EntityRef.nullable(),
  })
  .meta({ id: 'EventRef', description: 'An event (or, for a signing, the signed document) with its date and place' });
export type EventRef = z.infer<typeof EventRef>;

export const MEETING_HOWS = ['met', 'co-chaired', 'attended', 'witnessed', 'signed', 'hosted', 'at-same-event'] as const;

export const Meeting = z
  .object({
    counterpart: EntityRef,
    event: EventRef.nullable(),
    date: z.string().optional(),
    how: z.enum(MEETING_HOWS).meta({
      description: 'met: a MET relationship; co-chaired, attended, witnessed, signed, hosted: both did that at the event; at-same-event: they took part in different roles',
    }),
    roles: z.object({ person: z.array(RelationType), counterpart: z.array(RelationType) }),
    evidence: z.array(CitedEvidence),
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof Meeting>;

export const MeetingsResponse = z
  .object({
    person: EntityRef,
    meetings: z.array(Meeting),
    truncated: z.boolean().meta({
      description:
        'true when a bound cut the answer short: the newest 1000 occasions are kept, at most 50 counterparts per event or signing, at most 500 items',
    }),
  })
  .meta({ id: 'MeetingsResponse' });
export type MeetingsResponse = z.infer<typeof MeetingsResponse>;

export const PathResponse = GraphElements.extend({
  paths: z.array(z.object({ nodes: z.array(z.string()), edges: z.array(z.string()) })).meta({
    description: 'each shortest path as the ids of its nodes and edges, in order from `from` to `to`',
  }),
}).meta({ id: 'PathResponse' });
export type PathResponse = z.infer<typeof PathResponse>;

export const NeighborsResponse = GraphElements.extend({
  truncated: z.boolean().meta({ description: 'true when the limit cut the neighbourhood short' }),
}).meta({ id: 'NeighborsResponse' });
export type NeighborsResponse = z.infer<typeof NeighborsResponse>;

export const Participation = EntityRef.extend({ relation: RelationType, role: z.string().optional() }).meta({ id: 'Participation' });
export type Participation = z.infer<typeof Participation>;

export const TimelineEvent = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string().optional(),
    date: z.string().optional(),
    datePrecision: z.string().optional(),
    place: EntityRef.nullable(),
    participants: z.array(Participation),
    evidence: z.array(CitedEvidence),
  })
  .meta({ id: 'TimelineEvent' });
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const EventsResponse = z.object({ events: z.array(TimelineEvent) }).meta({ id: 'EventsResponse' });
export type EventsResponse = z.infer<typeof EventsResponse>;

export const Side = z.enum(['a', 'b']).meta({ id: 'Side' });

export const Signatory = EntityRef.extend({
  role: z.string().optional(),
  side: Side.nullable(),
  evidence: z.array(CitedEvidence),
}).meta({ id: 'Signatory' });

export const DossierAgreement = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string().optional(),
    date: z.string().optional(),
    signedAt: EntityRef.nullable(),
    signatories: z.array(Signatory),
    evidence: z.array(CitedEvidence),
  })
  .meta({ id: 'DossierAgreement' });

export const DossierEvent = TimelineEvent.extend({ sides: z.object({ a: z.array(z.string()), b: z.array(z.string()) }) }).meta({
  id: 'DossierEvent',
  description: 'an event where both sides took part or were represented; sides lists who acted for each',
});

export const DossierPerson = z
  .object({
    person: EntityRef,
    side: Side,
    positions: z.array(Position),
    actedIn: z.array(z.string()).meta({ description: 'ids of the events and agreements of this dossier the person acted in' }),
  })
  .meta({ id: 'DossierPerson' });

export const Mechanism = z
  .object({
    id: z.string(),
    type: EntityType,
    name: z.string(),
    kind: z.string().optional(),
    events: z.array(z.string()).meta({ description: 'ids of the dossier events that belong to this mechanism' }),
    evidence: z.array(CitedEvidence),
  })
  .meta({ id: 'Mechanism', description: 'a recurring conference, working group or other standing body that ties the two sides' });

export const DossierResponse = z
  .object({
    a: EntityRef,
    b: EntityRef,
    events: z.array(DossierEvent),
    agreements: z.array(DossierAgreement),
    people: z.array(DossierPerson),
    mechanisms: z.array(Mechanism),
  })
  .meta({ id: 'DossierResponse' });
export type DossierResponse = z.infer<typeof DossierResponse>;

export const ArticleSummary = ArticleMetadata.omit({ sourceFile: true, note: true })
  .extend({ factCount: z.number().int() })
  .meta({ id: 'ArticleSummary' });
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const SourcesResponse = z.object({ sources: z.array(ArticleSummary) }).meta({ id: 'SourcesResponse' });
export type SourcesResponse = z.infer<typeof SourcesResponse>;

export const SourceDetail = GraphElements.extend({
  article: ArticleSummary.extend({ text: z.string() }),
}).meta({ id: 'SourceDetail', description: 'an article and the facts it supports; evidence lists only this article\u2019s quotes' });
export type SourceDetail = z.infer<typeof SourceDetail>;

export const StatsResponse = z
  .object({
    dataset: z.string(),
    loadedAt: z.string().nullable(),
    nodes: z.record(z.string(), z.number().int()),
    relationships: z.record(z.string(), z.number().int()),
    articles: z.number().int(),
    dateRange: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  })
  .meta({ id: 'StatsResponse' });
export type StatsResponse = z.infer<typeof StatsResponse>;

export const HealthResponse = z.object({ status: z.literal('ok') }).meta({ id: 'HealthResponse' });
export const ReadyResponse = z
  .object({ status: z.literal('ready'), dataset: z.string(), loadedAt: z.string().nullable() })
  .meta({ id: 'ReadyResponse' });

