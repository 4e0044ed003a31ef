import type { ContactDetails as Details } from '~/modules/content/contact'

/** The installation's contact details as a list: email, and phone when there is one. */
export function ContactDetails({ contact }: { contact: Details }) {
  return (
    <ul>
      <li>
        email <a href={`mailto:${contact.email}`}>{contact.email}</a>
      </li>
      {contact.phone ? <li>call {contact.phone}</li> : null}
    </ul>
  )
}
