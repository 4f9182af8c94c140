import { int } from 'neo4j-driver';
import { ACTS_AT_EVENT, MEETING_RELATIONS, PARTICIPATION_RELATIONS, SIGNING_RELATIONS, type RelationType } from '../../../extract/schema/relation-types.ts';
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

/**
 * An occasion is an Event (docs/api.md, "Meetings"): one a person took part in (PARTICIPATION_RELATIONS
 * with an Event target), the event a document they signed or witnessed was signed at (SIGNED_AT), or
 * the event an act of theirs names in its `event` attribute (ACTS_AT_EVENT). The fragments below say
 * it from the person, from the event, and for one person at one event; types come from the
 * declarations' lists. From a person, one expansion over all their relations keeps the order Neo4j
 * stores them in, which orders occasions of the same date.
 */
const TAKING_PART = PARTICIPATION_RELATIONS.join('|');
const SIGNING = SIGNING_RELATIONS.join('|');
const ACTING = ACTS_AT_EVENT.join('|');
const ANY_ROLE = MEETING_RELATIONS.join('|');
const list = (types: readonly string[]) => `[${types.map((t) => `'${t}'`).join(', ')}]`;

/**
 * The occasions (x) of a person bound to `person`, one row per relation (r) that places them there:
 * its Event target, the event its document was signed at, or the event it names.
 */
const OCCASIONS_OF = (person: string) => `CALL (${person}) {
    MATCH (${person})-[r:${ANY_ROLE}]->(t:Entity)
    OPTIONAL MATCH (t)-[:SIGNED_AT]->(signing:Event)
    WHERE t:Agreement AND type(r) IN ${list(SIGNING_RELATIONS)} AND r.event IS NULL
    OPTIONAL MATCH (named:Event {graph: t.graph, id: r.event})
    WHERE type(r) IN ${list(ACTS_AT_EVENT)} AND r.event <> t.id
    WITH r, CASE WHEN t:Event AND type(r) IN ${list(PARTICIPATION_RELATIONS)} THEN t END AS direct, signing, named
    UNWIND [o IN [direct, signing, named] WHERE o IS NOT NULL] AS x
    RETURN x, r
  }`;

/**
 * The people (c) at an occasion bound to `x`, one row per relation (r). Acts that name the event are
 * found by the (graph, event) index of each type (server/graph/schema.ts), one type at a time.
 */
const PEOPLE_AT = (x: string) => `CALL (${x}) {
    MATCH (${x})<-[r:${TAKING_PART}]-(c:Person)
    RETURN c, r
    UNION ALL
    MATCH (${x})<-[:SIGNED_AT]-(:Agreement)<-[r:${SIGNING}]-(c:Person)
    WHERE r.event IS NULL
    RETURN c, r
    ${ACTS_AT_EVENT.map(
      (type) => `UNION ALL
    MATCH (c:Person)-[r:${type} {graph: ${x}.graph, event: ${x}.id}]->(t:Entity)
    WHERE t.id <> ${x}.id
    RETURN c, r`,
    ).join('\n    ')}
  }`;

/**
 * The relations (r) by which a person bound to `person` was at the occasion bound to `x`: expanded
 * into the occasion (or its documents), not over all of the person's relations, as a counterpart may
 * be a hub met at many occasions.
 */
const ROLES_AT = (person: string, x: string) => `CALL (${person}, ${x}) {
    MATCH (${person})-[r:${TAKING_PART}]->(${x})
    RETURN r
    UNION ALL
    MATCH (${person})-[r:${SIGNING}]->(:Agreement)-[:SIGNED_AT]->(${x})
    WHERE r.event IS NULL
    RETURN r
    UNION ALL
    MATCH (${person})-[r:${ACTING} {event: ${x}.id}]->(t:Entity)
    WHERE t <> ${x}
    RETURN r
  }`;

/**
 * The Cypher, in two fixed texts: for everyone the person met, and for one given counterpart
 * (`who`, found by the index, so no event is scanned for them).
 *
 * 1. The person's occasions, aggregated early: one per MET relationship, and one per event they
 *    took part in, whatever the number of relationships that place them there, filtered by date and place.
 * 2. Newest first, at most $occasions of them.
 * 3. Per occasion, lazily: its place, the counterparts (at most $perOccasion) and their roles there.
 *    `LIMIT $rows` stops the walk as soon as the answer is full.
 */
/** The person's occasions (x), one row each, with their roles and quotes there. */
const SHARED = `${OCCASIONS_OF('p')}
  WITH x, collect(DISTINCT type(r)) AS personRoles, collect(r.evidence) AS personEvidence, max(r.date) AS factDate`;

/**
 * The same, only those the counterpart took part in too: both sides' occasions joined by grouping on
 * the occasion (a hash join), rather than a check per occasion between two nodes that may both be hubs.
 */
const SHARED_WITH_WHO = `CALL (p, who) {
    ${OCCASIONS_OF('p')}
    RETURN x, r AS r1
    UNION ALL
    ${OCCASIONS_OF('who')}
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
  WITH x, personRoles, personEvidence, coalesce(x.date, factDate) AS date
  WHERE ${DATE_WITHIN('date')} AND ($place IS NULL OR ${HELD_IN('x')})
  RETURN null AS c, x, [{ev: x, date: date}] AS events, personRoles, personEvidence, date
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
    ${PEOPLE_AT('x')}
    WITH c WHERE c <> p
    WITH DISTINCT c LIMIT $perOccasionProbe
    RETURN collect(c) AS found
  }
  RETURN found[0..$perOccasion] AS cs, size(found) > $perOccasion AS cut`
  }
}
UNWIND cs AS c
CALL (c, x) {
  WITH c, x WHERE x IS NOT NULL
  ${ROLES_AT('c', 'x')}
  RETURN collect(DISTINCT type(r)) AS counterpartRoles, collect(r.evidence) AS counterpartEvidence, max(r.date) AS counterpartDate
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
  ADDRESSED: 'addressed',
  PRESENTED: 'presented',
  GAVE: 'gave',
  AGREED: 'agreed',
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
 * Everyone a person met: directly (MET) or as counterparts at the same occasion, an event both took
 * part in. One item per counterpart and event; a MET at an event and their roles there merge into one item. Bounded: the
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
