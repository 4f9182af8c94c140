import { afterAll, describe, expect, it } from 'vitest';
import { applySchema, ENTITY_NAMES_INDEX, schemaItems } from '../../../server/graph/schema.ts';
import { ENTITY_TYPES } from '../../../extract/schema/entity-types.ts';
import { RELATION_TYPES } from '../../../extract/schema/relation-types.ts';
import { testDatabase, testDriver } from '../../helpers/neo4j.ts';

const driver = testDriver();
const database = testDatabase();
afterAll(() => driver.close());

describe('applySchema', () => {
  it('creates every constraint and index, online, and changes nothing when applied again', async () => {
    await applySchema(driver, database);
    const list = async () => {
      const constraints = await driver.executeQuery('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN *', {}, { database });
      const indexes = await driver.executeQuery('SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties, options RETURN *', {}, { database });
      return { constraints: constraints.records.map((r) => r.toObject()), indexes: indexes.records.map((r) => r.toObject()) };
    };
    const first = await list();
    await applySchema(driver, database);
    const second = await list();
    expect(second.constraints.length).toBe(first.constraints.length);
    expect(second.indexes.length).toBe(first.indexes.length);

    const constraintNames = new Set(second.constraints.map((c) => c.name as string));
    const indexByName = new Map(second.indexes.map((i) => [i.name as string, i]));
    for (const item of schemaItems()) {
      if (item.kind === 'constraint') expect(constraintNames, item.name).toContain(item.name);
      else expect(indexByName.get(item.name)?.state, item.name).toBe('ONLINE');
    }

    // (graph, id) is unique for every entity label, Article, and every relationship type.
    for (const label of [...ENTITY_TYPES, 'Article']) {
      expect(second.constraints).toContainEqual(expect.objectContaining({ type: 'UNIQUENESS', labelsOrTypes: [label], properties: ['graph', 'id'] }));
    }
    for (const type of RELATION_TYPES) {
      expect(second.constraints).toContainEqual(expect.objectContaining({ type: 'RELATIONSHIP_UNIQUENESS', labelsOrTypes: [type], properties: ['graph', 'id'] }));
      expect(second.indexes).toContainEqual(expect.objectContaining({ type: 'RANGE', labelsOrTypes: [type], properties: ['graph'] }));
    }
    expect(second.constraints).toContainEqual(expect.objectContaining({ labelsOrTypes: ['Dataset'], properties: ['name'] }));
    for (const [label, property] of [['Entity', 'graph'], ['Entity', 'kind'], ['Event', 'date'], ['Agreement', 'date']]) {
      expect(second.indexes).toContainEqual(expect.objectContaining({ type: 'RANGE', labelsOrTypes: [label], properties: [property] }));
    }

    const fulltext = indexByName.get(ENTITY_NAMES_INDEX);
    expect(fulltext).toMatchObject({ type: 'FULLTEXT', labelsOrTypes: ['Entity'], properties: ['searchNames'] });
    expect((fulltext?.options as { indexConfig: Record<string, unknown> }).indexConfig['fulltext.analyzer']).toBe('standard-folding');
  });
});
