import type { ReportLink } from '~/modules/reports/links'

/**
 * Report downloads under a "Reports" heading. Plain links (not client-side navigation): each one
 * returns a file, which the browser saves.
 */
export function ReportLinks({ links, headingLevel = 2 }: { links: readonly ReportLink[]; headingLevel?: 2 | 3 }) {
  if (links.length === 0) return null
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby="reports-heading" className="app-report-links">
      <Heading id="reports-heading" className="nhsuk-heading-m">
        Reports
      </Heading>
      <ul className="nhsuk-list">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} download>
              {link.text}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
