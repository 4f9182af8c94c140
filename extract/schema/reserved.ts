/** Node and relationship properties the store sets itself; a curated property may not use these names. */
export const RESERVED_NODE_KEYS = ['graph', 'id', 'name', 'kind', 'unnamed', 'aliasNames', 'aliasLangs', 'searchNames', 'evidence', 'articleIds', 'labels'] as const;
export const RESERVED_EDGE_KEYS = ['graph', 'id', 'evidence', 'articleIds', 'type', 'source', 'target'] as const;
