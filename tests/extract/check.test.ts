import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkCorpus, main as checkMain } from '../../extract/check.ts';
import { formatProblem } from '../../extract/problems.ts';
import { makeFixture, record, relation, type Fixture } from './fixture.ts';

let fx: Fixture;
beforeEach(async () => {
  fx = await makeFixture();
});
afterEach(async () => {
  await fx.dispose();
});

async function problems(): Promise<string[]> {
  const result = await checkCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir });
  return result.problems.map(formatProblem);
}

const CONF = 'guangdong-conference-9.yaml';
const MEETING = 'quang-ninh-guangxi-spring-meeting-2025.yaml';

describe('extract check', () => {
  it('passes on the repository curation', async () => {
    expect(await problems()).toEqual([]);
  });

  it('rejects a schema error, naming file, record and field', async () => {
    await fx.editYaml('entities.yaml', (doc) => {
      record(doc, 'places', 'vietnam').kind = 'planet';
    });
    const out = await problems();
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^curation\/entities\.yaml: vietnam: kind: /);
  });

  it('rejects an id defined twice, across files', async () => {
    await fx.writeYaml('extra.yaml', { people: [{ id: 'nguyen-minh-vu', name: 'Someone Else' }] });
    expect(await problems()).toEqual([
      'curation/extra.yaml: nguyen-minh-vu: duplicate id: already defined as Person in curation/entities.yaml',
    ]);
  });

  it('rejects a relation defined twice (same derived id)', async () => {
    await fx.writeYaml('zz-extra.yaml', {
      relations: [
        {
          type: 'PRECEDED',
          source: 'guangdong-coordination-conference-8',
          target: 'guangdong-coordination-conference-9',
          evidence: [{ articleId: 'guangdong-conference-9-nl', quote: 'sinds de 8e conferentie in 2022' }],
        },
      ],
    });
    const out = await problems();
    expect(out).toHaveLength(1);
    expect(out[0]).toBe(
      'curation/zz-extra.yaml: PRECEDED:guangdong-coordination-conference-8->guangdong-coordination-conference-9: duplicate relation id (also in curation/guangdong-conference-9.yaml): merge the evidence into one record, or add a qualifier',
    );
  });

  it('rejects a dangling source or target', async () => {
    await fx.editYaml(CONF, (doc) => {
      relation(doc, 'PRECEDED', 'guangdong-coordination-conference-8', 'guangdong-coordination-conference-9').target =
        'guangdong-coordination-conference-10';
    });
    expect(await problems()).toEqual([
      'curation/guangdong-conference-9.yaml: PRECEDED:guangdong-coordination-conference-8->guangdong-coordination-conference-10: target "guangdong-coordination-conference-10" is not a defined entity',
    ]);
  });

  it('rejects a dangling event attribute, and an event attribute that is not an Event', async () => {
    await fx.editYaml(MEETING, (doc) => {
      (relation(doc, 'MET', 'vu-dai-thang', 'chen-gang').attributes as Record<string, unknown>).event = 'spring-meeting-2031';
      (relation(doc, 'MET', 'trinh-thi-minh-thanh', 'chen-gang').attributes as Record<string, unknown>).event = 'quang-ninh';
    });
    const out = await problems();
    expect(out).toContain(
      `curation/${MEETING}: MET:vu-dai-thang->chen-gang: attributes.event: "spring-meeting-2031" is not a defined entity`,
    );
    expect(out).toContain(`curation/${MEETING}: MET:trinh-thi-minh-thanh->chen-gang: attributes.event: "quang-ninh" is a Place, not an Event`);
    expect(out).toHaveLength(2);
  });

  it('rejects a relation type not allowed between the entity types', async () => {
    await fx.editYaml(MEETING, (doc) => {
      relation(doc, 'MET', 'vu-dai-thang', 'chen-gang').target = 'guangxi';
    });
    expect(await problems()).toEqual([
      `curation/${MEETING}: MET:vu-dai-thang->guangxi: relation MET is not allowed from Person to Place`,
    ]);
  });

  it('rejects a quote that is not in the cited article', async () => {
    await fx.editYaml(CONF, (doc) => {
      const r = relation(doc, 'PRECEDED', 'guangdong-coordination-conference-8', 'guangdong-coordination-conference-9');
      (r.evidence as { quote: string }[])[1]!.quote = 'sinds de 7e conferentie in 2019';
    });
    const out = await problems();
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(`curation/${CONF}: PRECEDED:guangdong-coordination-conference-8->guangdong-coordination-conference-9: evidence.1: quote does not occur in article "guangdong-conference-9-nl"`);
  });

  it('rejects a quote that is only in another article', async () => {
    await fx.editYaml(CONF, (doc) => {
      const r = relation(doc, 'PRECEDED', 'guangdong-coordination-conference-8', 'guangdong-coordination-conference-9');
      (r.evidence as { articleId: string }[])[1]!.articleId = 'guangdong-conference-9-de';
    });
    expect(await problems()).toEqual([
      expect.stringContaining('evidence.1: quote does not occur in article "guangdong-conference-9-de": "sinds de 8e conferentie in 2022"'),
    ]);
  });

  it('accepts a quote that differs only by Unicode normalization and whitespace', async () => {
    await fx.editYaml(CONF, (doc) => {
      const r = relation(doc, 'PRECEDED', 'guangdong-coordination-conference-8', 'guangdong-coordination-conference-9');
      const ev = r.evidence as { quote: string }[];
      ev[0]!.quote = 'kể  từ\nHội nghị lần thứ 8 năm 2022 đến nay'.normalize('NFD');
    });
    expect(await problems()).toEqual([]);
  });

  it('rejects evidence citing an article that does not exist', async () => {
    await fx.editYaml(CONF, (doc) => {
      const r = relation(doc, 'PRECEDED', 'guangdong-coordination-conference-8', 'guangdong-coordination-conference-9');
      (r.evidence as { articleId: string }[])[0]!.articleId = 'guangdong-conference-9-fr';
    });
    expect(await problems()).toEqual([
      `curation/${CONF}: PRECEDED:guangdong-coordination-conference-8->guangdong-coordination-conference-9: evidence.0: article "guangdong-conference-9-fr" is not an article in the seeds`,
    ]);
  });

  it('rejects a date that does not parse, on an entity and on a relation', async () => {
    await fx.editYaml(MEETING, (doc) => {
      record(doc, 'events', 'spring-meeting-2025').date = '2025-02-30';
      (relation(doc, 'MET', 'vu-dai-thang', 'chen-gang').attributes as Record<string, unknown>).date = '20/02/2025';
    });
    const out = await problems();
    expect(out).toContain(`curation/${MEETING}: spring-meeting-2025: date: must be a real ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD`);
    expect(out).toContain(`curation/${MEETING}: MET:vu-dai-thang->chen-gang: attributes.date: must be a real ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD`);
  });

  it('rejects one alias claimed by two entities of the same type, folding case and diacritics', async () => {
    await fx.editYaml('entities.yaml', (doc) => {
      (record(doc, 'people', 'vu-dai-thang').aliases as unknown[]).push({ name: 'NGUYỄN minh vu', lang: 'vi' });
    });
    expect(await problems()).toEqual([
      'curation/entities.yaml: vu-dai-thang: alias "nguyen minh vu" is also claimed by Person nguyen-minh-vu (curation/entities.yaml)',
    ]);
  });

  it('allows the same alias on entities of different types', async () => {
    await fx.editYaml('entities.yaml', (doc) => {
      (record(doc, 'organizations', 'quang-ninh-provincial-party-committee').aliases as unknown[]).push({ name: 'Quang Ninh', lang: 'nl' });
    });
    expect(await problems()).toEqual([]);
  });

  it('rejects a position dated other than the article that states it', async () => {
    await fx.editYaml(MEETING, (doc) => {
      (relation(doc, 'HOLDS_POSITION', 'cao-tuong-huy', 'quang-ninh-peoples-committee').attributes as Record<string, unknown>).asOf = '2024-02-20';
    });
    expect(await problems()).toEqual([
      `curation/${MEETING}: HOLDS_POSITION:cao-tuong-huy->quang-ninh-peoples-committee: attributes.asOf 2024-02-20 is not the date of a cited article (2025-02-20)`,
    ]);
  });

  it('dates a past office by its own from and to, not by the article', async () => {
    const past = {
      type: 'HOLDS_POSITION',
      source: 'to-lam',
      target: 'communist-party-of-vietnam',
      qualifier: 'past',
      attributes: { title: 'General Secretary', historical: true, from: '2024-08' },
      evidence: [{ articleId: 'guangdong-conference-9-vi', quote: 'Tổng Bí thư Tô Lâm đã thăm Quảng Châu đầu tiên' }],
    };
    await fx.writeYaml('zz-past.yaml', { relations: [past] });
    expect(await problems()).toEqual([]);
    await fx.writeYaml('zz-past.yaml', { relations: [{ ...past, attributes: { title: 'General Secretary', asOf: '2024-08' } }] });
    expect(await problems()).toEqual([
      'curation/zz-past.yaml: HOLDS_POSITION:to-lam->communist-party-of-vietnam#past: attributes.asOf 2024-08 is not the date of a cited article (2025-10-28)',
    ]);
  });

  it('rejects a figure without evidence of its own, or without a subject it measures', async () => {
    const trade = {
      id: 'test-figure-trade-2024',
      name: 'Vietnam–Guangdong two-way trade, 2024',
      measure: 'bilateral-trade-value',
      value: 56.2,
      unit: 'billion USD',
      period: 2024,
      change: { value: 16.6, unit: '%', basis: 'year-on-year' },
    };
    const quote = { articleId: 'guangdong-conference-9-vi', quote: 'kim ngạch song phương năm 2024 đạt 56,2 tỷ USD, tăng 16,6% so với cùng kỳ' };
    const measures = (role: string) => ({ type: 'MEASURES', source: trade.id, target: role === 'subject' ? 'guangdong' : 'vietnam', attributes: { role }, evidence: [quote] });
    await fx.writeYaml('zz-figures.yaml', { figures: [trade], relations: [measures('counterpart')] });
    expect(await problems()).toEqual([
      'curation/zz-figures.yaml: test-figure-trade-2024: a Figure needs evidence: the quote that states it',
      'curation/zz-figures.yaml: test-figure-trade-2024: needs a MEASURES relation with role subject (whose figure it is)',
    ]);
    await fx.writeYaml('zz-figures.yaml', { figures: [{ ...trade, evidence: [quote] }], relations: [measures('counterpart'), measures('subject')] });
    expect(await problems()).toEqual([]);
  });

  it('warns about a relation none of whose quotes holds a word that says it, unless its note says why', async () => {
    const talk = {
      type: 'MET',
      source: 'nguyen-minh-vu',
      target: 'zhang-guozhi',
      qualifier: 'test',
      evidence: [{ articleId: 'guangdong-conference-9-nl', quote: 'Zhang Guozhi, vicevoorzitter van de provincie Guangdong, spreekt op de conferentie.' }],
    };
    const warnings = async () => (await checkCorpus({ seedsDir: fx.seedsDir, curationDir: fx.curationDir })).warnings.map(formatProblem);
    await fx.writeYaml('zz-talk.yaml', { relations: [talk] });
    expect(await warnings()).toContain(
      'curation/zz-talk.yaml: MET:nguyen-minh-vu->zhang-guozhi#test: no quote holds a word that says MET (extract/schema/relation-types.ts): quote the words that say it, or start the note with "trigger:" and say why',
    );
    expect(await problems()).toEqual([]);
    await fx.writeYaml('zz-talk.yaml', { relations: [{ ...talk, note: 'trigger: the caption shows them together without a verb' }] });
    expect((await warnings()).filter((w) => w.includes('#test'))).toEqual([]);
    const met = { articleId: 'guangdong-conference-9-vi', quote: 'đã cùng đồng chí Trương Quốc Trí' };
    await fx.writeYaml('zz-talk.yaml', { relations: [{ ...talk, type: 'CO_CHAIRED', target: 'guangdong-coordination-conference-9', evidence: [met] }] });
    expect((await warnings()).filter((w) => w.includes('#test'))).toHaveLength(1);
  });

  it('rejects a broken article file: front matter, and id not matching the file name', async () => {
    await fx.editText('seeds/guangdong-conference-9-de.md', (t) => t.replace('language: "de"', 'language: "fr"'));
    await fx.editText('seeds/guangdong-conference-9-nl.md', (t) => t.replace('id: "guangdong-conference-9-nl"', 'id: "guangdong-conference-9-nld"'));
    const out = await problems();
    expect(out).toContain('seeds/guangdong-conference-9-de.md: guangdong-conference-9-de: language: Invalid option: expected one of "vi"|"nl"|"de"');
    expect(out).toContain('seeds/guangdong-conference-9-nl.md: guangdong-conference-9-nld: file name must be the article id: guangdong-conference-9-nld.md');
  });

  it('collects every problem and the command exits non-zero', async () => {
    await fx.editYaml('entities.yaml', (doc) => {
      record(doc, 'places', 'china').kind = 'continent';
      record(doc, 'places', 'vietnam').kind = 'planet';
    });
    expect(await problems()).toHaveLength(2);
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    try {
      expect(await checkMain(['--seeds', fx.seedsDir, '--curation', fx.curationDir])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(errors.filter((l) => l.startsWith('curation/entities.yaml: '))).toHaveLength(2);
  });
});
