const CHUNK_VALUES = 8192;

/**
 * A column of unsigned 32-bit values by index, grown chunk by chunk (8 192 values, 32 KB):
 * 4 bytes a value, where a number[] of the same takes 8 and an array of objects ≈ 100.
 * Unset indexes read 0.
 */
export class UintColumn {
  private readonly chunks: Uint32Array[] = [];

  set(index: number, value: number): void {
    const c = Math.floor(index / CHUNK_VALUES);
    while (this.chunks.length <= c) this.chunks.push(new Uint32Array(CHUNK_VALUES));
    this.chunks[c][index % CHUNK_VALUES] = value;
  }

  get(index: number): number {
    const chunk = this.chunks[Math.floor(index / CHUNK_VALUES)];
    return chunk === undefined ? 0 : chunk[index % CHUNK_VALUES];
  }

  /** Bytes the column holds. */
  get bytes(): number {
    return this.chunks.length * CHUNK_VALUES * 4;
  }
}
