// The one error formatter: domain errors (and Prisma's known codes) become GraphQL errors with
// `extensions.code`; anything unexpected is logged and masked as INTERNAL_SERVER_ERROR. Apollo
// (HTTP) and graphql-ws (WebSocket) both call `formatError`, so clients see the same shape.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, isDomainError } from '../engines/errors';
import { Prisma } from './db';

/** Codes Apollo and graphql-js produce themselves for malformed documents and variables. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Maps Prisma's known request errors to domain errors; null for anything else. */
function fromPrisma(err: unknown): DomainError | null {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return null;
  switch (err.code) {
    case 'P2002':
      return new DomainError('CONFLICT', 'a record with the same unique value already exists');
    case 'P2025':
    case 'P2001':
      return new DomainError('NOT_FOUND', 'the record was not found');
    case 'P2003':
      return new DomainError('CONFLICT', 'the change would break a reference between records');
    default:
      return null;
  }
}

/** The error a resolver threw, whatever wrapped it on the way. */
function originalOf(err: unknown): unknown {
  let e = err;
  for (let i = 0; i < 5 && e instanceof GraphQLError && e.originalError; i++) e = e.originalError;
  return e;
}

export function makeFormatError(log: Logger) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = originalOf(error);
    const domain = isDomainError(original) ? original : fromPrisma(original);
    if (domain) {
      return {
        message: domain.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...domain.details, code: domain.code },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
    // A GraphQLError raised by graphql-js itself (variable coercion, etc.) is the client's fault.
    if (original instanceof GraphQLError && !original.originalError && !code) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** Formats the errors of a result that bypassed Apollo (graphql-ws). */
export function formatErrors(errors: readonly GraphQLError[], formatError: ReturnType<typeof makeFormatError>): GraphQLFormattedError[] {
  return errors.map((e) => formatError(e.toJSON(), e));
}
