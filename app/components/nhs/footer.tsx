import { cx } from './class-names'

export type FooterLink = { href: string; text: string }

export type FooterProps = {
  links: FooterLink[]
  /** Who answers questions about the portal, shown above the copyright. */
  contact?: { team: string; email: string }
  /** Defaults to "© NHS England", as in v10. */
  copyright?: string
  className?: string
}

/** nhsuk-frontend v10 footer with meta (support) links and copyright. */
export function Footer({ links, contact, copyright = '© NHS England', className }: FooterProps) {
  return (
    <footer className={cx('nhsuk-footer', className)} role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          {links.length > 0 ? (
            <>
              <h2 className="nhsuk-u-visually-hidden">Support links</h2>
              <ul className="nhsuk-footer__list">
                {links.map((link) => (
                  <li className="nhsuk-footer__list-item" key={`${link.href}-${link.text}`}>
                    <a className="nhsuk-footer__list-item-link" href={link.href}>
                      {link.text}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {contact ? (
            <p className="nhsuk-body-s">
              Questions about the portal: contact {contact.team} at{' '}
              <a className="nhsuk-footer__list-item-link" href={`mailto:${contact.email}`}>
                {contact.email}
              </a>
            </p>
          ) : null}
          <p className="nhsuk-body-s">{copyright}</p>
        </div>
      </div>
    </footer>
  )
}
