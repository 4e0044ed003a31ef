import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ContactDetails } from '~/components/contact-details'
import { Table } from '~/components/nhs'
import { pageTitle } from '~/components/page-title'
import { contactDetails } from '~/modules/content/contact.server'

export const meta: MetaFunction = () => [{ title: pageTitle('Cookies') }]

export async function loader() {
  return { contact: await contactDetails() }
}

export default function Cookies() {
  const { contact } = useLoaderData<typeof loader>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Cookies</h1>
        <p>
          Cookies are small files saved on your phone, tablet or computer when you visit a website. The LKS Quality
          Portal uses only the cookies it needs to work, so it does not ask for your consent.
        </p>
        <h2>Strictly necessary cookies</h2>
        <Table
          caption="Cookies the portal sets"
          responsive
          head={['Name', 'What it does', 'When it expires']}
          rows={[
            [
              'lks_session',
              'Keeps you signed in. It holds a random token, not your details.',
              'When you close your browser',
            ],
            [
              'lks_flash',
              'Shows a message once after you save something, such as “Narrative saved”.',
              'When you close your browser, or once the message is shown',
            ],
          ]}
        />
        <h2>Analytics cookies</h2>
        <p>The portal does not set analytics cookies, or any cookie from another website.</p>
        <h2>Questions</h2>
        <p>If you have a question about cookies, contact {contact.team}:</p>
        <ContactDetails contact={contact} />
        <p>
          How we use your personal data is described in the <a href="/privacy">privacy notice</a>.
        </p>
      </div>
    </div>
  )
}
