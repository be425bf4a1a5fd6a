/**
 * Ctrl+C during a long run (pack, verify): instead of Node's default exit, which would leave a temporary file
 * behind, the run is told through an AbortSignal, stops at its next piece of work, cleans up and exits 130.
 */
export async function untilSigint<T>(job: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  const onSigint = () => ac.abort();
  process.on('SIGINT', onSigint);
  try {
    return await job(ac.signal);
  } finally {
    process.off('SIGINT', onSigint);
  }
}
