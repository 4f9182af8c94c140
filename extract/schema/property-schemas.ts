import { z } from 'zod';
import { IsoDate, IsoPeriod, Slug } from './common.ts';
import type { PropertyDeclaration, PropertyDeclarations, PropertyRule } from './properties.ts';

function valueSchema(p: Exclude<PropertyDeclaration, { type: 'choice' | 'group' }>): z.ZodType {
  switch (p.type) {
    case 'date':
      return IsoDate;
    case 'period':
      return IsoPeriod;
    case 'entity':
      return Slug;
    case 'ordinal':
      return z.number().int().positive();
    case 'number':
      return z.number().finite();
    case 'flag':
      return z.boolean();
    case 'text':
      return p.minLength === undefined ? z.string() : z.string().min(p.minLength);
  }
}

/** The zod schema of one declared property: present when required or defaulted, optional otherwise. */
function propertySchema(p: PropertyDeclaration): z.ZodType {
  if (p.type === 'choice') {
    const choice = z.enum(p.values as [string, ...string[]]);
    return p.default !== undefined ? choice.default(p.default) : p.required ? choice : choice.optional();
  }
  const value = p.type === 'group' ? z.object(declaredShape(p.properties)).strict() : valueSchema(p);
  return 'required' in p && p.required ? value : value.optional();
}

/** The zod shape of declared properties, in their declared order. */
export function declaredShape(properties: PropertyDeclarations): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(properties).map(([key, p]) => [key, propertySchema(p)]));
}

const present = (value: unknown) => value !== undefined && value !== false;
const listed = (keys: readonly string[]) => keys.join(', ');

/** The message of a broken rule, or undefined when the record keeps it. */
function breach(rule: PropertyRule, r: Record<string, unknown>): { message: string; path: string } | undefined {
  if ('exactlyOne' in rule) {
    const given = rule.exactlyOne.filter((key) => present(r[key]));
    return given.length === 1 ? undefined : { message: `needs exactly one of ${listed(rule.exactlyOne)}${given.length ? ` (has ${listed(given)})` : ''}`, path: rule.exactlyOne[0] };
  }
  if ('atLeastOne' in rule) {
    return rule.atLeastOne.some((key) => present(r[key])) ? undefined : { message: `needs at least one of ${listed(rule.atLeastOne)}`, path: rule.atLeastOne[0] };
  }
  if ('onlyWith' in rule) {
    const stray = rule.keys.find((key) => present(r[key]));
    return stray === undefined || present(r[rule.onlyWith]) ? undefined : { message: `${stray} is allowed only with ${rule.onlyWith}`, path: stray };
  }
  const [earlier, later] = rule.ordered;
  const a = r[earlier];
  const b = r[later];
  if (typeof a !== 'string' || typeof b !== 'string') return undefined;
  // Dates compare at the coarser precision of the two: 1969 is not before 1969-09.
  return b.slice(0, a.length) >= a.slice(0, b.length) ? undefined : { message: `${later} must not be before ${earlier}`, path: later };
}

/**
 * A strict object of `shape` that also holds the declared order of dates (an event's endDate after its
 * date) and the declaration's rules across properties.
 */
export function declaredObject(
  shape: Record<string, z.ZodType>,
  properties: PropertyDeclarations,
  rules: readonly PropertyRule[] = [],
): z.ZodType<Record<string, unknown>, unknown> {
  let schema: z.ZodType<Record<string, unknown>, unknown> = z.object(shape).strict();
  for (const [key, p] of Object.entries(properties)) {
    if (p.type !== 'date' || p.notBefore === undefined) continue;
    const earlier = p.notBefore;
    schema = schema.refine(
      (r) => r[key] === undefined || (typeof r[earlier] === 'string' && String(r[key]) >= r[earlier]),
      { message: `${key} needs a ${earlier} and must not be before it`, path: [key] },
    );
  }
  if (rules.length === 0) return schema;
  return schema.superRefine((r, ctx) => {
    for (const rule of rules) {
      const broken = breach(rule, r);
      if (broken) ctx.addIssue({ code: 'custom', message: broken.message, path: [broken.path] });
    }
  });
}
