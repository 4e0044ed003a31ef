import { describe, expect, it } from 'vitest'
import { errorPageHeading } from './error-page'
import { documentTitle, pageTitle } from './page-title'

describe('document titles', () => {
  it('name the error page for 403, 404 and 500, whatever the route would have called itself', () => {
    const title = (status: number) =>
      documentTitle('Pen portrait - LKS Quality Portal', { errorStatus: status, formErrors: false }, errorPageHeading)
    expect(title(404)).toBe('Page not found – LKS Quality Portal')
    expect(title(403)).toBe('You do not have permission to view this page – LKS Quality Portal')
    expect(title(500)).toBe('Sorry, there is a problem with the service – LKS Quality Portal')
    expect(title(503)).toBe('Sorry, there is a problem with the service – LKS Quality Portal')
  })

  it('start with "Error: " while a form shows errors', () => {
    expect(
      documentTitle('Sign in - LKS Quality Portal', { errorStatus: null, formErrors: true }, errorPageHeading),
    ).toBe('Error: Sign in - LKS Quality Portal')
    expect(
      documentTitle('Sign in - LKS Quality Portal', { errorStatus: null, formErrors: false }, errorPageHeading),
    ).toBe('Sign in - LKS Quality Portal')
  })

  it('end with the service name', () => {
    expect(pageTitle('Glossary')).toBe('Glossary – LKS Quality Portal')
  })
})
