import { z } from 'zod';
import { Alias, Evidence, Slug } from './common.ts';
import { ENTITY_DECLARATIONS, ENTITY_TYPES, type EntityDeclarations, type EntityType } from './entity-types.ts';
import type { PropertyValues } from './properties.ts';
import { declaredObject, declaredShape } from './property-schemas.ts';

/**
 * The schema of a curated entity record of each type, derived from its declaration. `evidence` holds
 * the quotes that support the record's own attributes (a date, an ordinal, an office named without a
 * name); links to other entities are relations, each with its own evidence.
 */
const sharedShape = {
  id: Slug,
  name: z.string().min(1),
  /** other spellings: with and without diacritics, per language, a Vietnamese reading vs pinyin */
  aliases: z.array(Alias).default([]),
  /** an actor known only by the office it holds; its name then describes the office */
  unnamed: z.boolean().default(false),
  description: z.string().min(3).optional(),
  /** curator's remark: an inference, a discrepancy between translations, a missing fact */
  note: z.string().min(3).optional(),
  evidence: z.array(Evidence).default([]),
};

type SharedFields = {
  id: string;
  aliases: Alias[];
  unnamed: boolean;
  description?: string;
  note?: string;
  evidence: Evidence[];
};
type NameOf<D> = D extends { nameProperty: string } ? unknown : { name: string };
type KindOf<D> = D extends { kinds: readonly (infer K)[] } ? { kind: K } : unknown;

type EntityRecordOf<T extends EntityType> = SharedFields &
  NameOf<EntityDeclarations[T]> &
  KindOf<EntityDeclarations[T]> &
  PropertyValues<EntityDeclarations[T]['properties']>;
export type EntityRecord = { [T in EntityType]: EntityRecordOf<T> }[EntityType];

function recordSchema(type: EntityType): z.ZodType<EntityRecord, unknown> {
  const { kinds, nameProperty, properties } = ENTITY_DECLARATIONS[type];
  const { name: _name, ...withoutName } = sharedShape;
  // A naming property takes the place of `name`, before the kind, as the curation files write it.
  const shape = {
    ...(nameProperty === undefined ? sharedShape : { ...withoutName, ...declaredShape({ [nameProperty]: properties[nameProperty]! }) }),
    ...(kinds === undefined ? {} : { kind: z.enum(kinds) }),
    ...declaredShape(properties),
  };
  return declaredObject(shape, properties) as unknown as z.ZodType<EntityRecord, unknown>;
}

/** The record schema of every entity type. */
export const ENTITY_RECORDS = Object.fromEntries(ENTITY_TYPES.map((type) => [type, recordSchema(type)])) as Record<
  EntityType,
  z.ZodType<EntityRecord, unknown>
>;

/** The sections of a curation file that hold entities, each with the type of its records. */
export const ENTITY_SECTIONS: ReadonlyMap<string, EntityType> = new Map(ENTITY_TYPES.map((type) => [ENTITY_DECLARATIONS[type].section, type]));

/** A record's fields by name, to read the properties its type declares. */
export const fieldsOf = (record: EntityRecord): Readonly<Record<string, unknown>> => record;

/** The display name of a record: its naming property (an agreement's title) or its name. */
export function displayName(type: EntityType, record: EntityRecord): string {
  return String(fieldsOf(record)[ENTITY_DECLARATIONS[type].nameProperty ?? 'name']);
}
