import { useEffect, useState } from 'react'

/**
 * Counts the answers an action has given. Used as a `key` on password fields so that, after a
 * refused attempt, the field comes back empty even though the browser kept what was typed.
 */
export function useAttempt(actionData: unknown): number {
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (actionData) setAttempt((n) => n + 1)
  }, [actionData])
  return attempt
}
