// How a published result compares with the self-assessment and the last cycle, in words a service
// reads at a glance. Pure: the server gathers the grades (as sub-level steps), these rules describe.
import { chartValue, formatGrade, stepsToGrade } from '~/modules/framework/grading'

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
] as const

function inWords(n: number): string {
  return NUMBER_WORDS[n] ?? String(n)
}

/**
 * The agreed grade against the self-assessed one, both in sub-level steps:
 * "The same as your self-assessment", "One sub-level below your self-assessment",
 * "Three sub-levels above the self-assessment". `whose` is "your" for the service, "the" for reviewers.
 */
export function describeDifference(
  selfSteps: number | null,
  agreedSteps: number | null,
  whose: 'your' | 'the' = 'your',
): string {
  if (agreedSteps === null) return 'Not agreed yet'
  if (selfSteps === null) return 'No self-assessed grade to compare'
  const difference = agreedSteps - selfSteps
  if (difference === 0) return `The same as ${whose} self-assessment`
  const size = Math.abs(difference)
  const words = `${inWords(size)} sub-level${size === 1 ? '' : 's'} ${difference < 0 ? 'below' : 'above'} ${whose} self-assessment`
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export type GradePair = { selfSteps: number | null; agreedSteps: number | null }

/**
 * The sentence that sums up the chart: how many agreed grades are the same as or within one
 * sub-level of the self-assessment, and how many are further below or above it.
 */
export function agreementSummary(pairs: readonly GradePair[], previousCycleName: string | null = null): string {
  const compared = pairs.filter(
    (p): p is { selfSteps: number; agreedSteps: number } => p.selfSteps !== null && p.agreedSteps !== null,
  )
  const close = compared.filter((p) => Math.abs(p.agreedSteps - p.selfSteps) <= 1).length
  const lower = compared.filter((p) => p.agreedSteps - p.selfSteps < -1).length
  const higher = compared.filter((p) => p.agreedSteps - p.selfSteps > 1).length
  const outcomes = (n: number) => `${n} outcome${n === 1 ? '' : 's'}`
  const sentences = [
    `Agreed grades are the same as or within one sub-level of the self-assessment for ${close} of ${pairs.length} outcomes.`,
  ]
  if (lower)
    sentences.push(
      `${outcomes(lower)} ${lower === 1 ? 'was' : 'were'} agreed more than one sub-level below the self-assessment.`,
    )
  if (higher)
    sentences.push(
      `${outcomes(higher)} ${higher === 1 ? 'was' : 'were'} agreed more than one sub-level above the self-assessment.`,
    )
  if (compared.length < pairs.length)
    sentences.push(`${outcomes(pairs.length - compared.length)} could not be compared because a grade is missing.`)
  if (previousCycleName) sentences.push(`The chart also shows the agreed grades from ${previousCycleName}.`)
  return sentences.join(' ')
}

/** A chart value (0..4) for grade steps, or null when there is no grade. */
export function chartValueOfSteps(steps: number | null): number | null {
  return steps === null ? null : chartValue(stepsToGrade(steps))
}

/** "Level 2, Medium" for steps, or "Not graded". */
export function formatSteps(steps: number | null): string {
  return steps === null ? 'Not graded' : formatGrade(stepsToGrade(steps))
}
