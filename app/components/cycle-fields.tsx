import { errorSummaryItems } from '~/components/form-errors'
import {
  DateInput,
  datePartId,
  Radios,
  Select,
  TextInput,
  type DateInputValue,
  type ErrorSummaryItem,
} from '~/components/nhs'
import { CYCLE_TYPE_LABELS } from '~/modules/cycles/labels'
import { CYCLE_TYPES } from '~/modules/cycles/rules'
import { CYCLE_DATE_FIELDS, CYCLE_FIELDS, MINIMUM_LEVEL_OPTIONS } from '~/modules/cycles/schema'

type CycleFieldSet = Record<(typeof CYCLE_FIELDS)[number], { initialValue?: unknown; errors?: string[] }>

export type EditionOption = { id: string; name: string; status: string }

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '')

function dateOf(value: unknown): DateInputValue | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const parts = value as Record<string, unknown>
  return { day: textOf(parts.day), month: textOf(parts.month), year: textOf(parts.year) }
}

const DATE_LEGENDS: Record<(typeof CYCLE_DATE_FIELDS)[number], { legend: string; hint: string }> = {
  evidencePeriodStart: {
    legend: 'Evidence period starts',
    hint: 'The first day the evidence can cover. For example, 1 4 2026',
  },
  evidencePeriodEnd: {
    legend: 'Evidence period ends',
    hint: 'The last day the evidence can cover. For example, 31 3 2027',
  },
  opensAt: { legend: 'Opens on', hint: 'The day services can start their submissions. For example, 1 10 2027' },
  submissionDeadline: {
    legend: 'Submission deadline',
    hint: 'Submissions made after this day are marked late. For example, 31 1 2028',
  },
  validationDeadline: {
    legend: 'Validation deadline',
    hint: 'The day validators should finish. For example, 31 3 2028',
  },
}

/** The error summary of a cycle form: each field's first error, a date linked to its day box. */
export function cycleFormErrors(allErrors: Record<string, string[] | undefined>): ErrorSummaryItem[] {
  const dates = new Set<string>(CYCLE_DATE_FIELDS)
  return errorSummaryItems(allErrors, CYCLE_FIELDS).map((item) => {
    const field = item.href.slice(1)
    return dates.has(field) ? { ...item, href: `#${datePartId(field, 'day')}` } : item
  })
}

/**
 * The fields of a cycle, the same on the create and change pages. Once the cycle has opened the
 * edition is shown, not offered: submissions are made against it.
 */
export function CycleFields({
  fields,
  editions,
  lockedEdition,
}: {
  fields: CycleFieldSet
  editions: EditionOption[]
  lockedEdition?: string
}) {
  return (
    <>
      <TextInput
        name="name"
        id="name"
        label="Name"
        hint="For example, 2027/28"
        width={20}
        defaultValue={textOf(fields.name.initialValue)}
        error={fields.name.errors?.[0]}
      />
      <Radios
        name="type"
        id="type"
        legend="Type"
        legendSize="s"
        defaultValue={textOf(fields.type.initialValue) || undefined}
        error={fields.type.errors?.[0]}
        items={CYCLE_TYPES.map((type) => ({
          value: type,
          text: CYCLE_TYPE_LABELS[type],
          hint:
            type === 'FULL_VALIDATION'
              ? 'Services assess every outcome and two validators review each submission.'
              : 'A lighter review of the service’s improvement since its last validation.',
        }))}
      />
      {lockedEdition ? (
        <>
          <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">Framework edition</h2>
          <p className="nhsuk-body nhsuk-u-margin-bottom-2">{lockedEdition}</p>
          <p className="nhsuk-hint">
            The edition cannot change once the cycle has opened, because submissions are made against it.
          </p>
        </>
      ) : (
        <Select
          name="editionId"
          id="editionId"
          label="Framework edition"
          hint="Only published editions can be used."
          options={[
            { value: '', text: 'Choose an edition' },
            ...editions.map((e) => ({
              value: e.id,
              text: e.status === 'PUBLISHED' ? e.name : `${e.name} (not published)`,
            })),
          ]}
          defaultValue={textOf(fields.editionId.initialValue)}
          error={fields.editionId.errors?.[0]}
        />
      )}
      {CYCLE_DATE_FIELDS.map((name) => (
        <DateInput
          key={name}
          name={name}
          id={name}
          legend={DATE_LEGENDS[name].legend}
          legendSize="s"
          hint={DATE_LEGENDS[name].hint}
          defaultValue={dateOf(fields[name].initialValue)}
          error={fields[name].errors?.[0]}
        />
      ))}
      <Select
        name="minimumExpectedLevel"
        id="minimumExpectedLevel"
        label="Minimum expected level"
        hint="An agreed grade below this level must have at least one required action."
        options={[
          { value: '', text: 'None' },
          ...MINIMUM_LEVEL_OPTIONS.map((level) => ({ value: level, text: `Level ${level}` })),
        ]}
        defaultValue={textOf(fields.minimumExpectedLevel.initialValue)}
        error={fields.minimumExpectedLevel.errors?.[0]}
      />
    </>
  )
}
