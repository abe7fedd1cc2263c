/** Errors raised on purpose; their messages are written for library patrons. */
export class LibraryError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}
