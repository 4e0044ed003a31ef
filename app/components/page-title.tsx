import { Meta } from '@remix-run/react'
import {
  Children,
  cloneElement,
  createContext,
  isValidElement,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react'

export const SERVICE_NAME = 'LKS Quality Portal'

/** "Page not found – LKS Quality Portal": the page's own words first, then the service. */
export function pageTitle(...parts: string[]) {
  return [...parts.filter(Boolean), SERVICE_NAME].join(' – ')
}

/** What the server knows before it renders the head: the page is an error page, or a form came back with errors. */
export type ServerPageState = { errorStatus: number | null; formRejected: boolean }

const ServerPageStateContext = createContext<ServerPageState>({ errorStatus: null, formRejected: false })
export const ServerPageStateProvider = ServerPageStateContext.Provider

type TitleState = { errorStatus: number | null; formsWithErrors: number }
type TitleReporter = {
  setErrorStatus: (status: number | null) => void
  addFormWithErrors: () => () => void
}

const TitleStateContext = createContext<TitleState>({ errorStatus: null, formsWithErrors: 0 })
const TitleReporterContext = createContext<TitleReporter | null>(null)

/**
 * Holds what the document title must say beyond the route's own meta title: that the page is an
 * error page (from any error boundary that renders `ErrorPage`), or that a form on it shows errors
 * (from any `ErrorSummary` with errors, whether the server or the browser found them).
 */
export function PageTitleProvider({ children }: { children: ReactNode }) {
  const [errorStatus, setErrorStatus] = useState<number | null>(null)
  const [formsWithErrors, setFormsWithErrors] = useState(0)
  const addFormWithErrors = useCallback(() => {
    setFormsWithErrors((count) => count + 1)
    return () => setFormsWithErrors((count) => count - 1)
  }, [])
  const reporter = useMemo(() => ({ setErrorStatus, addFormWithErrors }), [addFormWithErrors])
  const state = useMemo(() => ({ errorStatus, formsWithErrors }), [errorStatus, formsWithErrors])
  return (
    <TitleReporterContext.Provider value={reporter}>
      <TitleStateContext.Provider value={state}>{children}</TitleStateContext.Provider>
    </TitleReporterContext.Provider>
  )
}

/** Error pages call this: the title becomes the error page's heading ("Page not found – ..."). */
export function useErrorPageTitle(status: number) {
  const reporter = useContext(TitleReporterContext)
  useEffect(() => {
    if (!reporter) return
    reporter.setErrorStatus(status)
    return () => reporter.setErrorStatus(null)
  }, [reporter, status])
}

/** The error summary calls this: while a form shows errors the title starts with "Error: ". */
export function useFormErrorsTitle(hasErrors: boolean) {
  const reporter = useContext(TitleReporterContext)
  useEffect(() => {
    if (!reporter || !hasErrors) return
    return reporter.addFormWithErrors()
  }, [reporter, hasErrors])
}

export function documentTitle(
  routeTitle: string,
  state: { errorStatus: number | null; formErrors: boolean },
  errorHeading: (status: number) => string,
) {
  if (state.errorStatus != null) return pageTitle(errorHeading(state.errorStatus))
  return state.formErrors ? `Error: ${routeTitle}` : routeTitle
}

/**
 * Remix's `<Meta />` with the title adjusted for error pages and forms with errors. The server
 * decides from the response (it renders the head before the body); in the browser the error page
 * and error summary report themselves, so client-side validation changes the title too.
 */
export function DocumentMeta({ errorHeading }: { errorHeading: (status: number) => string }) {
  const server = useContext(ServerPageStateContext)
  const client = useContext(TitleStateContext)
  const state = {
    errorStatus: client.errorStatus ?? server.errorStatus,
    formErrors: client.formsWithErrors > 0 || server.formRejected,
  }
  // Meta is called as a function so its elements can be adjusted; it runs the same hooks on every render.
  const meta = Meta() as ReactElement<{ children?: ReactNode }>
  const children = Children.map(meta.props.children, (child) => {
    if (!isValidElement<{ children?: ReactNode }>(child) || child.type !== 'title') return child
    const title = documentTitle(String(child.props.children ?? SERVICE_NAME), state, errorHeading)
    // The browser's first render cannot know what the server saw; the effects above settle it.
    return cloneElement(child as ReactElement<Record<string, unknown>>, { suppressHydrationWarning: true }, title)
  })
  return <>{children}</>
}
