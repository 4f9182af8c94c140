import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema, ENTITY_NAMES_INDEX } from '../../../server/graph/schema.ts';
import { clearDataset } from '../../../server/graph/load/cleanup.ts';
import { loadGraph } from '../../../server/graph/load/load-graph.ts';
import { testDatabase, testDriver, uniqueDataset } from '../../helpers/neo4j.ts';
import { fixtureGraph } from './fixture.ts';

const driver = testDriver();
const database = testDatabase();
const dataset = uniqueDataset('fulltext');
let generation = '';

beforeAll(async () => {
  await applySchema(driver, database);
  generation = (await loadGraph(driver, database, dataset, fixtureGraph())).generation;
});
afterAll(async () => {
  await clearDataset(driver, database, dataset);
  await driver.close();
});

async function search(text: string): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `CALL db.index.fulltext.queryNodes($index, $text) YIELD node, score
     WHERE node.graph = $generation RETURN node.id AS id ORDER BY score DESC`,
    { index: ENTITY_NAMES_INDEX, text, generation },
    { database, routing: 'READ' },
  );
  return records.map((r) => r.get('id') as string);
}

describe('the entity_names full-text index', () => {
  it.each(['nguyen minh vu', 'NGUYEN MINH VU', 'Nguyễn Minh Vũ', 'nguyễn minh vũ'])('finds Nguyễn Minh Vũ first for %j', async (text) => {
    expect((await search(text))[0]).toBe('nguyen-minh-vu');
  });

  it('folds the Vietnamese đ/Đ to d', async () => {
    for (const text of ['do van duc', 'ĐỖ VĂN ĐỨC', 'Đức']) expect((await search(text))[0], text).toBe('do-van-duc');
  });

  it('finds places by their German aliases and by folded Vietnamese names', async () => {
    expect((await search('Provinz Guangdong'))[0]).toBe('guangdong');
    expect((await search('quang dong'))[0]).toBe('guangdong');
    expect((await search('Ho-Chi-Minh-Stadt'))[0]).toBe('ho-chi-minh-city');
    expect((await search('thanh pho ho chi minh'))[0]).toBe('ho-chi-minh-city');
    expect((await search('neunte konferenz'))[0]).toBe('conference-9');
  });
});
