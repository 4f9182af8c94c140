/** One thing wrong with the seeds or the curation, located by file and record. */
export interface Problem {
  /** the file, relative to its root and prefixed with it: `curation/people.yaml`, `seeds/x.md` */
  file: string;
  /** the record id (or `#index` in its section when it has none), or `-` for the file as a whole */
  record: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.record}: ${p.message}`;
}

/** Thrown by compileCorpus (and the readers) when the input does not pass the check. */
export class CurationCheckError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(
      `curation check failed with ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'CurationCheckError';
    this.problems = problems;
  }
}

/** zod issues as readable lines: `path.to.field: message`. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
}
