import type { EntityType } from './entity-types.ts';

/**
 * The vocabulary entity and relation declarations describe their properties in. It is data, so the
 * declarations import no validation library and the explorer may bundle them; the zod schemas are
 * derived from it (property-schemas.ts).
 */
export type PropertyDeclaration =
  /** An ISO 8601 date whose precision is its length; the graph stores that precision beside it. */
  | { type: 'date'; required?: true; description?: string; /** Another date property this one needs and must not precede. */ notBefore?: string }
  /** A date at any precision, or a range of two such dates written `start/end` ("2025/2027"). */
  | { type: 'period'; required?: true; description?: string }
  | { type: 'text'; required?: true; minLength?: number; description?: string }
  /** A whole number from 1, e.g. the edition of a recurring event. */
  | { type: 'ordinal'; required?: true; description?: string }
  /** Any finite number, e.g. an amount as an article states it. */
  | { type: 'number'; required?: true; description?: string }
  /** true or false; absent and false mean the same. */
  | { type: 'flag'; description?: string }
  /** The id of an entity of the given type. */
  | { type: 'entity'; entityType: EntityType; required?: true; description?: string }
  /** One of a fixed list; `default` when absent. */
  | { type: 'choice'; values: readonly [string, ...string[]]; default?: string; required?: true; description?: string }
  /**
   * A few properties written together in the curation (`change: { value, unit, basis }`); the graph
   * holds them flattened, as `changeValue`, `changeUnit`, `changeBasis`, since its values are scalars.
   */
  | { type: 'group'; properties: Readonly<Record<string, ScalarDeclaration>>; required?: true; description?: string };

/** A property a group may hold: any but another group. */
export type ScalarDeclaration = Exclude<PropertyDeclaration, { type: 'group' }>;

export type PropertyDeclarations = Readonly<Record<string, PropertyDeclaration>>;

/**
 * A rule across a record's properties: exactly one of (or at least one of) some keys present, keys
 * allowed only beside another, or two dates in order. A flag that is false counts as absent.
 */
export type PropertyRule =
  | { exactlyOne: readonly [string, string, ...string[]] }
  | { atLeastOne: readonly [string, string, ...string[]] }
  | { onlyWith: string; keys: readonly [string, ...string[]] }
  | { ordered: readonly [string, string] };

type ValueOf<P> = P extends { type: 'ordinal' | 'number' }
  ? number
  : P extends { type: 'flag' }
    ? boolean
    : P extends { type: 'choice'; values: readonly (infer V)[] }
      ? V
      : P extends { type: 'group'; properties: infer G }
        ? PropertyValues<G>
        : string;
type Present<P> = P extends { required: true } ? true : P extends { default: string } ? true : false;

/** The values a record holds for declared properties: required ones (and ones with a default) always. */
export type PropertyValues<Ps> = { [K in keyof Ps as Present<Ps[K]> extends true ? K : never]: ValueOf<Ps[K]> } & {
  [K in keyof Ps as Present<Ps[K]> extends true ? never : K]?: ValueOf<Ps[K]>;
};

/** The keys of the declared date properties, whose values get a `<key>Precision` sibling in the graph. */
export function dateKeys(properties: PropertyDeclarations): string[] {
  return Object.keys(properties).filter((key) => properties[key]?.type === 'date');
}

/** The keys whose values are written as dates in the curation (dates and periods): YAML reads `2024` as a number. */
export function dateLikeKeys(properties: PropertyDeclarations): string[] {
  return Object.keys(properties).filter((key) => properties[key]?.type === 'date' || properties[key]?.type === 'period');
}

/** The graph's name of a property inside a group: `change` + `value` → `changeValue`. */
export function flatKey(group: string, key: string): string {
  return `${group}${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}
