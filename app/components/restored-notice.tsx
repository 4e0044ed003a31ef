import type { SubmissionResult } from '@conform-to/react'
import { WarningCallout } from '~/components/nhs'

/**
 * Shown on a form that has come back with what the person posted when their session had ended
 * (issue 14): the text is in the fields; nothing is saved until they save it.
 */
export function RestoredNotice({ show }: { show: boolean }) {
  if (!show) return null
  return (
    <WarningCallout heading="Check what you typed and save it">
      <p>
        You were signed out before your last save reached us. What you had typed is back in the form below: check it and
        save it.
      </p>
    </WarningCallout>
  )
}

/** The version the restored form was editing (so the usual check for others' changes applies), else the loaded one. */
export function restoredVersion(restored: SubmissionResult<string[]> | null | undefined, loaded: number): number {
  const value = Number(restored?.initialValue?.version ?? Number.NaN)
  return Number.isInteger(value) ? value : loaded
}
