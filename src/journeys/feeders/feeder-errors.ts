import { StressError } from '../../errors.js';

/** A feeder's source cannot be used: missing or unreadable file, bad CSV/JSON, no records. */
export class FeederSourceError extends StressError {
  /** The file path, or `"array"` for records given inline. */
  readonly source: string;
  /** 1-based line of the file at fault, when known. */
  readonly line: number | undefined;
  constructor(source: string, problem: string, line?: number, cause?: unknown) {
    const where = line === undefined ? '' : ` (line ${line})`;
    super('ERR_STRESS_FEEDER_SOURCE', `feeder source ${source}${where}: ${problem}`, { cause });
    this.name = 'FeederSourceError';
    this.source = source;
    this.line = line;
  }
}

/** Every record was handed out and the feeder was told `onExhausted: 'error'`. */
export class FeederExhaustedError extends StressError {
  readonly size: number;
  readonly userIndex: number;
  constructor(size: number, userIndex: number, scope: string) {
    super(
      'ERR_STRESS_FEEDER_EXHAUSTED',
      `feeder exhausted: all ${size} records of ${scope} were handed out (user ${userIndex}); ` +
        `pass onExhausted: 'recycle' or 'stop', or give more records`,
    );
    this.name = 'FeederExhaustedError';
    this.size = size;
    this.userIndex = userIndex;
  }
}
