/**
 * The ledger's columns: one typed array per field, in file order. Adding a column (say a
 * journey step) is one line here and one store in LedgerRows.push; writer and reader take
 * their layout from this list.
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

type Columns = (typeof COLUMNS)[number];
export type ColumnName = Columns['name'];

/** One chunk of rows: a typed array per column, each of its own type. */
export type ColumnChunk = {
  [C in Columns as C['name']]: InstanceType<C['type']>;
};

/** Bytes one row takes on disk (the sum of the columns' element sizes). */
export const ROW_BYTES = COLUMNS.reduce((sum, c) => sum + c.type.BYTES_PER_ELEMENT, 0);

/**
 * A chunk of `rows` empty rows. Built on a plain object, columns added in one order, so every
 * chunk has the same shape and the hot path's stores stay monomorphic.
 */
export function newColumnChunk(rows: number): ColumnChunk {
  const chunk: Record<string, unknown> = {};
  for (const column of COLUMNS) chunk[column.name] = new column.type(rows);
  return chunk as ColumnChunk;
}
