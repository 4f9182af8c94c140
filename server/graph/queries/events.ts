import { int } from 'neo4j-driver';
import type { RelationType } from '../../../extract/schema/relation-types.ts';
import type { Participation, TimelineEvent } from '../../schemas/api.ts';
import type { GraphQuery } from '../runner.ts';
import { ACTIVE_GRAPH, DATE_WITHIN, HELD_IN, REF, byDate, evidenceOf, toRef, type Row } from './elements.ts';

/** The relations by which someone takes part in an event. */
export const PARTICIPATION: RelationType[] = ['CO_CHAIRED', 'ATTENDED', 'HOSTED', 'WITNESSED', 'PROPOSED'];

/** At most this many participants are listed per event. */
const MAX_PARTICIPANTS = 50;

/** Cypher that, for an event bound to `e`, finds its place (`pl`) and its participants. */
export const EVENT_DETAILS = (e: string) => `CALL (${e}) {
  OPTIONAL MATCH (${e})-[:TOOK_PLACE_IN]->(pl:Entity)
  RETURN pl ORDER BY pl.id LIMIT 1
}
CALL (${e}) {
  OPTIONAL MATCH (${e})<-[r]-(x:Entity)
  WHERE type(r) IN $participation
  WITH r, x ORDER BY x.name LIMIT ${MAX_PARTICIPANTS}
  RETURN collect(CASE WHEN x IS NULL THEN null ELSE {x: ${REF('x')}, relation: type(r), role: r.role} END) AS participants
}`;

export interface EventFilters {
  from?: string | undefined;
  to?: string | undefined;
  place?: string | undefined;
  kinds?: string[] | undefined;
  participant?: string | undefined;
}

export function timelineEventFrom(e: Row, pl: Row | null, participants: Row[]): TimelineEvent {
  const event: TimelineEvent = {
    id: String(e.id),
    name: String(e.name),
    place: pl ? toRef(pl) : null,
    participants: participants.map((p) => {
      const part: Participation = { ...toRef(p.x as Row), relation: p.relation as RelationType };
      if (typeof p.role === 'string') part.role = p.role;
      return part;
    }),
    evidence: evidenceOf(e.evidence),
  };
  if (typeof e.kind === 'string') event.kind = e.kind;
  if (typeof e.date === 'string') event.date = e.date;
  if (typeof e.datePrecision === 'string') event.datePrecision = e.datePrecision;
  return event;
}

/**
 * A timeline of events, sorted by date (undated last). The hint keeps the planner on the generation's
 * entities: left alone it scans the Event label, which holds every dataset's events.
 */
export function timeline(dataset: string, filters: EventFilters, limit: number): GraphQuery<TimelineEvent[]> {
  return {
    cypher: `${ACTIVE_GRAPH}
MATCH (e:Event:Entity {graph: g})
USING INDEX e:Entity(graph)
WHERE ${DATE_WITHIN('e.date')} AND (size($kinds) = 0 OR e.kind IN $kinds)
  AND ($place IS NULL OR ${HELD_IN('e')})
  AND ($participant IS NULL OR EXISTS { MATCH (e)<-[r]-(x:Entity) WHERE x.id = $participant AND type(r) IN $participation })
WITH e ORDER BY e.date, e.name LIMIT $limit
${EVENT_DETAILS('e')}
RETURN e {.id, .name, .kind, .date, .datePrecision, .evidence} AS e, ${REF('pl')} AS pl, participants`,
    params: {
      dataset,
      from: filters.from ?? null,
      to: filters.to ?? null,
      place: filters.place ?? null,
      kinds: filters.kinds ?? [],
      participant: filters.participant ?? null,
      participation: PARTICIPATION,
      limit: int(limit),
    },
    routing: 'READ',
    transform: (records) =>
      records.map((r) => timelineEventFrom(r.get('e') as Row, r.get('pl') as Row | null, r.get('participants') as Row[])).sort(byDate),
  };
}
