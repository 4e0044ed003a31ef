import { createContext, useContext, type ReactNode } from 'react'

const FieldsDisabledContext = createContext(false)

/**
 * Disables every field and button of the design system inside it, as `<fieldset disabled>` would,
 * without a fieldset: a fieldset is for a group of related fields with a legend (WCAG 1.3.1), not for
 * a whole form that is read-only (a submitted outcome, a completed judgement).
 */
export function DisableFields({ when, children }: { when: boolean; children: ReactNode }) {
  return <FieldsDisabledContext.Provider value={when}>{children}</FieldsDisabledContext.Provider>
}

/** A field's own `disabled` wins; otherwise it follows the nearest `DisableFields`. */
export function useFieldDisabled(own: boolean | undefined) {
  const inherited = useContext(FieldsDisabledContext)
  return own ?? (inherited || undefined)
}
