// Work that must not delay a response, such as the email a password reset sends: doing it after
// the response gives a real address and an unknown one the same answer in the same time. Jobs run
// in this process once the current request's work has yielded; a failure is logged, never thrown.
const pending = new Set<Promise<void>>()

export function runAfterResponse(label: string, job: () => Promise<void>): void {
  const run = new Promise<void>((resolve) => setImmediate(resolve))
    .then(job)
    .catch((error: unknown) => {
      process.stderr.write(
        `Background job "${label}" failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      )
    })
    .finally(() => pending.delete(run))
  pending.add(run)
}

/** How many jobs are queued or running. */
export function backgroundJobsPending(): number {
  return pending.size
}

/** Resolves when every queued job has finished (tests, and a graceful shutdown). */
export async function backgroundJobsSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending])
}
