/** Why a load failed; on every one of them the previously active generation is still served. */

export class LoadError extends Error {
  override name = 'LoadError';
}

/** The graph breaks a rule of the store; nothing was written. */
export class GraphValidationError extends Error {
  override name = 'GraphValidationError';
  constructor(readonly issues: string[], readonly total: number) {
    super(`the graph is not loadable (${total} problem${total === 1 ? '' : 's'}); nothing was written:\n  ${issues.join('\n  ')}${total > issues.length ? `\n  ... and ${total - issues.length} more` : ''}`);
  }
}

/** Another process holds the dataset's lease. */
export class DatasetBusyError extends Error {
  override name = 'DatasetBusyError';
}

export const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
