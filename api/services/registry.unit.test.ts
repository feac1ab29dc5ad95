import { applyTagChanges, validateModelName } from './registry';

describe('model names', () => {
  test.each(['iris', 'resnet-50', 'a.b_c-d', '0day', 'x'.repeat(128)])('%s is valid', (name) => {
    expect(() => validateModelName(name)).not.toThrow();
  });
  test.each(['', 'Iris', '-x', '.x', 'a b', 'a/b', 'x'.repeat(129), 'é'])('"%s" is BAD_USER_INPUT', (name) => {
    expect(() => validateModelName(name)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('tag changes', () => {
  test('set, overwrite, remove with null, keys sorted', () => {
    expect(applyTagChanges({ b: '1', a: '0' }, [{ key: 'c', value: '2' }, { key: 'a', value: null }, { key: 'b', value: 'x' }])).toEqual({ b: 'x', c: '2' });
    expect(Object.keys(applyTagChanges({}, [{ key: 'z', value: '1' }, { key: 'a', value: '2' }]))).toEqual(['a', 'z']);
  });
  test('replace drops keys not listed', () => {
    expect(applyTagChanges({ a: '1', b: '2' }, [{ key: 'c', value: '3' }], true)).toEqual({ c: '3' });
  });
  test('bad keys, values and duplicates are BAD_USER_INPUT', () => {
    expect(() => applyTagChanges({}, [{ key: '', value: 'x' }])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => applyTagChanges({}, [{ key: 'k', value: 'v'.repeat(1025) }])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => applyTagChanges({}, [{ key: 'k', value: '1' }, { key: 'k', value: '2' }])).toThrow('given twice');
  });
});
