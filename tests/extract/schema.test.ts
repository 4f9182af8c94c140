import { describe, expect, it } from 'vitest';
import { displayName, ENTITY_RECORDS, ENTITY_SECTIONS } from '../../extract/schema/entity-record.ts';
import { ENTITY_DECLARATIONS, ENTITY_TYPES } from '../../extract/schema/entity-types.ts';
import { RelationRecord, relationAttributes } from '../../extract/schema/relation-record.ts';
import { ARTICLE_LANGUAGES } from '../../extract/schema/languages.ts';
import { PLOVER_MODES, PLOVER_TYPES } from '../../extract/schema/plover.ts';
import { isStructural, RELATION_DECLARATIONS, RELATION_TYPES } from '../../extract/schema/relation-types.ts';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

const evidence = [{ articleId: 'guangdong-conference-9-vi', quote: 'a quote of eight characters' }];

describe('the entity declarations', () => {
  it('give every type a section of its own in the curation files', () => {
    expect([...ENTITY_SECTIONS]).toEqual([
      ['people', 'Person'],
      ['places', 'Place'],
      ['organizations', 'Organization'],
      ['agreements', 'Agreement'],
      ['events', 'Event'],
      ['figures', 'Figure'],
    ]);
  });

  it('make a record schema that takes the shared fields, the kind and the declared properties only', () => {
    const person = ENTITY_RECORDS.Person.parse({ id: 'someone', name: 'Someone' });
    expect(person).toEqual({ id: 'someone', name: 'Someone', aliases: [], unnamed: false, evidence: [] });
    expect(issues(ENTITY_RECORDS.Person.safeParse({ id: 'someone', name: 'Someone', kind: 'city' }))).toEqual([': Unrecognized key: "kind"']);
    expect(issues(ENTITY_RECORDS.Place.safeParse({ id: 'somewhere', name: 'Somewhere', kind: 'planet' }))[0]).toMatch(/^kind: Invalid option/);
    expect(ENTITY_RECORDS.Event.safeParse({ id: 'e', name: 'E', kind: 'meeting', date: '2025-04', ordinal: 2, evidence }).success).toBe(true);
  });

  it('name an agreement by its title, which takes the place of the name', () => {
    const agreement = ENTITY_RECORDS.Agreement.parse({ id: 'minutes-9', title: 'Minutes of the 9th conference', kind: 'minutes' });
    expect(displayName('Agreement', agreement)).toBe('Minutes of the 9th conference');
    expect(issues(ENTITY_RECORDS.Agreement.safeParse({ id: 'minutes-9', name: 'Minutes', kind: 'minutes' }))).toEqual([
      'title: Invalid input: expected string, received undefined',
      ': Unrecognized key: "name"',
    ]);
  });

  it("hold an event's end date to its date", () => {
    const event = { id: 'e', name: 'E', kind: 'visit', evidence };
    expect(ENTITY_RECORDS.Event.safeParse({ ...event, date: '2025-04-14', endDate: '2025-04-15' }).success).toBe(true);
    for (const dates of [{ endDate: '2025-04-15' }, { date: '2025-04-14', endDate: '2025-04-13' }]) {
      expect(issues(ENTITY_RECORDS.Event.safeParse({ ...event, ...dates }))).toEqual(['endDate: endDate needs a date and must not be before it']);
    }
  });

  it('have a label and, for every type but Person and Figure, kinds', () => {
    for (const type of ENTITY_TYPES) {
      expect(ENTITY_DECLARATIONS[type].label).toBe(type);
      expect(ENTITY_DECLARATIONS[type].kinds === undefined).toBe(type === 'Person' || type === 'Figure');
    }
  });

  it('take a figure with its measure, value or rank, unit, qualifier, period and change', () => {
    const trade = {
      id: 'test-figure-trade-2024',
      name: 'Vietnam–Guangdong two-way trade, 2024',
      measure: 'bilateral-trade-value',
      value: 56.2,
      unit: 'billion USD',
      period: '2024',
      change: { value: 16.6, unit: '%', basis: 'year-on-year' },
      evidence,
    };
    expect(ENTITY_RECORDS.Figure.parse(trade)).toMatchObject({ ...trade, qualifier: 'exact' });
    const rank = { id: 'rank', name: 'Rank', measure: 'gdp-ranking', rank: 1, unit: 'rank', scope: 'China', evidence };
    expect(ENTITY_RECORDS.Figure.safeParse(rank).success).toBe(true);
    expect(ENTITY_RECORDS.Figure.safeParse({ ...rank, period: '2025/2027', qualifier: 'at-least' }).success).toBe(true);
    expect(issues(ENTITY_RECORDS.Figure.safeParse({ ...rank, rank: undefined }))).toEqual(['value: needs at least one of value, rank']);
    expect(issues(ENTITY_RECORDS.Figure.safeParse({ ...trade, measure: 'population' }))[0]).toMatch(/^measure: Invalid option/);
    expect(issues(ENTITY_RECORDS.Figure.safeParse({ ...trade, period: '2027/2025' }))[0]).toMatch(/^period: must be an ISO 8601 date/);
    expect(issues(ENTITY_RECORDS.Figure.safeParse({ ...trade, change: { value: 16.6 } }))).toEqual([
      'change.unit: Invalid input: expected string, received undefined',
    ]);
    expect(issues(ENTITY_RECORDS.Figure.safeParse({ ...trade, value: '56,2' }))).toEqual(['value: Invalid input: expected number, received string']);
  });
});

describe('the relation declarations', () => {
  it('join declared entity types, and refer to declared types in their attributes', () => {
    for (const type of RELATION_TYPES) {
      const { from, to, attributes } = RELATION_DECLARATIONS[type];
      for (const t of [...from, ...to]) expect(ENTITY_TYPES).toContain(t);
      for (const p of Object.values(attributes)) if (p.type === 'entity') expect(ENTITY_TYPES).toContain(p.entityType);
    }
  });

  it("check a relation's attributes against its type, defaults applied", () => {
    const signed = RelationRecord.parse({ type: 'SIGNED', source: 'a', target: 'b', attributes: { date: '2025' }, evidence });
    expect(relationAttributes(signed)).toEqual({ date: '2025', role: 'party' });
    const position = RelationRecord.safeParse({ type: 'HOLDS_POSITION', source: 'a', target: 'b', attributes: { title: 'Vice governor' }, evidence });
    expect(issues(position)).toEqual(['attributes.asOf: needs exactly one of asOf, historical']);
    const met = RelationRecord.safeParse({ type: 'MET', source: 'a', target: 'b', attributes: { event: 'Not A Slug', role: 'host' }, evidence });
    expect(issues(met)).toEqual(['attributes.event: must be a lowercase slug like "nguyen-minh-vu"', 'attributes: Unrecognized key: "role"']);
  });
});

describe('positions', () => {
  const position = (attributes: Record<string, unknown>) =>
    issues(RelationRecord.safeParse({ type: 'HOLDS_POSITION', source: 'ho-chi-minh', target: 'vietnam', attributes: { title: 'President', ...attributes }, evidence }));

  it('are held as of an article, or in the past, never both', () => {
    expect(position({ asOf: '2025-02-20' })).toEqual([]);
    expect(position({ historical: true })).toEqual([]);
    expect(position({ historical: true, from: '1945', to: '1969-09-02' })).toEqual([]);
    expect(position({ asOf: '2025-02-20', historical: true })).toEqual(['attributes.asOf: needs exactly one of asOf, historical (has asOf, historical)']);
    expect(position({ historical: false })).toEqual(['attributes.asOf: needs exactly one of asOf, historical']);
  });

  it('are dated from and to only when historical, and in order', () => {
    expect(position({ asOf: '2025-02-20', from: '2020' })).toEqual(['attributes.from: from is allowed only with historical']);
    expect(position({ historical: true, from: '1969', to: '1945' })).toEqual(['attributes.to: to must not be before from']);
    expect(position({ historical: true, from: '1969-09', to: '1969' })).toEqual([]);
  });
});

describe('the new relation types', () => {
  const parse = (type: string, attributes: Record<string, unknown>) =>
    issues(RelationRecord.safeParse({ type, source: 'a', target: 'b', attributes, evidence }));

  it('say what was agreed, presented, given and recognised in a summary', () => {
    for (const type of ['AGREED', 'PRESENTED', 'GAVE', 'RECOGNISED']) {
      expect(parse(type, {})).toEqual(['attributes.summary: Invalid input: expected string, received undefined']);
      expect(parse(type, { summary: 'a commemorative gift', date: '2025-02-20' })).toEqual([]);
    }
    expect(parse('AGREED', { summary: 'directions for 2025–2027', event: 'guangdong-coordination-conference-9' })).toEqual([]);
    expect(parse('GAVE', { summary: 'flowers', event: 'spring-meeting-2025' })).toEqual(['attributes.summary: Too small: expected string to have >=8 characters']);
  });

  it('give a speech a role, a speech by default', () => {
    const addressed = RelationRecord.parse({ type: 'ADDRESSED', source: 'a', target: 'b', attributes: {}, evidence });
    expect(relationAttributes(addressed)).toEqual({ role: 'speech' });
    expect(parse('ADDRESSED', { role: 'opening-speech', summary: 'congratulated Guangdong' })).toEqual([]);
    expect(parse('ADDRESSED', { role: 'toast' })[0]).toMatch(/^attributes.role: Invalid option/);
  });

  it('give MEASURES a required role, and IMPLEMENTS an optional summary and date', () => {
    expect(parse('MEASURES', {})[0]).toMatch(/^attributes.role: Invalid option/);
    expect(parse('MEASURES', { role: 'scope' })).toEqual([]);
    expect(parse('IMPLEMENTS', {})).toEqual([]);
    expect(parse('IMPLEMENTS', { summary: 'the Joint Statement', date: '2025' })).toEqual([]);
    expect(parse('JOINT_BODY_OF', { role: 'party' })).toEqual(['attributes: Unrecognized key: "role"']);
  });

  it('join the entity types the agreed format names', () => {
    expect(RELATION_DECLARATIONS.IMPLEMENTS.from).toContain('Place');
    expect(RELATION_DECLARATIONS.MEASURES.from).toEqual(['Figure']);
    expect(RELATION_DECLARATIONS.JOINT_BODY_OF.to).toEqual(['Place', 'Organization']);
    expect(RELATION_DECLARATIONS.ADDRESSED.to).toEqual(['Event']);
  });
});

describe('the event-data categories', () => {
  it('give every relation type with trigger words a PLOVER type, and none to the structural types', () => {
    for (const type of RELATION_TYPES) {
      const { plover, triggers } = RELATION_DECLARATIONS[type];
      expect(plover === null, type).toBe(isStructural(type));
      expect(triggers === null, type).toBe(isStructural(type));
    }
    expect(RELATION_TYPES.filter(isStructural)).toEqual([
      'HOLDS_POSITION',
      'REPRESENTED',
      'PART_OF',
      'LOCATED_IN',
      'TOOK_PLACE_IN',
      'PRECEDED',
      'CONCERNS',
      'SIGNED_AT',
      'JOINT_BODY_OF',
      'MEASURES',
    ]);
  });

  it('name only PLOVER event types, and only the modes PLOVER gives that type', () => {
    for (const type of RELATION_TYPES) {
      const plover = RELATION_DECLARATIONS[type].plover;
      if (plover === null) continue;
      expect(PLOVER_TYPES, type).toContain(plover.type);
      if (plover.mode !== undefined) expect(PLOVER_MODES[plover.type] as readonly string[], type).toContain(plover.mode);
    }
    expect(RELATION_DECLARATIONS.MET.plover).toEqual({ type: 'CONSULT' });
    expect(RELATION_DECLARATIONS.VISITED.plover).toEqual({ type: 'CONSULT', mode: 'visit' });
    expect(RELATION_DECLARATIONS.SIGNED.plover).toEqual({ type: 'SUPPORT' });
    expect(RELATION_DECLARATIONS.RECOGNISED.plover).toEqual({ type: 'SUPPORT' });
  });

  it('write trigger words in lower case, trimmed, for every article language and English', () => {
    for (const type of RELATION_TYPES) {
      const triggers = RELATION_DECLARATIONS[type].triggers;
      if (triggers === null) continue;
      expect(Object.keys(triggers).sort(), type).toEqual([...ARTICLE_LANGUAGES, 'en'].sort());
      for (const words of Object.values(triggers)) {
        expect(words.length, type).toBeGreaterThan(0);
        for (const word of words) expect(word, type).toBe(word.toLowerCase().trim());
      }
    }
  });
});
