import type { ReactNode } from 'react'
import { cx, joinIds } from './class-names'
import { useFieldDisabled } from './read-only-fields'
import { ErrorMessage, FormGroup, Hint, Legend, fieldIds, hasContent, type GroupFieldProps } from './form-parts'

export type ChoiceItem = {
  value: string
  text: ReactNode
  hint?: ReactNode
  disabled?: boolean
}

type ChoiceGroupBaseProps = GroupFieldProps & {
  items: ChoiceItem[]
  inline?: boolean
  small?: boolean
  disabled?: boolean
  /** Extra classes for the `nhsuk-radios` / `nhsuk-checkboxes` container. */
  className?: string
  formGroupClassName?: string
}

export type RadiosProps = ChoiceGroupBaseProps & { defaultValue?: string }

export type CheckboxesProps = ChoiceGroupBaseProps & { defaultValues?: string[] }

/** Item ids follow nhsuk-frontend: the first is the group id itself, then `${id}-2`, `${id}-3`… */
function itemId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index + 1}`
}

function ChoiceGroup({
  kind,
  id: idProp,
  name,
  legend,
  hint,
  error,
  legendSize,
  labelSize,
  isPageHeading,
  items,
  inline,
  small,
  disabled,
  className,
  formGroupClassName,
  isChecked,
}: ChoiceGroupBaseProps & { kind: 'radios' | 'checkboxes'; isChecked: (value: string) => boolean }) {
  const id = idProp ?? name
  const groupDisabled = useFieldDisabled(disabled)
  const { hintId, errorId, describedBy } = fieldIds(id, hint, error)
  const type = kind === 'radios' ? 'radio' : 'checkbox'
  return (
    <FormGroup error={Boolean(error)} className={formGroupClassName}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <Legend size={legendSize ?? labelSize} isPageHeading={isPageHeading}>
          {legend}
        </Legend>
        {hintId ? <Hint id={hintId}>{hint}</Hint> : null}
        {errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
        <div
          className={cx(`nhsuk-${kind}`, small && `nhsuk-${kind}--small`, inline && `nhsuk-${kind}--inline`, className)}
          data-module={`nhsuk-${kind}`}
        >
          {items.map((item, index) => {
            const inputId = itemId(id, index)
            const itemHintId = hasContent(item.hint) ? `${inputId}-item-hint` : undefined
            return (
              <div className={`nhsuk-${kind}__item`} key={item.value}>
                <input
                  className={`nhsuk-${kind}__input`}
                  id={inputId}
                  name={name}
                  type={type}
                  value={item.value}
                  defaultChecked={isChecked(item.value)}
                  disabled={item.disabled ?? groupDisabled}
                  aria-describedby={joinIds(itemHintId)}
                />
                <label className={`nhsuk-label nhsuk-${kind}__label`} htmlFor={inputId}>
                  {item.text}
                </label>
                {itemHintId ? (
                  <Hint className={`nhsuk-${kind}__hint`} id={itemHintId}>
                    {item.hint}
                  </Hint>
                ) : null}
              </div>
            )
          })}
        </div>
      </fieldset>
    </FormGroup>
  )
}

/** nhsuk-frontend v10 radios in a fieldset with legend, hint and error message. */
export function Radios({ defaultValue, ...props }: RadiosProps) {
  return <ChoiceGroup {...props} kind="radios" isChecked={(value) => value === defaultValue} />
}

/** nhsuk-frontend v10 checkboxes in a fieldset with legend, hint and error message. */
export function Checkboxes({ defaultValues, ...props }: CheckboxesProps) {
  return <ChoiceGroup {...props} kind="checkboxes" isChecked={(value) => defaultValues?.includes(value) ?? false} />
}
