import { describe, expect, it } from 'vitest';
import { displayName, ENTITY_RECORDS, ENTITY_SECTIONS } from '../../extract/schema/entity-record.ts';
import { ENTITY_DECLARATIONS, ENTITY_TYPES } from '../../extract/schema/entity-types.ts';
import { RelationRecord, relationAttributes } from '../../extract/schema/relation-record.ts';
import { RELATION_DECLARATIONS, RELATION_TYPES } from '../../extract/schema/relation-types.ts';

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

  it('have a label and, for every type but Person, kinds', () => {
    for (const type of ENTITY_TYPES) {
      expect(ENTITY_DECLARATIONS[type].label).toBe(type);
      expect(ENTITY_DECLARATIONS[type].kinds === undefined).toBe(type === 'Person');
    }
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
    expect(issues(position)).toEqual(['attributes.asOf: Invalid input: expected string, received undefined']);
    const met = RelationRecord.safeParse({ type: 'MET', source: 'a', target: 'b', attributes: { event: 'Not A Slug', role: 'host' }, evidence });
    expect(issues(met)).toEqual(['attributes.event: must be a lowercase slug like "nguyen-minh-vu"', 'attributes: Unrecognized key: "role"']);
  });
});
