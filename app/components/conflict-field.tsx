import { useRef } from 'react'
import { ErrorMessage, Textarea, cx } from '~/components/nhs'
import { conflictNames } from '~/modules/submissions/merge'

export type ConflictFieldProps = {
  /** The field's key in the merge (see `modules/submissions/merge.ts`). */
  fieldKey: string
  /** The form input the chosen value is saved into. */
  inputName: string
  /** The field's name as the page labels it, like "Key strengths". */
  label: string
  /** Who else changed it, like "Sam Lead". */
  otherName: string
  mine: string
  theirs: string
  /** Text may be edited into a merged version; other fields are a choice of one of the two values. */
  text: boolean
  /** How a value reads, for choices (like "Met" for MET). */
  display?: (value: string) => string
  /** How an empty value reads, like "(removed)" for a post; "(empty)" unless told. */
  empty?: string
  /** For the narrative: the test hook the two-people journey reads their version by. */
  testId?: string
  error?: string
  /** The choice made so far, when the page comes back without saving (no JavaScript: add or remove a row). */
  chosen?: string
  /** The merged text typed so far, for text; the person's own version unless told. */
  draft?: string
}

/**
 * One field both people changed (issue 14, item 2): both values, and a choice of keeping mine,
 * taking theirs or, for text, saving a merged version typed in the box. It works without
 * JavaScript; with it, typing in the box chooses the merged version.
 */
export function ConflictField({
  fieldKey,
  inputName,
  label,
  otherName,
  mine,
  theirs,
  text,
  display = (v) => v,
  empty = '(empty)',
  testId,
  error,
  chosen,
  draft,
}: ConflictFieldProps) {
  const names = conflictNames(fieldKey)
  const id = `conflict-${inputName.replace(/[^A-Za-z0-9]+/g, '-')}`
  const mergedRadio = useRef<HTMLInputElement>(null)
  const shown = (value: string) => (value === '' ? empty : display(value))
  const choices = [
    { value: 'mine', text: text ? 'Keep yours' : `Keep yours: ${shown(mine)}` },
    { value: 'theirs', text: text ? `Take ${otherName}’s` : `Take ${otherName}’s: ${shown(theirs)}` },
    ...(text ? [{ value: 'merged', text: 'Save the version in the box below (edit it to merge the two)' }] : []),
  ]
  return (
    <div className={cx('nhsuk-form-group', 'app-conflict', error && 'nhsuk-form-group--error')}>
      <fieldset className="nhsuk-fieldset" aria-describedby={cx(`${id}-hint`, error && `${id}-error`)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          {label}: changed by you and by {otherName}
        </legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          Choose which to save.
        </div>
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <h3 className="nhsuk-heading-xs">{otherName}’s version</h3>
        <div className="app-conflict-text" data-testid={testId ? `their-${testId}` : undefined}>
          {shown(theirs)}
        </div>
        <h3 className="nhsuk-heading-xs">Your version</h3>
        <div className="app-conflict-text" data-testid={testId ? `your-${testId}` : undefined}>
          {shown(mine)}
        </div>
        <div className="nhsuk-radios" data-module="nhsuk-radios">
          {choices.map((choice, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`
            return (
              <div className="nhsuk-radios__item" key={choice.value}>
                <input
                  className="nhsuk-radios__input"
                  id={inputId}
                  name={names.choice}
                  type="radio"
                  value={choice.value}
                  defaultChecked={chosen === choice.value}
                  ref={choice.value === 'merged' ? mergedRadio : undefined}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={inputId}>
                  {choice.text}
                </label>
              </div>
            )
          })}
        </div>
        <input type="hidden" name={names.mine} value={mine} />
        <input type="hidden" name={names.theirs} value={theirs} />
        {text ? (
          <Textarea
            name={inputName}
            id={inputName}
            label={label}
            labelSize="s"
            hint="Your version, to edit into one that keeps both people’s changes."
            rows={6}
            defaultValue={draft ?? mine}
            onInput={() => {
              if (mergedRadio.current) mergedRadio.current.checked = true
            }}
          />
        ) : null}
      </fieldset>
    </div>
  )
}

/** The id of a conflict field's first choice, for the error summary's link. */
export const conflictFieldId = (inputName: string) => `conflict-${inputName.replace(/[^A-Za-z0-9]+/g, '-')}`
