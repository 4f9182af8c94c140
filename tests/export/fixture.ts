import type { ExportGraph } from '../../server/export/index.ts';

/** Text meant to break naive writers: quotes of every kind, markup, entities, newlines, backticks, Cypher and CSV syntax. */
export const HOSTILE = `He said "hợp tác" & <b>'cooperation'</b> &amp; &#10; \`x\`; // --\r\n\tline two, "quoted", 'single' \\ back\\slash } ] ) ; MATCH (n) DETACH DELETE n;\n`;

/**
 * A small graph with Vietnamese, Chinese and German names, every attribute type, hostile text in
 * names, attributes and quotes, nodes that carry their own evidence, and a figure with the party it
 * measures.
 */
export function fixtureGraph(): ExportGraph {
  return {
    nodes: [
      {
        id: 'nguyen-minh-vu',
        type: 'Person',
        label: 'Nguyễn Minh Vũ',
        name: 'Nguyễn Minh Vũ',
        unnamed: false,
        aliases: [
          { name: 'Nguyen Minh Vu', lang: 'en' },
          { name: 'Nguyễn Minh Vũ', lang: 'vi' },
        ],
      },
      {
        id: 'guangxi',
        type: 'Place',
        label: '广西壮族自治区',
        name: '广西壮族自治区',
        kind: 'autonomous-region',
        unnamed: false,
        aliases: [
          { name: 'Guangxi', lang: 'zh' },
          { name: 'Quảng Tây', lang: 'vi' },
          { name: 'Autonome Region Guangxi', lang: 'de' },
        ],
        evidence: [{ articleId: 'vnexpress-2025-04-14', language: 'vi', quote: 'Tỉnh Quảng Tây (广西) ký kết "biên bản" <ghi nhớ> & hợp tác' }],
      },
      {
        id: 'strasse-der-freundschaft',
        type: 'Organization',
        label: `Größenwahn ${HOSTILE}`,
        name: `Größenwahn ${HOSTILE}`,
        kind: 'other',
        unnamed: true,
        aliases: [{ name: 'Straße der Freundschaft; "Ü" <&>', lang: 'de' }],
        score: 0.75,
        rank: 3,
        official: true,
      },
      {
        id: 'joint-committee-2025',
        type: 'Event',
        label: 'Hội nghị lần thứ 5 — 联合工作委员会',
        name: 'Hội nghị lần thứ 5 — 联合工作委员会',
        kind: 'conference',
        unnamed: false,
        aliases: [],
        date: '2025-04',
        datePrecision: 'month',
        ordinal: 5,
        empty: '',
      },
      {
        id: 'memorandum-2025',
        type: 'Agreement',
        label: 'Biên bản ghi nhớ',
        name: 'Biên bản ghi nhớ',
        kind: 'memorandum',
        unnamed: false,
        aliases: [{ name: 'Memorandum of Understanding', lang: 'en' }],
        date: '2025-04-14',
        datePrecision: 'day',
      },
      {
        id: 'vietnam-guangxi-trade-2024',
        type: 'Figure',
        label: 'Kim ngạch Việt Nam – Quảng Tây 2024',
        name: 'Kim ngạch Việt Nam – Quảng Tây 2024',
        unnamed: false,
        aliases: [],
        measure: 'bilateral-trade-value',
        value: 25.6,
        unit: 'tỷ USD',
        qualifier: 'more-than',
        period: '2024',
        changeValue: 12.5,
        changeUnit: '%',
        changeBasis: 'year-on-year',
        evidence: [{ articleId: 'vnexpress-2025-04-14', language: 'vi', quote: 'kim ngạch song phương năm 2024 đạt hơn 25,6 tỷ USD, tăng 12,5%' }],
      },
    ],
    edges: [
      {
        id: 'r1',
        source: 'nguyen-minh-vu',
        target: 'joint-committee-2025',
        type: 'CO_CHAIRED',
        role: `co-chair ${HOSTILE}`,
        date: '2025',
        evidence: [
          { articleId: 'vnexpress-2025-04-14', language: 'vi', quote: 'Ông Nguyễn Minh Vũ đồng chủ trì "Hội nghị" <lần thứ 5> & hơn thế' },
          { articleId: 'nrc-2025-04-15', language: 'nl', quote: `De "vergadering" werd geleid door Nguyễn & co.\nTweede regel met \`backticks\`` },
        ],
      },
      {
        id: 'r2',
        source: 'guangxi',
        target: 'memorandum-2025',
        type: 'SIGNED',
        role: 'party',
        date: '2025-04-14',
        evidence: [{ articleId: 'faz-2025-04-16', language: 'de', quote: `Die Provinz unterzeichnete „Größere" Vereinbarungen ${HOSTILE}` }],
      },
      {
        id: 'r3',
        source: 'guangxi',
        target: 'joint-committee-2025',
        type: 'ATTENDED',
        evidence: [{ articleId: 'faz-2025-04-16', language: 'de', quote: 'Guangxi (广西) nahm an der Sitzung teil.' }],
      },
      {
        id: 'r4',
        source: 'guangxi',
        target: 'joint-committee-2025',
        type: 'HOSTED',
        weight: 2.5,
        confirmed: false,
        evidence: [{ articleId: 'vnexpress-2025-04-14', language: 'vi', quote: 'Quảng Tây đăng cai hội nghị lần này.' }],
      },
      {
        id: 'r5',
        source: 'vietnam-guangxi-trade-2024',
        target: 'guangxi',
        type: 'MEASURES',
        role: 'subject',
        evidence: [{ articleId: 'vnexpress-2025-04-14', language: 'vi', quote: 'Quảng Tây là đối tác thương mại lớn' }],
      },
    ],
  };
}
