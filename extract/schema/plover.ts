/**
 * The event categories of PLOVER (Political Language Ontology for Verifiable Event Records, the Open
 * Event Data Alliance's successor to CAMEO), with the modes each defines, as the PLOVER manual's draft
 * version 2.0 lists them. A relation type names the category its facts would be coded as, so the graph
 * can be compared with, or exported to, event data. It imports no code, so the explorer bundles it.
 */
export const PLOVER_MODES = {
  AGREE: [],
  CONSULT: ['visit', 'third-party', 'multilateral', 'phone'],
  SUPPORT: [],
  CONCEDE: [],
  COOPERATE: [],
  AID: [],
  RETREAT: ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'],
  REQUEST: ['assist', 'change', 'yield', 'meet'],
  ACCUSE: ['disapprove', 'investigate', 'allege'],
  REJECT: ['assist', 'change', 'yield', 'meet'],
  THREATEN: ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'],
  PROTEST: ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct', 'vandalize'],
  SANCTION: ['convict', 'expel', 'withdraw', 'discontinue'],
  MOBILIZE: ['troops', 'weapons', 'police', 'militia'],
  COERCE: ['seize', 'restrict', 'censor', 'curfew', 'martial-law', 'arrest', 'deport', 'withhold', 'misinformation', 'cyber'],
  ASSAULT: [
    'abduct',
    'beat',
    'torture',
    'sexual',
    'targeted',
    'destroy',
    'primitive',
    'firearms',
    'explosives',
    'suicide-attack',
    'aerial',
    'drone',
    'heavy-weapons',
    'crowd-control',
    'unconventional',
  ],
} as const satisfies Record<string, readonly string[]>;

export type PloverType = keyof typeof PLOVER_MODES;
export const PLOVER_TYPES = Object.freeze(Object.keys(PLOVER_MODES) as [PloverType, ...PloverType[]]);

/** A PLOVER event type, with one of its modes where one applies. */
export type PloverCategory = { [T in PloverType]: { type: T; mode?: (typeof PLOVER_MODES)[T][number] } }[PloverType];
