/**
 * The domain's declarations the explorer needs at run time: the entity and relation types in their
 * declared order, and what labels a reader sees. They come from extract's declaration modules, which
 * import no code (tests/web/imports.test.ts holds them to that); this is the one place the explorer
 * reads them.
 */
export { ENTITY_DECLARATIONS, ENTITY_TYPES } from '../../../extract/schema/entity-types.ts';
export { LANGUAGE_DECLARATIONS } from '../../../extract/schema/languages.ts';
export { RELATION_DECLARATIONS, RELATION_TYPES } from '../../../extract/schema/relation-types.ts';
