import type { EntityType } from './entity-types.ts';

/**
 * The vocabulary entity and relation declarations describe their properties in. It is data, so the
 * declarations import no validation library and the explorer may bundle them; the zod schemas are
 * derived from it (property-schemas.ts).
 */
export type PropertyDeclaration =
  /** An ISO 8601 date whose precision is its length; the graph stores that precision beside it. */
  | { type: 'date'; required?: true; description?: string; /** Another date property this one needs and must not precede. */ notBefore?: string }
  | { type: 'text'; required?: true; minLength?: number; description?: string }
  /** A whole number from 1, e.g. the edition of a recurring event. */
  | { type: 'ordinal'; required?: true; description?: string }
  /** The id of an entity of the given type. */
  | { type: 'entity'; entityType: EntityType; required?: true; description?: string }
  /** One of a fixed list; `default` when absent. */
  | { type: 'choice'; values: readonly [string, ...string[]]; default?: string; description?: string };

export type PropertyDeclarations = Readonly<Record<string, PropertyDeclaration>>;

type ValueOf<P> = P extends { type: 'ordinal' } ? number : P extends { type: 'choice'; values: readonly (infer V)[] } ? V : string;
type Present<P> = P extends { required: true } ? true : P extends { default: string } ? true : false;

/** The values a record holds for declared properties: required ones (and ones with a default) always. */
export type PropertyValues<Ps> = { [K in keyof Ps as Present<Ps[K]> extends true ? K : never]: ValueOf<Ps[K]> } & {
  [K in keyof Ps as Present<Ps[K]> extends true ? never : K]?: ValueOf<Ps[K]>;
};

/** The keys of the declared date properties, whose values get a `<key>Precision` sibling in the graph. */
export function dateKeys(properties: PropertyDeclarations): string[] {
  return Object.keys(properties).filter((key) => properties[key]?.type === 'date');
}
