import { WarningCallout } from '~/components/nhs'

/**
 * Newly made recovery codes, shown once (on setting up two-step verification and on making new
 * codes): the list, the warning that they will not be seen again, and the way on.
 */
export function RecoveryCodeList({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  return (
    <>
      <ul className="nhsuk-list" aria-label="Recovery codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <WarningCallout heading="You will not see these codes again">
        <p>
          Keep them somewhere safe that is not your phone, such as a password manager or a printed copy kept with your
          other work papers.
        </p>
      </WarningCallout>
      <p>
        <a className="nhsuk-button" href={continueTo}>
          Continue
        </a>
      </p>
    </>
  )
}
