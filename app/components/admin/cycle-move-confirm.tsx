import type { ReactNode } from 'react'
import { Form } from '@remix-run/react'
import { BackLink, Button, ErrorSummary, WarningCallout } from '~/components/nhs'

export type CycleMoveConfirmProps = {
  cycle: { id: string; name: string; updatedAt: string | Date }
  /** "Open" or "Close": the page's heading ("Open the cycle"), its button ("Open cycle") and its warning. */
  verb: 'Open' | 'Close'
  /** What the move will do, in the warning callout. */
  warning: ReactNode
  /** The action's error (stale page, someone else's change, a refusal), shown in the error summary. */
  error?: string
  /** Anything the administrator should check before confirming, between the warning and the button. */
  children?: ReactNode
  wide?: boolean
}

/**
 * The confirm page for a move of a cycle that cannot be undone (opening, closing): what it will do,
 * and one button that posts the cycle's `updatedAt` so that a change made meanwhile is caught
 * (utils/cycle-move.server.ts).
 */
export function CycleMoveConfirm({ cycle, verb, warning, error, children, wide = false }: CycleMoveConfirmProps) {
  const back = `/admin/cycles/${cycle.id}`
  const buttonId = `${verb.toLowerCase()}-cycle`
  return (
    <div className="nhsuk-grid-row">
      <div className={wide ? 'nhsuk-grid-column-full' : 'nhsuk-grid-column-two-thirds'}>
        <BackLink href={back}>Back to {cycle.name}</BackLink>
        <ErrorSummary errors={error ? [{ href: `#${buttonId}`, text: error }] : []} />
        <span className="nhsuk-caption-l">{cycle.name}</span>
        <h1>{verb} the cycle</h1>
        <WarningCallout heading={`${verb === 'Open' ? 'Opening' : 'Closing'} cannot be undone`}>
          {warning}
        </WarningCallout>
        {children}
        <Form method="post">
          <input type="hidden" name="updatedAt" value={new Date(cycle.updatedAt).toISOString()} />
          <div className="nhsuk-button-group">
            <Button type="submit" id={buttonId} variant={verb === 'Close' ? 'warning' : undefined} preventDoubleClick>
              {verb} cycle
            </Button>
            <a className="nhsuk-link" href={back}>
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}
