// A small typed GraphQL client over fetch (JSON, and multipart for uploads) used by the CLI,
// tests and examples with the documents generated into client/gql/.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export { graphql } from './gql';

/** A GraphQL error answered by the server, with its `extensions.code`. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly errors: { message: string; extensions?: Record<string, unknown> }[],
    readonly status: number,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

export interface UploadFile {
  /** Variable path of the Upload, e.g. `input.artifact`. */
  path: string;
  data: Uint8Array;
  filename: string;
}

export class TrebuchetClient {
  constructor(
    readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** Runs a query or mutation; throws GraphQLRequestError when the answer has errors. */
  async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables, files: UploadFile[] = []): Promise<TResult> {
    const body = await this.raw(document, variables, files);
    if (body.errors?.length) {
      const first = body.errors[0] as { message: string; extensions?: Record<string, unknown> };
      throw new GraphQLRequestError(first.message, String(first.extensions?.code ?? 'UNKNOWN'), body.errors, body.status);
    }
    return body.data as TResult;
  }

  /** Runs an operation and returns the whole response (data, errors and HTTP status). */
  async raw<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables> | string,
    variables?: TVariables,
    files: UploadFile[] = [],
  ): Promise<{ data?: TResult | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; status: number }> {
    const query = typeof document === 'string' ? document : print(document);
    let res: Response;
    try {
      if (files.length === 0) {
        res = await fetch(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...this.headers },
          body: JSON.stringify({ query, variables: variables ?? {} }),
        });
      } else {
        // GraphQL multipart request spec: operations, map, then the files.
        const form = new FormData();
        form.append('operations', JSON.stringify({ query, variables: variables ?? {} }));
        form.append('map', JSON.stringify(Object.fromEntries(files.map((f, i) => [String(i), [`variables.${f.path}`]]))));
        files.forEach((f, i) => form.append(String(i), new Blob([f.data]), f.filename));
        // Apollo's CSRF prevention refuses multipart requests without this header.
        res = await fetch(this.url, { method: 'POST', headers: { 'apollo-require-preflight': 'true', ...this.headers }, body: form });
      }
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause;
      throw new GraphQLRequestError(`cannot reach ${this.url}${cause?.code ? ` (${cause.code})` : ''}; is the server running?`, 'UNREACHABLE', [], 0);
    }
    const text = await res.text();
    try {
      return { ...(JSON.parse(text) as object), status: res.status };
    } catch {
      throw new GraphQLRequestError(`${this.url} answered HTTP ${res.status} with a body that is not JSON`, 'BAD_RESPONSE', [], res.status);
    }
  }
}
