import type { ReactNode } from 'react'
import { ErrorMessage, FormGroup, Hint, Label, type FieldProps } from '~/components/nhs'
import { fieldIds } from '~/components/nhs/form-parts'

export type FileUploadProps = FieldProps & {
  multiple?: boolean
  /** File extensions for the picker (a courtesy: the server checks every file). */
  accept?: string
  disabled?: boolean
  /** Shown under the error message, before the input: for example links to items already holding a file. */
  children?: ReactNode
}

/**
 * nhsuk-frontend v10 file upload, as the plain input it is without the design system's script:
 * a label, hint, error message and `<input type="file">`. Browsers cannot keep a chosen file
 * after the page reloads, so error messages ask for the file to be selected again.
 */
export function FileUpload({
  id: idProp,
  name,
  label,
  hint,
  error,
  labelSize,
  isPageHeading,
  multiple,
  accept,
  disabled,
  children,
}: FileUploadProps) {
  const id = idProp ?? name
  const { hintId, errorId, describedBy } = fieldIds(id, hint, error)
  return (
    <FormGroup error={Boolean(error)} className="nhsuk-file-upload">
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hintId ? <Hint id={hintId}>{hint}</Hint> : null}
      {errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      {children}
      <input
        className="nhsuk-file-upload__input"
        id={id}
        name={name}
        type="file"
        multiple={multiple}
        accept={accept}
        disabled={disabled}
        aria-describedby={describedBy}
      />
    </FormGroup>
  )
}
