import type { FieldsetHTMLAttributes, ReactNode } from 'react'
import { cx } from './class-names'
import { Legend, type FieldSize } from './form-parts'

export type FieldsetProps = Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, 'children'> & {
  legend: ReactNode
  legendSize?: FieldSize
  /** Wraps the legend text in `<h1 class="nhsuk-fieldset__heading">` (size defaults to `l`). */
  isPageHeading?: boolean
  children?: ReactNode
}

/** nhsuk-frontend v10 fieldset with legend, for grouping related fields (e.g. an address). */
export function Fieldset({ legend, legendSize, isPageHeading, className, children, ...rest }: FieldsetProps) {
  return (
    <fieldset className={cx('nhsuk-fieldset', className)} {...rest}>
      <Legend size={legendSize} isPageHeading={isPageHeading}>
        {legend}
      </Legend>
      {children}
    </fieldset>
  )
}
