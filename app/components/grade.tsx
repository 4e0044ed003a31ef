import { formatGrade, toGrade } from '~/modules/framework/grading'

/** "Level 2, Medium", or "Not graded" when there is no valid grade. */
export function GradeText({ grade }: { grade: { level: number; subLevel: string | null } | null | undefined }) {
  if (!grade) return <>Not graded</>
  const parsed = toGrade(grade.level, grade.subLevel)
  return <>{parsed.ok ? formatGrade(parsed.grade) : 'Not graded'}</>
}
