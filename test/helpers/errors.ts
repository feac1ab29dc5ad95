// Assertions on the errors a Trebuchet API call fails with.

/**
 * Awaits `promise`, expects it to reject with a GraphQLRequestError (or anything with `code` and
 * `message`) whose code is `code`, and returns its message and the first GraphQL error's extensions.
 */
export async function expectCode(promise: Promise<unknown>, code: string): Promise<{ message: string; extensions: Record<string, unknown> }> {
  const err = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; message: string; errors?: { extensions?: Record<string, unknown> }[] } | null;
  expect(err).not.toBeNull();
  expect({ code: err?.code, message: err?.message }).toEqual({ code, message: expect.any(String) });
  return { message: err?.message ?? '', extensions: err?.errors?.[0]?.extensions ?? {} };
}
