import type { ReactNode } from 'react'
import { cx } from './class-names'

export type SummaryListAction = { href: string; text: string; visuallyHiddenText: string }

export type SummaryListRow = {
  key: ReactNode
  value: ReactNode
  action?: SummaryListAction
}

export type SummaryListProps = {
  rows: SummaryListRow[]
  noBorder?: boolean
  className?: string
}

/** nhsuk-frontend v10 summary list (`<dl class="nhsuk-summary-list">`). */
export function SummaryList({ rows, noBorder, className }: SummaryListProps) {
  const anyActions = rows.some((row) => row.action !== undefined)
  return (
    <dl className={cx('nhsuk-summary-list', noBorder && 'nhsuk-summary-list--no-border', className)}>
      {rows.map((row, index) => (
        <div
          className={cx('nhsuk-summary-list__row', anyActions && !row.action && 'nhsuk-summary-list__row--no-actions')}
          key={index}
        >
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd className="nhsuk-summary-list__actions">
              <a className="nhsuk-link" href={row.action.href}>
                {row.action.text}
                <span className="nhsuk-u-visually-hidden">{` ${row.action.visuallyHiddenText}`}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  )
}
