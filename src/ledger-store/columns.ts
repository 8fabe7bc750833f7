/**
 * The ledger's columns: one typed array per field, in file order. Adding a column (say a
 * journey step) is one line here; writer and reader take their layout from this list.
 */
export const COLUMNS = [
  { name: 'seq', type: Uint32Array },
  { name: 'outcome', type: Uint8Array },
  { name: 'status', type: Uint16Array },
  { name: 'scenario', type: Uint32Array },
  { name: 'text', type: Uint32Array },
  { name: 'latencyMs', type: Float64Array },
  { name: 'sentAtMs', type: Float64Array },
  { name: 'cause', type: Uint8Array },
] as const;

export type ColumnName = (typeof COLUMNS)[number]['name'];
type TypedArray = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** One chunk of rows: a typed array per column. */
export type ColumnChunk = Record<ColumnName, TypedArray>;

/** Bytes one row takes on disk (the sum of the columns' element sizes). */
export const ROW_BYTES = COLUMNS.reduce((sum, c) => sum + c.type.BYTES_PER_ELEMENT, 0);

/** A chunk of `rows` empty rows. */
export function newColumnChunk(rows: number): ColumnChunk {
  const chunk = Object.create(null) as ColumnChunk;
  for (const column of COLUMNS) chunk[column.name] = new column.type(rows);
  return chunk;
}
