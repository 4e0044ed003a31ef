import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ContactDetails } from '~/components/contact-details'
import { pageTitle } from '~/components/page-title'
import { contactDetails } from '~/modules/content/contact.server'

export const meta: MetaFunction = () => [{ title: pageTitle('Privacy notice') }]

export async function loader() {
  return { contact: await contactDetails() }
}

export default function Privacy() {
  const { contact } = useLoaderData<typeof loader>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Privacy notice</h1>
        <p>
          This notice explains what personal data the LKS Quality Portal holds about you, why, for how long, who can see
          it, and your rights under the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act
          2018. NHS England is the controller of this data.
        </p>

        <h2>What we hold</h2>
        <ul>
          <li>your name, work email address and job title</li>
          <li>your roles in the portal and the library services, organisations or regions they cover</li>
          <li>a hash of your password (never the password itself) and, while you are signed in, your session</li>
          <li>
            what you write and upload as part of a self-assessment, validation or development plan, with your name and
            the time beside it
          </li>
          <li>
            an audit trail of what you did in the portal and when, with the IP address your request came from, and the
            emails the portal sent you
          </li>
        </ul>

        <h2>Why we hold it</h2>
        <p>
          To run the national quality assurance of NHS library and knowledge services: to let you sign in and do your
          part, to tell you when you need to act, to record who submitted, signed off, validated and published each
          result, and to keep the process secure and accountable. The lawful basis is public task (UK GDPR article
          6(1)(e)): NHS England assures the quality of the library and knowledge services that NHS education funding
          pays for.
        </p>

        <h2>How long we keep it</h2>
        <ul>
          <li>your account details: while your account is active, and afterwards for as long as records name you</li>
          <li>sessions: until you sign out or they expire</li>
          <li>
            submissions, validations, results and the audit trail: for the life of the quality assurance programme,
            because later cycles build on earlier ones and the audit trail must stay complete; nothing is deleted
            automatically today
          </li>
          <li>invitation and password reset links: until they are used or expire</li>
        </ul>

        <h2>Who can see it</h2>
        <p>
          People see only what their role covers: your own library service’s team, the executive sponsor of your
          organisation, the validators assigned to a submission, the regional lead of your region and the national team.
          National admins can read the audit trail and the emails the portal sent. We do not sell or share your data
          with anyone else, and it is stored in the UK.
        </p>

        <h2>Your rights</h2>
        <p>You have the right to:</p>
        <ul>
          <li>be told what data we hold about you and get a copy of it</li>
          <li>have data that is wrong corrected</li>
          <li>ask for your data to be deleted or its use restricted, where the law allows</li>
          <li>object to how we use your data</li>
        </ul>
        <p>To use any of these rights, or if you have a question about this notice, contact {contact.team}:</p>
        <ContactDetails contact={contact} />
        <p>
          If you are unhappy with how we have used your data, you can complain to the{' '}
          <a href="https://ico.org.uk/make-a-complaint/">Information Commissioner’s Office (ICO)</a>.
        </p>
        <p>
          The cookies the portal sets are described on the <a href="/cookies">cookies page</a>.
        </p>
        <p>This notice was last updated on 2 December 2026.</p>
      </div>
    </div>
  )
}
