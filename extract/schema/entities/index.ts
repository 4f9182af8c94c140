import type { z } from 'zod';
import type { EntityType } from '../entity-types.ts';
import { AgreementRecord } from './agreement.ts';
import { EventRecord } from './event.ts';
import { OrganizationRecord } from './organization.ts';
import { PersonRecord } from './person.ts';
import { PlaceRecord } from './place.ts';

export { AgreementRecord, EventRecord, OrganizationRecord, PersonRecord, PlaceRecord };

export type EntityRecord = PersonRecord | PlaceRecord | OrganizationRecord | AgreementRecord | EventRecord;

/** The sections of a curation file that hold entities, and the type and schema of each. */
export const ENTITY_SECTIONS = {
  people: { type: 'Person', schema: PersonRecord },
  places: { type: 'Place', schema: PlaceRecord },
  organizations: { type: 'Organization', schema: OrganizationRecord },
  agreements: { type: 'Agreement', schema: AgreementRecord },
  events: { type: 'Event', schema: EventRecord },
} as const satisfies Record<string, { type: EntityType; schema: z.ZodType }>;
export type EntitySection = keyof typeof ENTITY_SECTIONS;
export const ENTITY_SECTION_NAMES = Object.keys(ENTITY_SECTIONS) as EntitySection[];

/** The display name of a record: an agreement's title, every other record's name. */
export function displayName(record: EntityRecord): string {
  return 'title' in record ? record.title : record.name;
}
