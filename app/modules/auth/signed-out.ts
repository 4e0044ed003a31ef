// What the sign-in page says to a person whose session ended (WCAG 2.2.1: say why), from the
// reason requireUser puts in the address. Shared with the page that warns before the end.

export type SignedOutMessage = { heading: string; body: string[] }

export function hoursInWords(hours: number): string {
  return hours === 1 ? '1 hour' : `${hours} hours`
}

function periodInWords(hours: number): string {
  return hours % 24 === 0 ? (hours === 24 ? '1 day' : `${hours / 24} days`) : hoursInWords(hours)
}

export function signedOutMessage(
  reason: string | null,
  kept: boolean,
  { idleHours, absoluteHours }: { idleHours: number; absoluteHours: number },
): SignedOutMessage | null {
  const heading =
    reason === 'idle'
      ? `You were signed out because you had not used the portal for ${hoursInWords(idleHours)}`
      : reason === 'absolute'
        ? `You were signed out because you signed in more than ${periodInWords(absoluteHours)} ago`
        : reason === 'ended'
          ? 'You were signed out'
          : null
  if (!heading) return null
  const body: string[] = []
  if (reason === 'absolute') body.push('For your security, everyone signs in again from time to time.')
  if (reason === 'ended')
    body.push(
      'Your session was ended: you signed out in another window, your password was changed, or your account was changed.',
    )
  body.push(
    kept
      ? 'What you had typed has been kept. Sign in again to go back to the form with your text in it, then check it and save it.'
      : 'Sign in again to carry on.',
  )
  return { heading, body }
}
