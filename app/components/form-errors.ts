import type { ErrorSummaryItem } from '~/components/nhs'

/**
 * The error summary for a Conform form: each field's first message, in the order the fields appear
 * on the page, linking to the field. Form-level errors link to the first field.
 */
export function errorSummaryItems(
  allErrors: Record<string, string[] | undefined>,
  fieldOrder: readonly string[],
): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = []
  const formErrors = allErrors[''] ?? []
  for (const text of formErrors) items.push({ href: `#${fieldOrder[0] ?? ''}`, text })
  for (const name of fieldOrder) {
    const first = allErrors[name]?.[0]
    if (first) items.push({ href: `#${name}`, text: first })
  }
  return items
}
