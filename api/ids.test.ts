import { decodeCursor, encodeCursor, fromGlobalId, pageSize, toGlobalId } from './ids';

describe('global IDs', () => {
  test('round-trip and reject what is not ours', () => {
    const id = '7498c641-5601-4d1b-ad71-d651b4865dae';
    expect(fromGlobalId(toGlobalId('Model', id))).toEqual({ type: 'Model', id });
    expect(fromGlobalId(toGlobalId('ModelVersion', id))).toEqual({ type: 'ModelVersion', id });
    expect(fromGlobalId(Buffer.from(`User:${id}`).toString('base64url'))).toBeNull();
    expect(fromGlobalId(Buffer.from('Model:not-a-uuid').toString('base64url'))).toBeNull();
    expect(fromGlobalId('%%%')).toBeNull();
  });
});

describe('cursors', () => {
  test('round-trip; a cursor of another connection or type is BAD_USER_INPUT', () => {
    expect(decodeCursor('models', encodeCursor('models', 'abc'), 'string')).toBe('abc');
    expect(decodeCursor('versions', encodeCursor('versions', 7), 'number')).toBe(7);
    expect(() => decodeCursor('versions', encodeCursor('models', 'abc'), 'number')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => decodeCursor('models', encodeCursor('models', 3), 'string')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => decodeCursor('models', 'garbage!', 'string')).toThrow('malformed cursor');
  });

  test('page sizes default, and are bounded', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null, 5)).toBe(5);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => pageSize(-1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
