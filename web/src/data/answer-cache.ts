/**
 * Answers by request: one call per request, whose promise every later caller shares; a call that
 * failed is forgotten, so the next caller asks again.
 */
export class AnswerCache<Request, Answer> {
  private readonly answers = new Map<string, Promise<Answer>>();

  constructor(
    /** The same string for requests that ask the same thing. */
    private readonly keyOf: (request: Request) => string,
    private readonly ask: (request: Request) => Promise<Answer>,
  ) {}

  get(request: Request): Promise<Answer> {
    const key = this.keyOf(request);
    let pending = this.answers.get(key);
    if (!pending) {
      pending = this.ask(request);
      this.answers.set(key, pending);
      pending.catch(() => this.answers.delete(key));
    }
    return pending;
  }
}
