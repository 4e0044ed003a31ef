import type { MetaFunction } from '@remix-run/node'

export const meta: MetaFunction = () => [{ title: 'Accessibility statement - LKS Quality Portal' }]

export default function Accessibility() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Accessibility statement</h1>
        <p>
          The LKS Quality Portal is built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, using
          the NHS.UK design system.
        </p>
        <p>You should be able to:</p>
        <ul>
          <li>use every form with a keyboard and a screen reader</li>
          <li>use the portal with JavaScript turned off</li>
          <li>zoom to 400% without text spilling off the screen</li>
          <li>read every chart as a table</li>
        </ul>
        <p>Every page is checked automatically with axe as part of the portal&apos;s tests.</p>
        <h2>Reporting a problem</h2>
        <p>If you find a part of the portal you cannot use, tell the national team and we will put it right.</p>
      </div>
    </div>
  )
}
