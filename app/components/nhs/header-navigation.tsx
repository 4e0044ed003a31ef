import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { cx } from './class-names'

export type HeaderNavigationItem = { href: string; text: string; current?: boolean }

// Layout effects measure before the browser paints; the server has nothing to measure.
const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

function NavigationItem({ item }: { item: HeaderNavigationItem }) {
  return (
    <li className={cx('nhsuk-header__navigation-item', item.current && 'nhsuk-header__navigation-item--current')}>
      <a className="nhsuk-header__navigation-link" href={item.href} aria-current={item.current ? 'page' : undefined}>
        {item.current ? (
          <strong className="nhsuk-header__navigation-item-current-fallback">{item.text}</strong>
        ) : (
          item.text
        )}
      </a>
    </li>
  )
}

/**
 * The header's navigation bar, with the v10 header's "More" menu done in React (React owns this DOM,
 * so the design system's script, which moves the items itself, is not started). Items that do not
 * fit the bar's width move into the menu, so the header never grows wider than the screen (WCAG
 * 1.4.10); without JavaScript the items wrap onto more lines instead.
 */
export function HeaderNavigation({ items }: { items: HeaderNavigationItem[] }) {
  const navRef = useRef<HTMLElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const menuRef = useRef<HTMLLIElement>(null)
  const menuListRef = useRef<HTMLUListElement>(null)
  // As the server renders it: every item in the bar. `measuring` lays every item out in the bar, with
  // the menu button showing, so their widths can be read before the browser paints.
  const [fitting, setFitting] = useState(items.length)
  const [measuring, setMeasuring] = useState(false)
  const [open, setOpen] = useState(false)
  const itemsKey = items.map((item) => `${item.href}\u0000${item.text}`).join('\u0001')

  useBrowserLayoutEffect(() => {
    setMeasuring(true)
  }, [itemsKey])

  useBrowserLayoutEffect(() => {
    if (!measuring) return
    const list = listRef.current
    const menu = menuRef.current
    if (!list || !menu) return
    const elements = Array.from(list.querySelectorAll<HTMLElement>(':scope > .nhsuk-header__navigation-item'))
    let right = 0
    const rights = elements.map((element) => (right += element.offsetWidth))
    const width = list.offsetWidth
    const fits =
      (rights.at(-1) ?? 0) <= width ? rights.length : rights.filter((r) => r <= width - menu.offsetWidth).length
    setFitting(fits)
    setMeasuring(false)
    if (fits === rights.length) setOpen(false)
  }, [measuring])

  // Measure again when the bar's width changes (window resized, zoom).
  useEffect(() => {
    const nav = navRef.current
    if (!nav || typeof ResizeObserver === 'undefined') return
    let lastWidth = nav.offsetWidth
    const observer = new ResizeObserver(() => {
      if (nav.offsetWidth === lastWidth) return
      lastWidth = nav.offsetWidth
      setMeasuring(true)
    })
    observer.observe(nav)
    return () => observer.disconnect()
  }, [])

  const close = useCallback(() => setOpen(false), [])
  // As the design system's menu: Escape, a click outside, or following a link closes it.
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close()
    }
    const onClick = (event: MouseEvent) => {
      const target = event.target
      if (!(target instanceof Element)) return
      const toggle = menuRef.current?.querySelector('.nhsuk-header__menu-toggle')
      if (toggle?.contains(target)) return
      if (!navRef.current?.contains(target) || target.closest('a, button')) close()
    }
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('click', onClick, true)
    return () => {
      document.removeEventListener('keydown', onKey, true)
      document.removeEventListener('click', onClick, true)
    }
  }, [open, close])

  // The menu list sits below the bar (absolutely positioned): make room for it, as the design system does.
  useBrowserLayoutEffect(() => {
    const nav = navRef.current
    if (!nav) return
    if (open && menuListRef.current)
      nav.style.setProperty('border-bottom-width', `${menuListRef.current.offsetHeight}px`)
    else nav.style.removeProperty('border-bottom-width')
  }, [open, fitting])

  const shown = measuring ? items.length : fitting
  const menuShown = measuring || shown < items.length
  return (
    <nav className="nhsuk-header__navigation" aria-label="Menu" ref={navRef}>
      <div className="nhsuk-header__navigation-container nhsuk-width-container">
        <ul className="nhsuk-header__navigation-list" ref={listRef}>
          {items.slice(0, shown).map((item) => (
            <NavigationItem item={item} key={`${item.href}-${item.text}`} />
          ))}
          <li className="nhsuk-header__menu" hidden={!menuShown} ref={menuRef}>
            <button
              className="nhsuk-header__menu-toggle nhsuk-header__navigation-link"
              id="toggle-menu"
              type="button"
              aria-expanded={open ? 'true' : 'false'}
              onClick={() => setOpen((value) => !value)}
            >
              <span className="nhsuk-u-visually-hidden">Browse </span>
              More
            </button>
            {shown < items.length ? (
              <ul className="nhsuk-header__menu-list" hidden={!open} ref={menuListRef}>
                {items.slice(shown).map((item) => (
                  <NavigationItem item={item} key={`${item.href}-${item.text}`} />
                ))}
              </ul>
            ) : null}
          </li>
        </ul>
      </div>
    </nav>
  )
}
