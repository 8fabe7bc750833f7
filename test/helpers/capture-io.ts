/** A stand-in for process.stdout/stderr that a CLI command writes to, with what it wrote. */
export function capture() {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      stdout: { write: (s: string) => ((stdout += s), true) },
      stderr: { write: (s: string) => ((stderr += s), true) },
    },
    out: () => stdout,
    err: () => stderr,
  };
}
