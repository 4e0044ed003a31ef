import type { ReactNode } from 'react'
import { cx } from './class-names'

export type TableCaptionSize = 's' | 'm' | 'l' | 'xl'

export type TableProps = {
  caption?: ReactNode
  captionSize?: TableCaptionSize
  head: ReactNode[]
  rows: ReactNode[][]
  /** v10 responsive table: stacks on small screens, repeating the column heading in each cell. */
  responsive?: boolean
  /** Renders the first cell of each body row as `<th scope="row">`. */
  firstCellIsHeader?: boolean
  className?: string
  id?: string
}

/** nhsuk-frontend v10 table (`nhsuk-table`), with `scope="col"` headers and optional row headers. */
export function Table({ caption, captionSize, head, rows, responsive, firstCellIsHeader, className, id }: TableProps) {
  const hasCaption = caption !== undefined && caption !== null && caption !== ''
  return (
    <table
      className={cx('nhsuk-table', responsive && 'nhsuk-table--responsive', className)}
      id={id}
      role={responsive ? 'table' : undefined}
    >
      {hasCaption ? (
        <caption className={cx('nhsuk-table__caption', captionSize && `nhsuk-table__caption--${captionSize}`)}>
          {caption}
        </caption>
      ) : null}
      {head.length > 0 ? (
        <thead className="nhsuk-table__head" role={responsive ? 'rowgroup' : undefined}>
          <tr className="nhsuk-table__row" role={responsive ? 'row' : undefined}>
            {head.map((cell, index) => (
              <th
                className="nhsuk-table__header"
                scope="col"
                role={responsive ? 'columnheader' : undefined}
                key={index}
              >
                {cell}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody className="nhsuk-table__body">
        {rows.map((row, rowIndex) => (
          <tr className="nhsuk-table__row" role={responsive ? 'row' : undefined} key={rowIndex}>
            {row.map((cell, cellIndex) => {
              const isRowHeader = Boolean(firstCellIsHeader) && cellIndex === 0
              const heading = head[cellIndex]
              const content =
                responsive && heading !== undefined ? (
                  <>
                    <span className="nhsuk-table__heading" aria-hidden="true">
                      {heading}{' '}
                    </span>
                    {cell}
                  </>
                ) : (
                  cell
                )
              return isRowHeader ? (
                <th
                  className="nhsuk-table__header"
                  scope="row"
                  role={responsive ? 'rowheader' : undefined}
                  key={cellIndex}
                >
                  {content}
                </th>
              ) : (
                <td className="nhsuk-table__cell" role={responsive ? 'cell' : undefined} key={cellIndex}>
                  {content}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
