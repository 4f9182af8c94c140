import { fileURLToPath } from 'node:url';

/** The repository's own folders, the defaults of check and compile. */
export const DEFAULT_SEEDS_DIR = fileURLToPath(new URL('../seeds/', import.meta.url));
export const DEFAULT_CURATION_DIR = fileURLToPath(new URL('./curation/', import.meta.url));

export interface CorpusDirs {
  /** the folder of article files (`<article-id>.md` with YAML front matter) */
  seedsDir?: string;
  /** the folder of curation YAML files (searched recursively) */
  curationDir?: string;
}
