import { InsetText } from '~/components/nhs'
import { formatDateTime } from '~/utils/dates'

/** "Signed off by Dr Aisha Rahman, Chief Medical Officer, on 3 December 2026 at 2:30pm." */
export function SignedOffNote({ signOff }: { signOff: { signerName: string; signerRole: string; at: Date | string } }) {
  return (
    <InsetText>
      <p>
        Signed off by {signOff.signerName}, {signOff.signerRole}, on {formatDateTime(signOff.at)}.
      </p>
    </InsetText>
  )
}
