import type { ReactNode } from 'react'
import { cx } from './class-names'

export type PanelProps = {
  title: ReactNode
  children?: ReactNode
  /** `nhsuk-panel__heading--${titleSize}`. */
  titleSize?: 'm' | 'l' | 'xl'
  className?: string
}

/** nhsuk-frontend v10 confirmation panel; the title is the page's `<h1>`. */
export function Panel({ title, children, titleSize, className }: PanelProps) {
  return (
    <div className={cx('nhsuk-panel', className)}>
      <h1 className={cx('nhsuk-panel__heading', titleSize && `nhsuk-panel__heading--${titleSize}`)}>{title}</h1>
      {children !== undefined && children !== null ? <div className="nhsuk-panel__body">{children}</div> : null}
    </div>
  )
}
