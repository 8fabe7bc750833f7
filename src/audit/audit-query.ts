/** What an audit source is asked for. */
export interface AuditQuery {
  /** Every request id of the run starts with this. */
  idPrefix: string;
  /** Epoch ms the run started; audit records are no older. */
  sinceMs: number;
}
