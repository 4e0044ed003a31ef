import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ContactDetails } from '~/components/contact-details'
import { pageTitle } from '~/components/page-title'
import { contactDetails } from '~/modules/content/contact.server'

export const meta: MetaFunction = () => [{ title: pageTitle('Accessibility statement') }]

export async function loader() {
  return { contact: await contactDetails() }
}

// Written from the checks listed under "How we tested this website". Change a claim only when a
// test shows it is true, and move a fixed problem out of "Non-accessible content" with its date.
export default function Accessibility() {
  const { contact } = useLoaderData<typeof loader>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Accessibility statement for the LKS Quality Portal</h1>
        <p>
          This accessibility statement applies to the LKS Quality Portal, the website that NHS library and knowledge
          services (LKS) in England use for quality assurance: self-assessment against the quality and improvement
          outcomes framework, evidence, validation, results, reports and dashboards.
        </p>
        <p>
          This website is run by NHS England. We want as many people as possible to be able to use it. For example, that
          means you should be able to:
        </p>
        <ul>
          <li>change colours, contrast levels and fonts using your browser or device settings</li>
          <li>
            zoom in up to 400% without the text spilling off the screen (at 320 pixels wide, header links that do not
            fit move into a “More” menu)
          </li>
          <li>navigate every form using just a keyboard</li>
          <li>use every form with JavaScript turned off</li>
          <li>listen to most of the website using a screen reader</li>
          <li>read every chart as a table beside it</li>
        </ul>
        <p>We have also made the text as simple as we can to understand.</p>
        <p>
          <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if you
          have a disability.
        </p>

        <h2>How accessible this website is</h2>
        <p>
          We do not know of any part of this website that fails WCAG 2.2 AA. Evidence files that services upload are not
          checked by the portal (see below).
        </p>

        <h2>Feedback and contact information</h2>
        <p>
          If you need information on this website in a different format, such as accessible PDF, large print, easy read,
          audio recording or braille, contact {contact.team}:
        </p>
        <ContactDetails contact={contact} />
        <p>
          This applies to the PDF reports too (the reviewer pack, the outcome report and the regional and national
          summaries): ask and we will send the same content in a format you can use. We’ll consider your request and get
          back to you in {contact.responseDays} working days.
        </p>

        <h2>Reporting accessibility problems with this website</h2>
        <p>
          We’re always looking to improve the accessibility of this website. If you find any problems not listed on this
          page or think we’re not meeting accessibility requirements, contact {contact.team} at{' '}
          <a href={`mailto:${contact.email}`}>{contact.email}</a>. Tell us the web address of the page and what you were
          trying to do.
        </p>

        <h2>Enforcement procedure</h2>
        <p>
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
          (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’).
          If you’re not happy with how we respond to your complaint, contact the{' '}
          <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
        </p>

        <h2>Technical information about this website’s accessibility</h2>
        <p>
          NHS England is committed to making its website accessible, in accordance with the Public Sector Bodies
          (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
        </p>
        <h3>Compliance status</h3>
        <p>
          This website is fully compliant with the{' '}
          <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, as
          far as our testing (below) has found.
        </p>

        <h2>Non-accessible content</h2>
        <p>The content listed below is non-accessible for the following reasons.</p>
        <h3>Non-compliance with the accessibility regulations</h3>
        <p>
          We know of no content that fails the accessibility regulations. These problems were fixed on 2 December 2026:
          the dashboard charts were told apart by shades of blue only (1.4.1, 1.4.11; each part now has its own pattern,
          named in the key, and 3:1 contrast with its neighbours); the outcome report PDF’s headings skipped a level
          (1.3.1); and some abbreviations were not explained where first used.
        </p>
        <h3>Disproportionate burden</h3>
        <p>We are not claiming that any accessibility problem would be a disproportionate burden to fix.</p>
        <h3>Content that’s not within the scope of the accessibility regulations</h3>
        <p>
          Evidence files that services upload (their own Word, Excel, PDF and other documents) are theirs and are not
          checked by the portal. If you cannot use one, ask the service that uploaded it, or us, for another format.
        </p>

        <h2>What we’re doing to improve accessibility</h2>
        <p>
          Every page the portal’s browser tests visit is checked with axe for WCAG 2.2 A and AA in each release; in each
          release a browser test also opens the pages each role reaches from its home page at 320 pixels wide, with and
          without JavaScript, and checks that none scrolls sideways; and a pa11y check covers the pages of every role
          before a release.
        </p>

        <h2>Preparation of this accessibility statement</h2>
        <p>This statement was prepared on 2 December 2026. It was last reviewed on 2 December 2026.</p>
        <p>
          This website was last tested on 2 December 2026 against the WCAG 2.2 AA standard. The test was carried out by
          the portal’s development team. We tested the pages of every role (service contributor, service lead, executive
          sponsor, validator, regional lead, national admin and national viewer): sign-in, home, the submission task
          list, pen portrait, outcome pages, evidence library, validation queue and workspace, results and development
          plans, dashboards, the framework browser, and administration. We used axe (in the automated browser tests) and
          Lighthouse, and checked by hand with a keyboard, at 320 pixels wide, with increased text spacing, with
          JavaScript turned off, and for page titles and content. On 2 December 2026 pa11y (HTML CodeSniffer, WCAG 2 AA)
          checked 218 pages (8 public pages and 30 pages of each role) and found no errors. Later on 2 December 2026 we
          checked by hand, at 320 pixels wide and with JavaScript turned off, the pages added that day: each role’s home
          page, the page shown when two people save the same outcome, new recovery codes and the contact details page;
          none scrolled sideways or needed JavaScript.
        </p>
      </div>
    </div>
  )
}
