import { int } from 'neo4j-driver';
import { MEETING_RELATIONS, type RelationType } from '../../../extract/schema/relation-types.ts';
import type { EventRef, Meeting } from '../../schemas/api.ts';
import { LIMITS } from '../../schemas/query.ts';
import type { GraphQuery } from '../runner.ts';
import { ACTIVE_GRAPH, DATE_WITHIN, HELD_IN, REF, byDate, entityType, evidenceOf, mergeEvidence, toRef, type Row } from './elements.ts';

export interface MeetingFilters {
  with?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  place?: string | undefined;
}

export interface Meetings {
  meetings: Meeting[];
  /** Whether a bound below cut the answer short (the newest occasions are the ones kept). */
  truncated: boolean;
}

/**
 * The bounds that keep a hub person's meetings cheap: the newest occasions (MET relationships,
 * events, signings) first, at most this many of them, and at most this many counterparts per
 * occasion. Counterparts come in the order Neo4j stores them, so which ones a cut keeps is not
 * meaningful: `truncated` says so.
 */
export const MAX_OCCASIONS = 1000;
export const MAX_COUNTERPARTS_PER_OCCASION = 50;

/** The relationship types by which two people meet at an occasion, as a type pattern (from the allow-list). */
const ROLES = MEETING_RELATIONS.join('|');

/**
 * The Cypher, in two fixed texts: for everyone the person met, and for one given counterpart
 * (`who`, found by the index, so no event is scanned for them).
 *
 * 1. The person's occasions, aggregated early: one per MET relationship, and one per event or
 *    document they took part in, whatever the number of parallel relationships, with the events it
 *    stands for (a document's signing occasions, else itself) filtered by date and place.
 * 2. Newest first, at most $occasions of them.
 * 3. Per occasion, lazily: the place of each of its events, the counterparts (at most $perOccasion)
 *    and their roles there, looked up once per occasion, not once per event.
 *    `LIMIT $rows` stops the walk as soon as the answer is full.
 */
/** The person's occasions (x), one row each, with their roles and quotes there. */
const SHARED = `MATCH (p)-[r1:${ROLES}]->(x:Entity)
  WITH x, collect(DISTINCT type(r1)) AS personRoles, collect(r1.evidence) AS personEvidence, max(r1.date) AS factDate`;

/**
 * The same, only those the counterpart took part in too: both sides' occasions joined by grouping on
 * the occasion (a hash join), rather than a check per occasion between two nodes that may both be hubs.
 */
const SHARED_WITH_WHO = `CALL (p, who) {
    MATCH (p)-[r1:${ROLES}]->(x:Entity)
    RETURN x, r1
    UNION ALL
    MATCH (who)-[:${ROLES}]->(x:Entity)
    RETURN x, null AS r1
  }
  WITH x, collect(DISTINCT type(r1)) AS personRoles, collect(r1.evidence) AS personEvidence, max(r1.date) AS factDate, count(r1) AS mine, count(*) AS all
  WHERE mine > 0 AND all > mine
  WITH x, personRoles, personEvidence, factDate`;

function cypher(withCounterpart: boolean): string {
  const W = withCounterpart ? ', who' : '';
  return `${ACTIVE_GRAPH}
MATCH (p:Person {graph: g, id: $person})
${withCounterpart ? 'MATCH (who:Person {graph: g, id: $with}) WHERE who <> p' : ''}
CALL (p, g${W}) {
  MATCH (p)-[m:MET]-(${withCounterpart ? 'who' : 'c'}:Person)
  OPTIONAL MATCH (ev:Event {graph: g, id: m.event})
  WITH ${withCounterpart ? 'who AS c' : 'c'}, m, ev, coalesce(m.date, ev.date) AS date
  WHERE ${DATE_WITHIN('date')} AND ($place IS NULL OR ${HELD_IN('ev')})
  RETURN c, null AS x, [{ev: ev, date: date}] AS events, ['MET'] AS personRoles, [m.evidence] AS personEvidence, date
  UNION ALL
  ${withCounterpart ? SHARED_WITH_WHO : SHARED}
  OPTIONAL MATCH (x)-[:SIGNED_AT]->(occasion:Event)
  WITH x, personRoles, personEvidence, factDate, coalesce(occasion, x) AS ev
  WITH x, personRoles, personEvidence, ev, coalesce(ev.date, x.date, factDate) AS date
  WHERE ${DATE_WITHIN('date')} AND ($place IS NULL OR ${HELD_IN('ev')})
  WITH x, personRoles, personEvidence, collect({ev: ev, date: date}) AS events, max(date) AS date
  RETURN null AS c, x, events, personRoles, personEvidence, date
}
WITH p${W}, c, x, events, personRoles, personEvidence, date
ORDER BY date IS NULL, date DESC
WITH p${W}, collect({c: c, x: x, events: events, personRoles: personRoles, personEvidence: personEvidence}) AS occasions
WITH p${W}, occasions[0..$occasions] AS occasions, size(occasions) > $occasions AS tooMany
UNWIND range(0, size(occasions) - 1) AS i
WITH p${W}, i, occasions[i] AS o, tooMany
WITH p${W}, i, o.c AS met, o.x AS x, o.events AS events, o.personRoles AS personRoles, o.personEvidence AS personEvidence, tooMany
CALL (events) {
  UNWIND events AS e
  WITH e.ev AS ev, e.date AS date
  CALL (ev) {
    OPTIONAL MATCH (ev)-[:TOOK_PLACE_IN]->(pl:Entity)
    RETURN pl ORDER BY pl.id LIMIT 1
  }
  RETURN collect({ev: ev, date: date, pl: pl}) AS placed
}
CALL (p${W}, met, x) {
  WITH met WHERE met IS NOT NULL
  RETURN [met] AS cs, false AS cut
  UNION ALL
  WITH p${W}, x WHERE x IS NOT NULL
  ${
    withCounterpart
      ? 'RETURN [who] AS cs, false AS cut'
      : `CALL (x, p) {
    MATCH (x)<-[:${ROLES}]-(c:Person)
    WHERE c <> p
    WITH DISTINCT c LIMIT $perOccasionProbe
    RETURN collect(c) AS found
  }
  RETURN found[0..$perOccasion] AS cs, size(found) > $perOccasion AS cut`
  }
}
UNWIND cs AS c
CALL (c, x) {
  WITH c, x WHERE x IS NOT NULL
  MATCH (c)-[r2:${ROLES}]->(x)
  RETURN collect(DISTINCT type(r2)) AS counterpartRoles, collect(r2.evidence) AS counterpartEvidence, max(r2.date) AS counterpartDate
  UNION ALL
  WITH x WHERE x IS NULL
  RETURN ['MET'] AS counterpartRoles, [] AS counterpartEvidence, null AS counterpartDate
}
UNWIND range(0, size(placed) - 1) AS j
WITH i, j, placed[j] AS e, c, personRoles, personEvidence, counterpartRoles, counterpartEvidence, counterpartDate, cut OR tooMany AS truncated
WITH i, j, e.ev AS ev, e.pl AS pl, c, personRoles, personEvidence, counterpartRoles, counterpartEvidence,
  coalesce(e.date, counterpartDate) AS date, truncated
WHERE ${DATE_WITHIN('date')}
LIMIT $rows
WITH i, j, ev, pl, personRoles, personEvidence,
  collect({c: c {.id, .name, .kind, labels: labels(c)}, roles: counterpartRoles, evidence: counterpartEvidence, date: date}) AS counterparts,
  collect(truncated) AS cuts
ORDER BY i, j
RETURN ${REF('ev')} AS ev, ${REF('pl')} AS pl, personRoles, personEvidence, counterparts, true IN cuts AS truncated`;
}

const CYPHER = { all: cypher(false), with: cypher(true) };

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
 * counterpart and event; a MET at an event and their roles there merge into one item. Bounded: the
 * newest occasions first (MAX_OCCASIONS), MAX_COUNTERPARTS_PER_OCCASION per occasion, at most
 * LIMITS.meetings.max rows; `truncated` tells when a bound cut the answer.
 */
export function meetingsOf(dataset: string, person: string, filters: MeetingFilters): GraphQuery<Meetings> {
  const max = LIMITS.meetings.max;
  return {
    cypher: filters.with ? CYPHER.with : CYPHER.all,
    params: {
      dataset,
      person,
      with: filters.with ?? null,
      from: filters.from ?? null,
      to: filters.to ?? null,
      place: filters.place ?? null,
      occasions: int(MAX_OCCASIONS),
      perOccasion: int(MAX_COUNTERPARTS_PER_OCCASION),
      perOccasionProbe: int(MAX_COUNTERPARTS_PER_OCCASION + 1),
      rows: int(max + 1),
    },
    routing: 'READ',
    transform: (records) => {
      const byKey = new Map<string, Meeting>();
      let rows = 0;
      let truncated = false;
      for (const r of records) {
        if (r.get('truncated') === true) truncated = true;
        const event = eventOf(r.get('ev') as Row | null, r.get('pl') as Row | null);
        const personRoles = r.get('personRoles') as RelationType[];
        // Quotes are parsed once per occasion and event, not once per counterpart.
        const personEvidence = (r.get('personEvidence') as string[]).map((e) => evidenceOf(e));
        for (const counterpart of r.get('counterparts') as Row[]) {
          if (++rows > max) {
            truncated = true;
            break;
          }
          const c = counterpart.c as Row;
          const date = (counterpart.date as string | null) ?? undefined;
          const key = `${String(c.id)}\u0000${event?.id ?? `undated:${date ?? ''}`}`;
          const evidence = [...personEvidence, ...(counterpart.evidence as string[]).map((e) => evidenceOf(e))];
          const counterpartRoles = counterpart.roles as RelationType[];
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
      }
      const meetings = [...byKey.values()].sort((a, b) => byDate({ date: a.date, name: a.counterpart.name }, { date: b.date, name: b.counterpart.name }));
      return { meetings, truncated };
    },
  };
}
