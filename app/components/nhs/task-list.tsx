import { cx } from './class-names'
import { Tag, type TagColour } from './tag'

export type TaskListStatus = {
  text: string
  /** Show the status as a tag (e.g. `{ colour: 'blue' }` for "Incomplete"); plain text otherwise. */
  tag?: { colour?: TagColour }
}

export type TaskListItem = {
  /** Unique on the page; used for `${id}-hint` and `${id}-status`. */
  id: string
  title: string
  /** Only tasks that can be started get a link; omit for "Cannot start yet". */
  href?: string
  hint?: string
  status: TaskListStatus
}

export type TaskListProps = {
  items: TaskListItem[]
  className?: string
}

/** nhsuk-frontend v10 task list (`nhsuk-task-list`). */
export function TaskList({ items, className }: TaskListProps) {
  return (
    <ul className={cx('nhsuk-task-list', className)}>
      {items.map((item) => {
        const hintId = item.hint ? `${item.id}-hint` : undefined
        const statusId = `${item.id}-status`
        return (
          <li className={cx('nhsuk-task-list__item', item.href && 'nhsuk-task-list__item--with-link')} key={item.id}>
            <div className="nhsuk-task-list__name-and-hint">
              {item.href ? (
                <a
                  className="nhsuk-task-list__link nhsuk-link"
                  href={item.href}
                  aria-describedby={cx(hintId, statusId)}
                >
                  {item.title}
                </a>
              ) : (
                <div>{item.title}</div>
              )}
              {hintId ? (
                <div className="nhsuk-task-list__hint" id={hintId}>
                  {item.hint}
                </div>
              ) : null}
            </div>
            <div
              className={cx(
                'nhsuk-task-list__status',
                !item.href && !item.status.tag && 'nhsuk-u-secondary-text-colour',
              )}
              id={statusId}
            >
              {item.status.tag ? <Tag colour={item.status.tag.colour}>{item.status.text}</Tag> : item.status.text}
            </div>
          </li>
        )
      })}
    </ul>
  )
}
