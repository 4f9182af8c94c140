import type { EntityType } from './entity-types.ts';
import type { ArticleLanguageCode } from './languages.ts';
import type { PloverCategory } from './plover.ts';
import type { PropertyDeclarations, PropertyRule } from './properties.ts';

/**
 * The relation types as data (one declaration each, after FollowTheMoney): which entity types a
 * relation may join, in which direction, how it reads both ways, which attributes it carries, the
 * words that usually say it in each language, and its event-data category. The record's attribute
 * schemas and the explorer's labels derive from this table; Cypher takes relationship types only from
 * it. It imports no code, so the explorer bundles it.
 */
export interface RelationDeclaration {
  from: readonly EntityType[];
  to: readonly EntityType[];
  /** How the relation reads from its source, e.g. "co-chaired". */
  label: string;
  /** How the relation reads from its target, e.g. "co-chaired by". */
  reverse: string;
  description: string;
  attributes: PropertyDeclarations;
  /** Rules across the attributes (exactly one of asOf and historical...). */
  rules?: readonly PropertyRule[];
  /**
   * Words or short phrases, lower case, that usually carry the relation in a quote, per language; one
   * of them should be in a quote of each record (triggers.ts matches them). null for the structural
   * types, which an article states by apposition or context rather than by a verb.
   */
  triggers: Triggers | null;
  /** The PLOVER event category a fact of this type is (plover.ts); null for the structural types. */
  plover: PloverCategory | null;
}

/** The article languages, and English for sources to come. */
export type TriggerLanguage = ArticleLanguageCode | 'en';
export type Triggers = Readonly<Record<TriggerLanguage, readonly string[]>>;

const when = {
  date: { type: 'date' },
  /** The event during which the fact held, when it is not the relation's own target. */
  event: { type: 'entity', entityType: 'Event' },
} as const;

const summary = { type: 'text', required: true, minLength: 8 } as const;

/** What a figure is of a party: whose it is, the other side of a bilateral figure, or the whole it is taken of. */
export const MEASURE_ROLES = ['subject', 'counterpart', 'scope'] as const;

const declarations = {
  CO_CHAIRED: {
    from: ['Person', 'Organization'],
    to: ['Event', 'Organization'],
    label: 'co-chaired',
    reverse: 'co-chaired by',
    description: 'Chaired an event or a standing body together with a counterpart.',
    attributes: { ...when, role: { type: 'text' } },
    // nl "zat … samen met … voor" (a split verb) has no trigger: such a record says so in a note.
    triggers: {
      vi: ['đồng chủ trì', 'cùng chủ trì', 'chủ trì', 'đồng chủ tịch', 'chủ tọa'],
      nl: ['voorzit', 'covoorzit', 'medevoorzit', 'voorgezeten', 'leidde', 'geleid', 'onder leiding van'],
      de: ['vorsitz', 'kovorsitz', 'co-vorsitz', 'leitete', 'geleitet', 'unter der leitung', 'unter leitung'],
      en: ['co-chair', 'cochair', 'chair', 'presid', 'led by'],
    },
    plover: { type: 'CONSULT' },
  },
  ATTENDED: {
    from: ['Person', 'Organization', 'Place'],
    to: ['Event'],
    label: 'attended',
    reverse: 'attended by',
    description: 'Took part in an event (a place attends through its delegation).',
    attributes: { ...when, role: { type: 'text' } },
    triggers: {
      vi: ['tham dự', 'dự hội nghị', 'dự lễ', 'tham gia', 'có mặt', 'hiện diện', 'thăm'],
      nl: ['namen deel', 'nam deel', 'nemen deel', 'neemt deel', 'deelna', 'deelnem', 'deelgenomen', 'aanwezig', 'bijgewoond', 'woonde', 'bij te wonen', 'bezoek', 'bezocht'],
      de: ['nahmen teil', 'nahm teil', 'nehmen teil', 'nimmt teil', 'teilnahm', 'teilnehm', 'teilgenommen', 'anwesend', 'beiwohn', 'wohnte', 'besuch'],
      en: ['attend', 'took part', 'take part', 'participat', 'present at', 'joined', 'visit'],
    },
    plover: { type: 'CONSULT' },
  },
  MET: {
    from: ['Person'],
    to: ['Person'],
    label: 'met',
    reverse: 'met',
    description: 'Met in person; the event says where and when.',
    attributes: { ...when },
    triggers: {
      vi: ['gặp', 'gặp gỡ', 'gặp mặt', 'hội kiến', 'hội đàm', 'tiếp kiến', 'tiếp đón', 'đón tiếp', 'làm việc với', 'hội ngộ'],
      nl: ['ontmoet', 'overleg', 'bijeenkomst', 'gesprek', 'ontving', 'ontvangen', 'verwelkom'],
      de: ['traf', 'getroffen', 'treffen', 'begegn', 'empfing', 'empfang', 'gespräch', 'unterred', 'zusammenkunft'],
      en: ['met with', 'meet', 'talks', 'received', 'welcomed'],
    },
    plover: { type: 'CONSULT' },
  },
  SIGNED: {
    from: ['Person', 'Organization', 'Place'],
    to: ['Agreement'],
    label: 'signed',
    reverse: 'signed by',
    description: 'A party to, or a signatory of, a signed document.',
    attributes: { ...when, role: { type: 'choice', values: ['party', 'signatory'], default: 'party' } },
    triggers: {
      vi: ['ký', 'ký kết', 'lễ ký', 'trao văn kiện', 'lễ trao', 'thành viên'],
      nl: ['ondertek', 'getekend', 'tekende', 'gesloten', 'sloten', 'lid zijn', 'partij bij'],
      de: ['unterzeich', 'unterschrieb', 'unterschrift', 'signiert', 'abgeschlossen', 'schlossen', 'mitglied'],
      en: ['sign', 'conclud', 'party to', 'member'],
    },
    // PLOVER codes signing a formal agreement as SUPPORT; AGREE is for promising to sign.
    plover: { type: 'SUPPORT' },
  },
  WITNESSED: {
    from: ['Person', 'Organization'],
    to: ['Agreement', 'Event'],
    label: 'witnessed',
    reverse: 'witnessed by',
    description: 'Witnessed a signing or the handing over of a document.',
    attributes: { ...when },
    triggers: {
      vi: ['chứng kiến'],
      nl: ['getuige', 'woonden', 'woonde'],
      de: ['zeuge', 'wohnten', 'wohnte', 'beiwohn'],
      en: ['witness'],
    },
    // Witnessing a signing endorses the agreement, as signing it does.
    plover: { type: 'SUPPORT' },
  },
  HOSTED: {
    from: ['Person', 'Organization', 'Place'],
    to: ['Event'],
    label: 'hosted',
    reverse: 'hosted by',
    description: 'Received the others at an event as its host.',
    attributes: { ...when },
    triggers: {
      vi: ['đón', 'đón tiếp', 'tiếp đón', 'chào đón', 'chủ nhà', 'đăng cai', 'tổ chức', 'hoan nghênh'],
      nl: ['verwelkom', 'welkom', 'ontving', 'ontvangen', 'gastheer', 'gastvrouw', 'gastvrij', 'organiseer', 'georganiseerd'],
      de: ['empfing', 'empfang', 'begrüß', 'willkommen', 'gastgeber', 'ausgericht', 'veranstalt'],
      en: ['host', 'welcom', 'received', 'organi'],
    },
    // PLOVER's visit mode: the visitor is its actor, the host its recipient.
    plover: { type: 'CONSULT', mode: 'visit' },
  },
  VISITED: {
    from: ['Person', 'Organization'],
    to: ['Place', 'Organization'],
    label: 'visited',
    reverse: 'visited by',
    description: 'Travelled to a place or an institution.',
    attributes: { ...when },
    triggers: {
      vi: ['thăm', 'chuyến thăm', 'đến thăm', 'sang thăm', 'công du', 'làm việc tại'],
      nl: ['bezoek', 'bezocht', 'reisde', 'kwam naar'],
      de: ['besuch', 'reiste', 'visite'],
      en: ['visit', 'travel', 'toured', 'trip to'],
    },
    plover: { type: 'CONSULT', mode: 'visit' },
  },
  HOLDS_POSITION: {
    from: ['Person'],
    /** a Place for offices of a state or territory itself, e.g. the President of China */
    to: ['Organization', 'Place'],
    label: 'holds position',
    reverse: 'position held by',
    description: 'Held an office, as of the date of the article that says so, or in the past (historical).',
    attributes: {
      title: { type: 'text', required: true, minLength: 2 },
      asOf: { type: 'date', description: 'the published date of the article that states the office' },
      historical: { type: 'flag', description: 'an office the article names as held in the past, without dating it to the article' },
      from: { type: 'date', description: 'when a historical office began, if the article says' },
      to: { type: 'date', description: 'when a historical office ended, if the article says' },
    },
    rules: [{ exactlyOne: ['asOf', 'historical'] }, { onlyWith: 'historical', keys: ['from', 'to'] }, { ordered: ['from', 'to'] }],
    triggers: null,
    plover: null,
  },
  REPRESENTED: {
    from: ['Person', 'Organization'],
    to: ['Organization', 'Place'],
    label: 'represented',
    reverse: 'represented by',
    description: 'Acted for a side (a country, province or body) at an event.',
    attributes: { ...when },
    triggers: null,
    plover: null,
  },
  PART_OF: {
    from: ['Organization', 'Event'],
    to: ['Organization', 'Event', 'Place'],
    label: 'part of',
    reverse: 'has part',
    description: 'A body within one larger body or party, or an event within a programme or a recurring mechanism; a joint body is JOINT_BODY_OF its parties instead.',
    attributes: {},
    triggers: null,
    plover: null,
  },
  LOCATED_IN: {
    from: ['Place', 'Organization'],
    to: ['Place'],
    label: 'located in',
    reverse: 'contains',
    description: 'A place inside a larger place, or an organization seated in a place.',
    attributes: {},
    triggers: null,
    plover: null,
  },
  TOOK_PLACE_IN: {
    from: ['Event'],
    to: ['Place', 'Organization'],
    label: 'took place in',
    reverse: 'venue of',
    description: 'Where an event was held (a place, or the seat of a body).',
    attributes: {},
    triggers: null,
    plover: null,
  },
  PROPOSED: {
    from: ['Person', 'Organization'],
    to: ['Event', 'Organization', 'Place'],
    label: 'proposed',
    reverse: 'received proposal from',
    description: 'Made a proposal at an event or to a counterpart; the summary says what.',
    attributes: { ...when, summary },
    // nl "stelde … voor dat" is a split verb: "voor dat" is the half that stays together.
    triggers: {
      vi: ['đề nghị', 'đề xuất', 'kiến nghị', 'mong muốn', 'hy vọng', 'kêu gọi', 'đề ra'],
      nl: ['stelde voor', 'stelden voor', 'voor dat', 'voorstel', 'voorgesteld', 'hoop', 'hoopt', 'wens', 'verzoek', 'pleit', 'riep op'],
      de: ['schlug vor', 'schlugen vor', 'vorschlag', 'vorschläg', 'vorgeschlagen', 'anzuregen', 'regte an', 'hofft', 'hoffen', 'wunsch', 'wünsch', 'forderte', 'appell'],
      en: ['propos', 'suggest', 'urged', 'called for', 'hope', 'wish'],
    },
    // PLOVER codes requests for cooperation or exchange as REQUEST in its assist mode.
    plover: { type: 'REQUEST', mode: 'assist' },
  },
  INVITED: {
    from: ['Person', 'Organization'],
    to: ['Person', 'Organization', 'Place'],
    label: 'invited',
    reverse: 'invited by',
    description: 'Invited a counterpart, to the event named in the attributes.',
    attributes: { ...when, summary: { type: 'text' } },
    triggers: {
      vi: ['mời', 'lời mời', 'trân trọng mời'],
      nl: ['nodigde', 'uitgenodigd', 'uitnodig'],
      de: ['einlad', 'eingeladen', 'einzuladen', 'lud'],
      en: ['invit'],
    },
    // PLOVER: invitations to visits are coded as AGREE, an intent to meet.
    plover: { type: 'AGREE' },
  },
  PRECEDED: {
    from: ['Event'],
    to: ['Event'],
    label: 'preceded',
    reverse: 'preceded by',
    description: 'An earlier edition of a recurring event, before a later one.',
    attributes: {},
    triggers: null,
    plover: null,
  },
  CONCERNS: {
    from: ['Agreement', 'Event'],
    to: ['Place', 'Organization', 'Agreement', 'Event'],
    label: 'concerns',
    reverse: 'subject of',
    description: 'What a document or an event is about (a border gate, an economic zone, a mechanism, a programme).',
    attributes: {},
    triggers: null,
    plover: null,
  },
  SIGNED_AT: {
    from: ['Agreement'],
    to: ['Event'],
    label: 'signed at',
    reverse: 'occasion of signing',
    description: 'The event (meeting, visit, ceremony) at which a document was signed or handed over.',
    attributes: {},
    triggers: null,
    plover: null,
  },
  IMPLEMENTS: {
    from: ['Organization', 'Person', 'Place'],
    to: ['Agreement'],
    label: 'implements',
    reverse: 'implemented by',
    description:
      'Carries out a document: a body set up or tasked to (a working group for a framework agreement), or a province implementing a joint statement.',
    attributes: { date: { type: 'date' }, summary: { type: 'text', minLength: 8 } },
    triggers: {
      vi: ['triển khai', 'thực hiện', 'thi hành', 'cụ thể hóa', 'hiện thực hóa'],
      nl: ['implement', 'uitvoer', 'uitgevoerd', 'uit te voeren', 'uitvoeren', 'ten uitvoer', 'toepass', 'gevolgd', 'nagestreefd'],
      de: ['umsetz', 'umgesetzt', 'umzusetzen', 'durchführ', 'durchgeführt', 'implementier', 'verwirklich', 'befolg'],
      en: ['implement', 'carry out', 'carried out', 'carrying out', 'execut', 'follow'],
    },
    plover: { type: 'COOPERATE' },
  },
  COOPERATED_WITH: {
    from: ['Organization', 'Place', 'Person'],
    to: ['Organization', 'Place', 'Person'],
    label: 'cooperated with',
    reverse: 'cooperated with',
    description: 'Worked together on a named task; the summary says on what.',
    attributes: { ...when, summary },
    triggers: {
      vi: ['hợp tác', 'phối hợp', 'liên kết', 'chung tay', 'giao lưu', 'cùng nhau', 'kết nối'],
      nl: ['samenwerk', 'samengewerkt', 'samen', 'coöper', 'uitwissel', 'gezamenlijk', 'handen ineen'],
      de: ['zusammenarb', 'zusammen', 'kooperat', 'kooperier', 'austausch', 'gemeinsam'],
      en: ['cooperat', 'co-operat', 'collaborat', 'worked with', 'together', 'jointly', 'exchange'],
    },
    plover: { type: 'COOPERATE' },
  },
  AGREED: {
    from: ['Person', 'Organization', 'Place'],
    to: ['Person', 'Organization', 'Place', 'Event', 'Agreement'],
    label: 'agreed',
    reverse: 'agreed by',
    description:
      'Expressed agreement with a counterpart (or its proposals), or agreed on something at an event; the summary says on what.',
    attributes: { ...when, summary },
    triggers: {
      vi: ['nhất trí', 'thống nhất', 'đồng ý', 'đồng tình', 'tán thành', 'thỏa thuận', 'ủng hộ'],
      nl: ['overeen', 'instem', 'stemde in', 'stemden in', 'akkoord', 'eens', 'onderschre', 'afgesproken', 'afspraken'],
      de: ['einigten', 'geeinigt', 'einig', 'zustimm', 'stimmte zu', 'stimmten zu', 'vereinbar', 'übereinkunft', 'übereingekommen', 'befürwort'],
      en: ['agree', 'endorse', 'concur', 'consent'],
    },
    plover: { type: 'AGREE' },
  },
  ADDRESSED: {
    from: ['Person', 'Organization'],
    to: ['Event'],
    label: 'addressed',
    reverse: 'addressed by',
    description: 'Gave a speech at an event: an opening or closing speech, or a speech in it.',
    attributes: {
      date: { type: 'date' },
      role: { type: 'choice', values: ['opening-speech', 'speech', 'closing-speech'], default: 'speech' },
      summary: { type: 'text', minLength: 8 },
    },
    triggers: {
      vi: ['phát biểu', 'diễn văn', 'khai mạc', 'bế mạc', 'nhấn mạnh', 'khẳng định'],
      nl: ['openingsrede', 'slotrede', 'rede', 'toespraak', 'speech', 'spreekt', 'sprak', 'benadrukte', 'bevestigde'],
      de: ['eröffnungsrede', 'schlussrede', 'rede', 'ansprache', 'spricht', 'sprach', 'betonte', 'bekräftigte'],
      en: ['speech', 'address', 'spoke', 'speaks', 'remarks', 'stressed'],
    },
    // PLOVER has no category for a statement alone; a speech at a meeting is part of the consultation.
    plover: { type: 'CONSULT' },
  },
  PRESENTED: {
    from: ['Person', 'Organization', 'Place'],
    to: ['Event'],
    label: 'presented',
    reverse: 'presented by',
    description: 'Presented papers, reports or achievements at an event; the summary says what.',
    attributes: { date: when.date, summary },
    triggers: {
      vi: ['trình bày', 'giới thiệu', 'báo cáo', 'tham luận'],
      nl: ['presenteer', 'gepresenteerd', 'toegelicht', 'toelicht', 'rapporteer'],
      de: ['präsentier', 'stellte', 'vorgestellt', 'vorzustellen', 'berichtet'],
      en: ['present', 'introduc', 'report'],
    },
    plover: { type: 'CONSULT' },
  },
  GAVE: {
    from: ['Person', 'Organization', 'Place'],
    to: ['Person', 'Organization', 'Place'],
    label: 'gave',
    reverse: 'received from',
    description: 'Handed something over to a counterpart; the summary says what (a commemorative gift, flowers).',
    attributes: { ...when, summary },
    triggers: {
      vi: ['trao', 'tặng', 'trao tặng', 'quà', 'tặng hoa', 'tặng quà'],
      nl: ['overhandig', 'schonk', 'geschonken', 'gaf', 'geschenk', 'cadeau', 'bood'],
      de: ['überreich', 'übergab', 'übergeben', 'schenkt', 'geschenk', 'gab'],
      en: ['gave', 'given', 'handed', 'gift', 'presented'],
    },
    // PLOVER's AID is material; a gift of courtesy is a diplomatic gesture, which PLOVER codes SUPPORT.
    plover: { type: 'SUPPORT' },
  },
  RECOGNISED: {
    from: ['Place', 'Organization'],
    to: ['Place', 'Organization'],
    label: 'recognised',
    reverse: 'recognised by',
    description: 'Established diplomatic relations with, or recognised, another state; the summary says how.',
    attributes: { date: when.date, summary },
    triggers: {
      vi: ['công nhận', 'thiết lập quan hệ ngoại giao', 'lập quan hệ ngoại giao', 'quan hệ ngoại giao'],
      nl: ['diplomatieke betrekkingen', 'diplomatieke relaties', 'erken', 'aanknoop', 'aangeknoopt'],
      de: ['diplomatische beziehungen', 'anerkann', 'anerkenn', 'aufnahm', 'aufgenommen'],
      en: ['recogni', 'diplomatic relations', 'diplomatic ties'],
    },
    // PLOVER: recognising a state and starting diplomatic ties are SUPPORT.
    plover: { type: 'SUPPORT' },
  },
  JOINT_BODY_OF: {
    from: ['Organization', 'Event'],
    to: ['Place', 'Organization'],
    label: 'joint body of',
    reverse: 'party to joint body',
    description: 'A joint body, programme or mechanism, and a party it joins; one record per party.',
    attributes: {},
    triggers: null,
    plover: null,
  },
  MEASURES: {
    from: ['Figure'],
    to: ['Place', 'Organization', 'Agreement', 'Event'],
    label: 'measures',
    reverse: 'measured by',
    description:
      'Whose figure it is (subject), the other side of a bilateral figure (counterpart), or the whole a share or rank is taken of (scope).',
    attributes: { role: { type: 'choice', values: MEASURE_ROLES, required: true } },
    triggers: null,
    plover: null,
  },
} as const satisfies Record<string, RelationDeclaration>;

/** The declarations with their literal types, for types derived from them. */
export type RelationDeclarations = typeof declarations;
export type RelationType = keyof RelationDeclarations;

export const RELATION_DECLARATIONS: Readonly<Record<RelationType, RelationDeclaration>> = declarations;
export const RELATION_TYPES = Object.freeze(Object.keys(declarations) as [RelationType, ...RelationType[]]);

/** Types an article states by apposition or context, without a verb of their own: no triggers, no event category. */
export const isStructural = (type: RelationType): boolean => RELATION_DECLARATIONS[type].triggers === null;

/**
 * What makes an occasion two people met at (/meetings): taking part in one event, or a MET relation.
 * These relations take part in their target when it is an Event; co-chairing a standing body (an
 * Organization) is no occasion.
 */
export const PARTICIPATION_RELATIONS = [
  'CO_CHAIRED',
  'ATTENDED',
  'HOSTED',
  'WITNESSED',
  'ADDRESSED',
  'PRESENTED',
] as const satisfies readonly RelationType[];

/** Acts on a document whose occasion is the event it was signed at (its SIGNED_AT), when they name none. */
export const SIGNING_RELATIONS = ['SIGNED', 'WITNESSED'] as const satisfies readonly RelationType[];

/** Acts whose occasion is the event their `event` attribute names. */
export const ACTS_AT_EVENT = ['SIGNED', 'WITNESSED', 'GAVE', 'AGREED'] as const satisfies readonly RelationType[];

/** Every relation that can place a person at an occasion. */
export const MEETING_RELATIONS = [...new Set([...PARTICIPATION_RELATIONS, ...SIGNING_RELATIONS, ...ACTS_AT_EVENT])] as readonly RelationType[];

export function isAllowedBetween(type: RelationType, from: EntityType, to: EntityType): boolean {
  const d = RELATION_DECLARATIONS[type];
  return d.from.includes(from) && d.to.includes(to);
}
