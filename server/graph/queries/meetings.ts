import { int } from 'neo4j-driver';
import { MEETING_RELATIONS, type RelationType } from '../../../extract/schema/relation-types.ts';
import type { EventRef, Meeting } from '../../schemas/api.ts';
import { LIMITS } from '../../schemas/query.ts';
import type { GraphQuery } from '../runner.ts';
import { ACTIVE_GRAPH, DATE_WITHIN, byDate, entityType, evidenceOf, mergeEvidence, toRef, type Row } from './elements.ts';

export interface MeetingFilters {
  with?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  place?: string | undefined;
}

const REF = (n: string) => `CASE WHEN ${n} IS NULL THEN null ELSE ${n} {.id, .name, .kind, .date, labels: labels(${n})} END`;

/** A place, or any place inside it, up to three levels down (district, city, province). */
export const HELD_IN = (event: string) =>
  `EXISTS { MATCH (${event})-[:TOOK_PLACE_IN]->(:Entity)-[:LOCATED_IN*0..3]->(within:Entity) WHERE within.id = $place }`;

const CYPHER = `${ACTIVE_GRAPH}
MATCH (p:Person {graph: g, id: $person})
CALL (p, g) {
  MATCH (p)-[m:MET]-(c:Person)
  WHERE $with IS NULL OR c.id = $with
  OPTIONAL MATCH (ev:Event {graph: g, id: m.event})
  RETURN c, ev, ['MET'] AS personRoles, ['MET'] AS counterpartRoles, [m.evidence] AS evidence, coalesce(m.date, ev.date) AS date
  UNION ALL
  MATCH (p)-[r1]->(x:Entity)<-[r2]-(c:Person)
  WHERE type(r1) IN $meetingRelations AND type(r2) IN $meetingRelations AND c <> p AND ($with IS NULL OR c.id = $with)
  OPTIONAL MATCH (x)-[:SIGNED_AT]->(occasion:Event)
  WITH c, x, coalesce(occasion, x) AS ev, collect(DISTINCT type(r1)) AS personRoles, collect(DISTINCT type(r2)) AS counterpartRoles,
       collect(r1.evidence) + collect(r2.evidence) AS evidence, coalesce(max(r1.date), max(r2.date)) AS factDate
  RETURN c, ev, personRoles, counterpartRoles, evidence, coalesce(ev.date, x.date, factDate) AS date
}
WITH c, ev, personRoles, counterpartRoles, evidence, date
WHERE ${DATE_WITHIN('date')} AND ($place IS NULL OR ${HELD_IN('ev')})
CALL (ev) {
  OPTIONAL MATCH (ev)-[:TOOK_PLACE_IN]->(pl:Entity)
  RETURN pl ORDER BY pl.id LIMIT 1
}
RETURN ${REF('c')} AS c, ${REF('ev')} AS ev, ${REF('pl')} AS pl, personRoles, counterpartRoles, evidence, date
LIMIT $max`;

const HOW: Partial<Record<RelationType, Meeting['how']>> = {
  CO_CHAIRED: 'co-chaired',
  ATTENDED: 'attended',
  WITNESSED: 'witnessed',
  SIGNED: 'signed',
  HOSTED: 'hosted',
};

function howOf(personRoles: RelationType[], counterpartRoles: RelationType[]): Meeting['how'] {
  if (personRoles.includes('MET')) return 'met';
  const shared = personRoles.filter((r) => counterpartRoles.includes(r));
  const first = shared[0];
  return first && shared.length === personRoles.length ? (HOW[first] ?? 'at-same-event') : 'at-same-event';
}

function eventOf(ev: Row | null, pl: Row | null): EventRef | null {
  if (!ev) return null;
  const ref: EventRef = { id: String(ev.id), type: entityType(ev.labels), name: String(ev.name), place: pl ? toRef(pl) : null };
  if (typeof ev.kind === 'string') ref.kind = ev.kind;
  if (typeof ev.date === 'string') ref.date = ev.date;
  return ref;
}

/**
 * Everyone a person met: directly (MET) or as counterparts at the same event or signing. One item per
 * counterpart and event; a MET at an event and their roles there merge into one item.
 */
export function meetingsOf(dataset: string, person: string, filters: MeetingFilters): GraphQuery<Meeting[]> {
  return {
    cypher: CYPHER,
    params: {
      dataset,
      person,
      with: filters.with ?? null,
      from: filters.from ?? null,
      to: filters.to ?? null,
      place: filters.place ?? null,
      meetingRelations: MEETING_RELATIONS,
      max: int(LIMITS.meetings.max),
    },
    routing: 'READ',
    transform: (records) => {
      const byKey = new Map<string, Meeting>();
      for (const r of records) {
        const c = r.get('c') as Row;
        const event = eventOf(r.get('ev') as Row | null, r.get('pl') as Row | null);
        const date = (r.get('date') as string | null) ?? undefined;
        const key = `${String(c.id)}\u0000${event?.id ?? `undated:${date ?? ''}`}`;
        const evidence = (r.get('evidence') as string[]).map((e) => evidenceOf(e));
        const personRoles = r.get('personRoles') as RelationType[];
        const counterpartRoles = r.get('counterpartRoles') as RelationType[];
        const existing = byKey.get(key);
        if (existing) {
          existing.roles.person = [...new Set([...existing.roles.person, ...personRoles])];
          existing.roles.counterpart = [...new Set([...existing.roles.counterpart, ...counterpartRoles])];
          existing.evidence = mergeEvidence(existing.evidence, ...evidence);
          existing.how = howOf(existing.roles.person, existing.roles.counterpart);
          existing.date ??= date;
          continue;
        }
        const meeting: Meeting = {
          counterpart: toRef(c),
          event,
          how: howOf(personRoles, counterpartRoles),
          roles: { person: personRoles, counterpart: counterpartRoles },
          evidence: mergeEvidence(...evidence),
        };
        if (date) meeting.date = date;
        byKey.set(key, meeting);
      }
      return [...byKey.values()].sort((a, b) => byDate({ date: a.date, name: a.counterpart.name }, { date: b.date, name: b.counterpart.name }));
    },
  };
}
