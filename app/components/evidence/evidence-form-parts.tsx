import {
  Breadcrumbs,
  DateInput,
  TextInput,
  Textarea,
  datePartId,
  type DateInputValue,
  type ErrorSummaryItem,
} from '~/components/nhs'
import { errorSummaryItems } from '~/components/form-errors'
import {
  ACCEPTED_TYPES_TEXT,
  ACCEPT_ATTRIBUTE,
  FILES_FIELD,
  MAX_FILES_PER_UPLOAD,
  formatSizeLimit,
  type DuplicateFile,
} from '~/modules/evidence/files'
import { DESCRIPTION_MAX } from '~/modules/evidence/schema'
import { FileUpload } from './file-upload'

/** The date fields of the evidence forms: their error summary links go to the day input. */
const DATE_FIELDS = ['evidenceDateFrom', 'evidenceDateTo']

/** The error summary for an evidence form, with date errors linked to their first input. */
export function evidenceErrorSummary(
  allErrors: Record<string, string[] | undefined>,
  fieldOrder: readonly string[],
  extra: ErrorSummaryItem[] = [],
): ErrorSummaryItem[] {
  const items = errorSummaryItems(allErrors, fieldOrder).map((item) => {
    const field = item.href.slice(1)
    return DATE_FIELDS.includes(field) ? { ...item, href: `#${datePartId(field, 'day')}` } : item
  })
  return [...items, ...extra]
}

/** How many files a browser form holds (an empty file input still sends one unnamed entry). */
export function countSelectedFiles(formData: FormData): number {
  return formData.getAll(FILES_FIELD).filter((value) => typeof value !== 'string' && value.name !== '').length
}

export function textValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function dateValue(value: unknown): DateInputValue | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const parts = value as Record<string, unknown>
  return { day: textValue(parts.day), month: textValue(parts.month), year: textValue(parts.year) }
}

export type EvidenceDetailsValues = {
  title?: string
  description?: string
  evidenceDateFrom?: DateInputValue
  evidenceDateTo?: DateInputValue
}

type DetailsField = 'title' | 'description' | 'evidenceDateFrom' | 'evidenceDateTo'

type FieldErrors = Partial<Record<DetailsField, string>>

/** The values and errors of EvidenceDetailsFields from a Conform form's fields. */
export function evidenceDetailsProps(fields: Record<DetailsField, { initialValue?: unknown; errors?: string[] }>): {
  values: EvidenceDetailsValues
  errors: FieldErrors
} {
  return {
    values: {
      title: textValue(fields.title.initialValue),
      description: textValue(fields.description.initialValue),
      evidenceDateFrom: dateValue(fields.evidenceDateFrom.initialValue),
      evidenceDateTo: dateValue(fields.evidenceDateTo.initialValue),
    },
    errors: {
      title: fields.title.errors?.[0],
      description: fields.description.errors?.[0],
      evidenceDateFrom: fields.evidenceDateFrom.errors?.[0],
      evidenceDateTo: fields.evidenceDateTo.errors?.[0],
    },
  }
}

/** Title, description and the period the evidence covers: the same on the new and edit forms. */
export function EvidenceDetailsFields({ values, errors }: { values: EvidenceDetailsValues; errors: FieldErrors }) {
  return (
    <>
      <TextInput
        name="title"
        label="Title"
        hint="For example, Library and knowledge services strategy 2025 to 2028"
        defaultValue={values.title ?? ''}
        error={errors.title}
      />
      <Textarea
        name="description"
        label="Description (optional)"
        hint="What the evidence shows, and which outcomes it supports"
        defaultValue={values.description ?? ''}
        error={errors.description}
        characterCount={{ maxLength: DESCRIPTION_MAX }}
      />
      <DateInput
        name="evidenceDateFrom"
        legend="Evidence start date"
        legendSize="s"
        hint="The start of the period this evidence covers. For example, 1 4 2025"
        defaultValue={values.evidenceDateFrom}
        error={errors.evidenceDateFrom}
      />
      <DateInput
        name="evidenceDateTo"
        legend="Evidence end date (optional)"
        legendSize="s"
        hint="Leave this blank if the evidence is about a single date. For example, 31 3 2026"
        defaultValue={values.evidenceDateTo}
        error={errors.evidenceDateTo}
      />
    </>
  )
}

export function WebLinkField({ defaultValue, error, hint }: { defaultValue?: string; error?: string; hint: string }) {
  return (
    <TextInput
      name="url"
      label="Web link"
      type="url"
      hint={hint}
      defaultValue={defaultValue ?? ''}
      error={error}
      spellCheck={false}
      // The link is to a document, not the person's own web address (WCAG 1.3.5): no autofill.
      autoComplete="off"
    />
  )
}

/** Links to the items that already hold a file the person tried to upload again. */
export function DuplicateLinks({ duplicates }: { duplicates: readonly DuplicateFile[] }) {
  if (duplicates.length === 0) return null
  return (
    <ul className="nhsuk-list">
      {duplicates.map((duplicate) => (
        <li key={`${duplicate.itemId}-${duplicate.fileName}`}>
          <a href={`/evidence/${duplicate.itemId}`}>
            View ‘{duplicate.title}’
            <span className="nhsuk-u-visually-hidden">, which already holds {duplicate.fileName}</span>
          </a>
        </li>
      ))}
    </ul>
  )
}

/**
 * The files field of the evidence upload forms, with links to the items already holding any
 * duplicate. Several files, or (not `multiple`) the one file that replaces another.
 */
export function EvidenceFilesUpload({
  label,
  multiple,
  maxFileBytes,
  error,
  disabled,
  duplicates,
}: {
  label: string
  multiple?: boolean
  maxFileBytes: number
  error?: string
  disabled: boolean
  duplicates: readonly DuplicateFile[]
}) {
  const size = formatSizeLimit(maxFileBytes)
  return (
    <FileUpload
      name={FILES_FIELD}
      label={label}
      labelSize="s"
      multiple={multiple}
      accept={ACCEPT_ATTRIBUTE}
      hint={
        multiple
          ? `Select up to ${MAX_FILES_PER_UPLOAD} files. Each must be a ${ACCEPTED_TYPES_TEXT} file smaller than ${size}.`
          : `It must be a ${ACCEPTED_TYPES_TEXT} file smaller than ${size}.`
      }
      error={error}
      disabled={disabled}
    >
      <DuplicateLinks duplicates={duplicates} />
    </FileUpload>
  )
}

/** Home, the evidence library and, on the pages of one item, the item. */
export function EvidenceBreadcrumbs({
  libraryServiceId,
  item,
}: {
  libraryServiceId: string
  item?: { id: string; title: string }
}) {
  return (
    <Breadcrumbs
      items={[
        { href: '/', text: 'Home' },
        { href: `/services/${libraryServiceId}/evidence`, text: 'Evidence library' },
        ...(item ? [{ href: `/evidence/${item.id}`, text: item.title }] : []),
      ]}
    />
  )
}
