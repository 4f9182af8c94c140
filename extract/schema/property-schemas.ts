import { z } from 'zod';
import { IsoDate, Slug } from './common.ts';
import type { PropertyDeclaration, PropertyDeclarations } from './properties.ts';

/** The zod schema of one declared property: present when required or defaulted, optional otherwise. */
function propertySchema(p: PropertyDeclaration): z.ZodType {
  if (p.type === 'choice') {
    const choice = z.enum(p.values as [string, ...string[]]);
    return p.default === undefined ? choice.optional() : choice.default(p.default);
  }
  const value =
    p.type === 'date'
      ? IsoDate
      : p.type === 'entity'
        ? Slug
        : p.type === 'ordinal'
          ? z.number().int().positive()
          : p.minLength === undefined
            ? z.string()
            : z.string().min(p.minLength);
  return p.required ? value : value.optional();
}

/** The zod shape of declared properties, in their declared order. */
export function declaredShape(properties: PropertyDeclarations): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(properties).map(([key, p]) => [key, propertySchema(p)]));
}

/** A strict object of `shape` that also holds the declared order of dates (an event's endDate after its date). */
export function declaredObject(shape: Record<string, z.ZodType>, properties: PropertyDeclarations): z.ZodType<Record<string, unknown>, unknown> {
  let schema: z.ZodType<Record<string, unknown>, unknown> = z.object(shape).strict();
  for (const [key, p] of Object.entries(properties)) {
    if (p.type !== 'date' || p.notBefore === undefined) continue;
    const earlier = p.notBefore;
    schema = schema.refine(
      (r) => r[key] === undefined || (typeof r[earlier] === 'string' && String(r[key]) >= r[earlier]),
      { message: `${key} needs a ${earlier} and must not be before it`, path: [key] },
    );
  }
  return schema;
}
