import type { DossierResponse } from '../../schemas/api.ts';
import type { GraphQuery } from '../runner.ts';
import { ACTIVE_GRAPH, DATE_WITHIN, REF, byDate, evidenceOf, mergeEvidence, toRef, type Row } from './elements.ts';
import { EVENT_DETAILS, PARTICIPATION, timelineEventFrom } from './events.ts';
import { POSITIONS_OF, positionsFrom } from './entity.ts';

/** Organization kinds that are standing ties between two sides. */
export const MECHANISM_KINDS = ['cooperation-mechanism', 'working-group'];

/**
 * A side: the party itself, the places and bodies within it (up to three levels down), and the
 * people who held office in any of them or represented them (found from the bodies: an unanchored
 * `(p:Person)` would scan the people of every dataset).
 */
const SIDE = (party: string, side: string) => `CALL (${party}) {
  OPTIONAL MATCH (m:Entity)-[:PART_OF|LOCATED_IN*1..3]->(${party})
  WITH ${party}, [${party}] + collect(DISTINCT m) AS bodies
  CALL (bodies) {
    UNWIND bodies AS o
    MATCH (p:Person)-[:HOLDS_POSITION|REPRESENTED]->(o)
    WITH DISTINCT p ORDER BY p.id
    RETURN collect(p) AS people
  }
  RETURN bodies + people AS ${side}
}`;

const CYPHER = `${ACTIVE_GRAPH}
MATCH (A:Entity {graph: g, id: $a}), (B:Entity {graph: g, id: $b})
${SIDE('A', 'sideA')}
${SIDE('B', 'sideB')}
CALL (sideA, sideB) {
  UNWIND sideA AS x
  MATCH (x)-[r]->(e:Event)
  WHERE type(r) IN $participation AND ${DATE_WITHIN('e.date')}
  WITH e, collect(DISTINCT x.id) AS actorsA
  MATCH (y:Entity)-[r2]->(e)
  WHERE type(r2) IN $participation AND y IN sideB
  WITH e, actorsA, collect(DISTINCT y.id) AS actorsB
  ${EVENT_DETAILS('e')}
  RETURN collect({e: e {.id, .name, .kind, .date, .datePrecision, .evidence}, pl: ${REF('pl')}, participants: participants, a: actorsA, b: actorsB}) AS events
}
CALL (sideA, sideB) {
  UNWIND sideA AS x
  MATCH (x)-[:SIGNED]->(ag:Agreement)
  WHERE ${DATE_WITHIN('ag.date')}
  WITH DISTINCT ag
  WHERE EXISTS { MATCH (y:Entity)-[:SIGNED]->(ag) WHERE y IN sideB }
  OPTIONAL CALL (ag) {
    MATCH (ag)-[:SIGNED_AT]->(occasion:Event)
    RETURN occasion LIMIT 1
  }
  CALL (ag, sideA, sideB) {
    MATCH (s:Entity)-[r:SIGNED|WITNESSED]->(ag)
    RETURN collect({s: ${REF('s')}, relation: type(r), role: r.role, evidence: r.evidence,
                    side: CASE WHEN s IN sideA THEN 'a' WHEN s IN sideB THEN 'b' ELSE null END}) AS signatories
  }
  RETURN collect({ag: ag {.id, .name, .kind, .date, .evidence}, occasion: ${REF('occasion')}, signatories: signatories}) AS agreements
}
CALL (sideA, sideB) {
  UNWIND sideA AS x
  MATCH (x)--(m:Organization)
  WHERE m.kind IN $mechanismKinds
  WITH DISTINCT m
  WHERE EXISTS { MATCH (m)--(y:Entity) WHERE y IN sideB }
  RETURN collect(m {.id, .name, .kind, .evidence, labels: labels(m)}) AS tiedMechanisms
}
RETURN ${REF('A')} AS a, ${REF('B')} AS b, [x IN sideA | x.id] AS sideA, [x IN sideB | x.id] AS sideB, events, agreements, tiedMechanisms`;

/** The persons of a dossier, with their positions. */
const PEOPLE = `${ACTIVE_GRAPH}
UNWIND $people AS id
MATCH (p:Person {graph: g, id: id})
${POSITIONS_OF('p')}
RETURN ${REF('p')} AS p, positions`;

export interface DossierFacts {
  response: Omit<DossierResponse, 'people' | 'mechanisms'> & { mechanisms: DossierResponse['mechanisms'] };
  /** Person ids of each side who acted in the dossier's events and agreements, and in what. */
  actors: Map<string, { side: 'a' | 'b'; actedIn: Set<string> }>;
}

/** The events, agreements and mechanisms that tie two parties (ids); null when either is unknown. */
export function dossierBetween(dataset: string, a: string, b: string, from: string | undefined, to: string | undefined): GraphQuery<DossierFacts | null> {
  return {
    cypher: CYPHER,
    params: {
      dataset,
      a,
      b,
      from: from ?? null,
      to: to ?? null,
      participation: PARTICIPATION,
      mechanismKinds: MECHANISM_KINDS,
    },
    routing: 'READ',
    transform: (records) => {
      const record = records[0];
      if (!record) return null;
      const inA = new Set(record.get('sideA') as string[]);
      const inB = new Set(record.get('sideB') as string[]);
      const actors: DossierFacts['actors'] = new Map();
      const acted = (id: string, what: string) => {
        const side = inA.has(id) ? 'a' : inB.has(id) ? 'b' : null;
        if (!side) return;
        const entry = actors.get(id) ?? { side, actedIn: new Set<string>() };
        entry.actedIn.add(what);
        actors.set(id, entry);
      };

      const events = (record.get('events') as Row[]).map((row) => {
        const event = timelineEventFrom(row.e as Row, row.pl as Row | null, row.participants as Row[]);
        const sides = { a: row.a as string[], b: row.b as string[] };
        for (const id of [...sides.a, ...sides.b]) acted(id, event.id);
        return { ...event, sides };
      });
      events.sort(byDate);

      const agreements = (record.get('agreements') as Row[]).map((row) => {
        const ag = row.ag as Row;
        const signatories = (row.signatories as Row[]).map((s) => {
          const signatory = { ...toRef(s.s as Row), side: (s.side as 'a' | 'b' | null) ?? null, evidence: evidenceOf(s.evidence), role: typeof s.role === 'string' ? s.role : String(s.relation).toLowerCase() };
          acted(signatory.id, String(ag.id));
          return signatory;
        });
        const agreement: DossierResponse['agreements'][number] = {
          id: String(ag.id),
          name: String(ag.name),
          signedAt: row.occasion ? toRef(row.occasion as Row) : null,
          signatories: signatories.sort((x, y) => (x.side ?? 'z').localeCompare(y.side ?? 'z') || x.name.localeCompare(y.name)),
          evidence: evidenceOf(ag.evidence),
        };
        if (typeof ag.kind === 'string') agreement.kind = ag.kind;
        if (typeof ag.date === 'string') agreement.date = ag.date;
        return agreement;
      });
      agreements.sort(byDate);

      const mechanisms = new Map<string, DossierResponse['mechanisms'][number]>();
      for (const m of record.get('tiedMechanisms') as Row[]) {
        const ref = toRef(m);
        mechanisms.set(ref.id, { ...ref, events: [], evidence: evidenceOf(m.evidence) });
      }

      return {
        response: { a: toRef(record.get('a') as Row), b: toRef(record.get('b') as Row), events, agreements, mechanisms: [...mechanisms.values()] },
        actors,
      };
    },
  };
}

export interface PersonPositions {
  person: ReturnType<typeof toRef>;
  positions: ReturnType<typeof positionsFrom>;
}

/** The people of a dossier with the positions they held. */
export function peopleWithPositions(dataset: string, ids: string[]): GraphQuery<PersonPositions[]> {
  return {
    cypher: PEOPLE,
    params: { dataset, people: ids },
    routing: 'READ',
    transform: (records) => records.map((r) => ({ person: toRef(r.get('p') as Row), positions: positionsFrom(r.get('positions') as Row[]) })),
  };
}

/** Events of the dossier that belong to a recurring mechanism or programme (PART_OF), with the quotes. */
export function mechanismsOfEvents(dataset: string, eventIds: string[]): GraphQuery<DossierResponse['mechanisms']> {
  return {
    cypher: `${ACTIVE_GRAPH}
UNWIND $events AS id
MATCH (e:Event {graph: g, id: id})-[r:PART_OF]->(m:Entity)
RETURN ${REF('m')} AS m, collect(e.id) AS events, collect(r.evidence) AS evidence`,
    params: { dataset, events: eventIds },
    routing: 'READ',
    transform: (records) =>
      records.map((r) => ({
        ...toRef(r.get('m') as Row),
        events: r.get('events') as string[],
        evidence: mergeEvidence(...(r.get('evidence') as string[]).map((e) => evidenceOf(e))),
      })),
  };
}
