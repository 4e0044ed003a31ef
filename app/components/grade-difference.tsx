import { Table, Tag } from '~/components/nhs'
import { formatGrade, type Grade } from '~/modules/framework/grading'

type Both = {
  primaryName: string
  secondaryName: string
  outcomes: Array<{
    outcomeNumber: number
    primary: Grade
    secondary: Grade
    steps: number
    primaryRationale: string
    secondaryRationale: string
  }>
}

function describeSteps(steps: number): string {
  if (steps === 0) return 'Same grade'
  const size = Math.abs(steps)
  return `${size} sub-level${size === 1 ? '' : 's'} ${steps > 0 ? 'higher' : 'lower'} (primary)`
}

/** The two validators' grades side by side, with differences of more than one sub-level marked. */
export function GradeDifference({ both }: { both: Both }) {
  return (
    <Table
      caption="Grades by outcome"
      captionSize="s"
      responsive
      head={['Outcome', `Primary: ${both.primaryName}`, `Second: ${both.secondaryName}`, 'Difference']}
      rows={both.outcomes.map((o) => [
        `Outcome ${o.outcomeNumber}`,
        formatGrade(o.primary),
        formatGrade(o.secondary),
        Math.abs(o.steps) > 1 ? (
          <span key="d">
            {describeSteps(o.steps)} <Tag colour="orange">Needs moderation</Tag>
          </span>
        ) : (
          describeSteps(o.steps)
        ),
      ])}
    />
  )
}
