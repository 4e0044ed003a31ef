import { Radios } from '~/components/nhs'
import { SUB_LEVEL_LABELS, SUB_LEVELS } from '~/modules/framework/grading'

type Field = { name: string; legend: string; hint?: string; defaultValue?: string; error?: string }

/** A level (0 to 4) and its sub-level, as every grade in the portal is asked for. */
export function GradeFields({ level, subLevel }: { level: Field; subLevel: Field }) {
  return (
    <>
      <Radios
        name={level.name}
        id={level.name}
        legend={level.legend}
        legendSize="s"
        hint={level.hint}
        defaultValue={level.defaultValue}
        error={level.error}
        items={[0, 1, 2, 3, 4].map((n) => ({ value: String(n), text: `Level ${n}` }))}
      />
      <Radios
        name={subLevel.name}
        id={subLevel.name}
        legend={subLevel.legend}
        legendSize="s"
        hint={subLevel.hint ?? 'Leave this empty for level 0.'}
        inline
        defaultValue={subLevel.defaultValue}
        error={subLevel.error}
        items={SUB_LEVELS.map((s) => ({ value: s, text: SUB_LEVEL_LABELS[s] }))}
      />
    </>
  )
}
