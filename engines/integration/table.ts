// Combine's data model, shared with Purpose (engines/pipeline/): typed fields and column-major
// record batches. Glossary:
//   Value       one cell: string, number (int, float, or a timestamp as epoch milliseconds), boolean, or null
//   Field       a column's name and declared or inferred type
//   RecordBatch up to a few tens of thousands of rows, column-major: columns[f][row]
//   Table       all batches of a source, when it must be held (the build side of a join)

export type FieldType = 'string' | 'int' | 'float' | 'bool' | 'timestamp';
export type Value = string | number | boolean | null;

export interface Field {
  name: string;
  type: FieldType;
}

export interface Schema {
  fields: Field[];
}

export interface RecordBatch {
  schema: Schema;
  /** columns[i] holds field i's values, one per row. */
  columns: Value[][];
  length: number;
}

/** The index of a field by name, or −1. */
export function fieldIndex(schema: Schema, name: string): number {
  return schema.fields.findIndex((f) => f.name === name);
}

/** The order of values in sorts: nulls last, numbers by value, everything else as strings. */
export function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
