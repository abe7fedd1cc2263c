/**
 * Errors the API raises on purpose. Their messages are written for clients.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'error',
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, `${what} not found`, 'not_found');
export const forbidden = (): HttpError => new HttpError(403, 'You are not allowed to do that', 'forbidden');
