import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import {
  Breadcrumbs,
  Button,
  Checkboxes,
  DateInput,
  ErrorSummary,
  Header,
  NotificationBanner,
  PasswordInput,
  Radios,
  SummaryList,
  Table,
  Tag,
  TaskList,
  TextInput,
  Textarea,
  WarningCallout,
} from '~/components/nhs'

/** Returns the opening tag of the first element whose opening tag contains `needle`. */
function openingTag(html: string, needle: string): string {
  const at = html.indexOf(needle)
  expect(at, `"${needle}" in ${html}`).toBeGreaterThanOrEqual(0)
  const start = html.lastIndexOf('<', at)
  return html.slice(start, html.indexOf('>', at) + 1)
}

describe('TextInput', () => {
  const html = renderToStaticMarkup(
    <TextInput
      name="email"
      label="Email address"
      hint="We will only use this to contact you"
      error="Enter an email address"
    />,
  )

  it('links the hint and error message with aria-describedby', () => {
    const input = openingTag(html, '<input')
    expect(input).toContain('id="email"')
    expect(input).toContain('name="email"')
    expect(input).toContain('aria-describedby="email-hint email-error"')
    expect(html).toContain('<label class="nhsuk-label" for="email">Email address</label>')
    expect(html).toContain('<div class="nhsuk-hint" id="email-hint">')
  })

  it('uses the v10 error classes and visually hidden prefix', () => {
    expect(openingTag(html, '<div')).toContain('class="nhsuk-form-group nhsuk-form-group--error"')
    expect(openingTag(html, '<input')).toContain('class="nhsuk-input nhsuk-input--error"')
    expect(html).toContain(
      '<span class="nhsuk-error-message" id="email-error"><span class="nhsuk-u-visually-hidden">Error: </span>Enter an email address</span>',
    )
  })

  it('has no error markup or describedby when valid', () => {
    const valid = renderToStaticMarkup(<TextInput id="org-name" name="name" label="Name" width={20} isPageHeading />)
    expect(valid).not.toContain('error')
    expect(valid).not.toContain('aria-describedby')
    expect(valid).toContain('<h1 class="nhsuk-label-wrapper"><label class="nhsuk-label nhsuk-label--l" for="org-name">')
    expect(openingTag(valid, '<input')).toContain('class="nhsuk-input nhsuk-input--width-20"')
  })
})

describe('PasswordInput', () => {
  it('renders a plain password field with the JS-only toggle hidden', () => {
    const html = renderToStaticMarkup(<PasswordInput name="password" label="Password" />)
    expect(openingTag(html, '<div')).toContain('data-module="nhsuk-password-input"')
    const input = openingTag(html, '<input')
    expect(input).toContain('type="password"')
    // React keeps the camelCase attribute name; HTML attribute names are case-insensitive.
    expect(input.toLowerCase()).toContain('autocomplete="current-password"')
    const toggle = openingTag(html, '<button')
    expect(toggle).toContain('hidden=""')
    expect(toggle).toContain('aria-controls="password"')
    expect(toggle).toContain('type="button"')
  })
})

describe('Textarea', () => {
  it('renders the character count markup and fallback hint', () => {
    const html = renderToStaticMarkup(
      <Textarea name="notes" label="Notes" hint="Optional" characterCount={{ maxLength: 500 }} />,
    )
    const group = openingTag(html, '<div')
    expect(group).toContain('class="nhsuk-form-group nhsuk-character-count"')
    expect(group).toContain('data-module="nhsuk-character-count"')
    expect(group).toContain('data-maxlength="500"')
    expect(openingTag(html, '<textarea')).toContain('aria-describedby="notes-info notes-hint"')
    expect(html).toContain(
      '<div class="nhsuk-hint nhsuk-character-count__message" id="notes-info">You can enter up to 500 characters</div>',
    )
  })
})

describe('ErrorSummary', () => {
  it('renders nothing without errors', () => {
    expect(renderToStaticMarkup(<ErrorSummary errors={[]} />)).toBe('')
  })

  it('renders a focusable summary with links to the fields', () => {
    const html = renderToStaticMarkup(
      <ErrorSummary
        errors={[
          { href: '#email', text: 'Enter an email address' },
          { href: '#role', text: 'Select a role' },
        ]}
      />,
    )
    const outer = openingTag(html, 'nhsuk-error-summary"')
    expect(outer).toContain('tabindex="-1"')
    expect(html).toContain('<div role="alert"><h2 class="nhsuk-error-summary__heading">There is a problem</h2>')
    expect(html).toContain('<ul class="nhsuk-list nhsuk-error-summary__list">')
    expect(html).toContain('<a href="#email">Enter an email address</a>')
    expect(html).toContain('<a href="#role">Select a role</a>')
  })
})

describe('Radios and Checkboxes', () => {
  const items = [
    { value: 'yes', text: 'Yes', hint: 'Because it is' },
    { value: 'no', text: 'No' },
  ]

  it('gives the first radio the field id and links the group description', () => {
    const html = renderToStaticMarkup(
      <Radios
        name="agree"
        legend="Do you agree?"
        hint="Select one"
        error="Select yes or no"
        items={items}
        defaultValue="no"
      />,
    )
    const first = openingTag(html, 'value="yes"')
    expect(first).toContain('id="agree"')
    expect(first).toContain('type="radio"')
    expect(first).toContain('aria-describedby="agree-item-hint"')
    const second = openingTag(html, 'value="no"')
    expect(second).toContain('id="agree-2"')
    expect(second).toContain('checked=""')
    expect(openingTag(html, '<fieldset')).toContain('aria-describedby="agree-hint agree-error"')
    expect(html).toContain('<legend class="nhsuk-fieldset__legend">Do you agree?</legend>')
    expect(html).toContain('<div class="nhsuk-radios" data-module="nhsuk-radios">')
    expect(html).toContain('<label class="nhsuk-label nhsuk-radios__label" for="agree">Yes</label>')
    expect(html).toContain('<div class="nhsuk-hint nhsuk-radios__hint" id="agree-item-hint">Because it is</div>')
  })

  it('renders checkboxes with their v10 classes and pre-checked values', () => {
    const html = renderToStaticMarkup(
      <Checkboxes
        id="opts"
        name="options"
        legend="Options"
        items={items}
        defaultValues={['yes']}
        small
        isPageHeading
      />,
    )
    expect(openingTag(html, 'value="yes"')).toContain('id="opts"')
    expect(openingTag(html, 'value="yes"')).toContain('checked=""')
    expect(openingTag(html, 'value="no"')).not.toContain('checked')
    expect(html).toContain('class="nhsuk-checkboxes nhsuk-checkboxes--small"')
    expect(html).toContain(
      '<legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l"><h1 class="nhsuk-fieldset__heading">Options</h1></legend>',
    )
  })
})

describe('DateInput', () => {
  it('names parts with the name prefix and marks errors', () => {
    const html = renderToStaticMarkup(
      <DateInput
        name="due"
        legend="Due date"
        error="Enter a due date"
        errorParts={['day']}
        defaultValue={{ month: '3' }}
      />,
    )
    expect(openingTag(html, '<fieldset')).toContain('role="group"')
    const day = openingTag(html, 'id="due-day"')
    expect(day).toContain('name="due.day"')
    expect(day).toContain('nhsuk-input--error')
    const month = openingTag(html, 'id="due-month"')
    expect(month).toContain('value="3"')
    expect(month).not.toContain('nhsuk-input--error')
    expect(openingTag(html, 'id="due-year"')).toContain('nhsuk-input--width-4')
  })
})

describe('TaskList', () => {
  it('links only tasks with an href', () => {
    const html = renderToStaticMarkup(
      <TaskList
        items={[
          {
            id: 'details',
            title: 'Organisation details',
            href: '/details',
            hint: 'Name and address',
            status: { text: 'Incomplete', tag: { colour: 'blue' } },
          },
          { id: 'submit', title: 'Submit', status: { text: 'Cannot start yet' } },
        ]}
      />,
    )
    expect(html).toContain('<li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">')
    expect(openingTag(html, 'href="/details"')).toContain('aria-describedby="details-hint details-status"')
    expect(html).toContain('<strong class="nhsuk-tag nhsuk-tag--blue">Incomplete</strong>')

    const lastItem = html.slice(html.lastIndexOf('<li'))
    expect(lastItem).toContain('<li class="nhsuk-task-list__item">')
    expect(lastItem).not.toContain('<a')
    expect(lastItem).toContain('<div>Submit</div>')
    expect(lastItem).toContain('id="submit-status"')
  })
})

describe('Header', () => {
  it('renders the signed-in user and a sign-out form that works without JavaScript', () => {
    const html = renderToStaticMarkup(
      <Header
        serviceName="LKS Quality Portal"
        serviceHref="/"
        user={{ name: 'Florence Nightingale' }}
        navigation={[
          { href: '/', text: 'Home', current: true },
          { href: '/organisations', text: 'Organisations' },
        ]}
      />,
    )
    expect(html).toContain('aria-label="NHS LKS Quality Portal homepage"')
    expect(html).toContain('<span class="nhsuk-header__service-name">LKS Quality Portal</span>')
    expect(html).toContain('Florence Nightingale')
    expect(openingTag(html, '<form')).toContain('action="/sign-out"')
    expect(openingTag(html, '<form')).toContain('method="post"')
    expect(html).toContain('<button class="nhsuk-header__account-button" type="submit">Sign out</button>')
    expect(openingTag(html, 'nhsuk-header__navigation-link" href="/"')).toContain('aria-current="page"')
    expect(html).toContain('<strong class="nhsuk-header__navigation-item-current-fallback">Home</strong>')
    expect(html).toContain('<li class="nhsuk-header__menu" hidden="">')
  })

  it('omits the account area when signed out', () => {
    const html = renderToStaticMarkup(<Header serviceName="Portal" serviceHref="/" user={null} />)
    expect(html).not.toContain('nhsuk-header__account')
    expect(html).not.toContain('nhsuk-header__navigation')
  })
})

describe('other components', () => {
  it('Button marks disabled and double-click prevention', () => {
    const html = renderToStaticMarkup(
      <Button variant="secondary" disabled preventDoubleClick>
        Save
      </Button>,
    )
    expect(html).toBe(
      '<button class="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" data-prevent-double-click="true" type="submit" disabled="" aria-disabled="true">Save</button>',
    )
  })

  it('Tag uses the v10 colour modifier', () => {
    expect(renderToStaticMarkup(<Tag colour="aqua-green">Done</Tag>)).toBe(
      '<strong class="nhsuk-tag nhsuk-tag--aqua-green">Done</strong>',
    )
  })

  it('Table scopes column and row headers', () => {
    const html = renderToStaticMarkup(
      <Table caption="Scores" head={['Name', 'Score']} rows={[['A', '1']]} firstCellIsHeader responsive />,
    )
    expect(html).toContain('<th class="nhsuk-table__header" scope="col" role="columnheader">Name</th>')
    expect(html).toContain(
      '<th class="nhsuk-table__header" scope="row" role="rowheader"><span class="nhsuk-table__heading" aria-hidden="true">Name </span>A</th>',
    )
  })

  it('SummaryList action has visually hidden context', () => {
    const html = renderToStaticMarkup(
      <SummaryList
        rows={[{ key: 'Name', value: 'Trust', action: { href: '/edit', text: 'Change', visuallyHiddenText: 'name' } }]}
      />,
    )
    expect(html).toContain(
      '<a class="nhsuk-link" href="/edit">Change<span class="nhsuk-u-visually-hidden"> name</span></a>',
    )
  })

  it('NotificationBanner success variant is an alert', () => {
    const html = renderToStaticMarkup(<NotificationBanner success>Saved</NotificationBanner>)
    expect(openingTag(html, '<div')).toContain('role="alert"')
    expect(html).toContain('>Success</h2>')
    expect(html).toContain('<p class="nhsuk-notification-banner__heading">Saved</p>')
  })

  it('WarningCallout adds the hidden Important prefix', () => {
    const html = renderToStaticMarkup(<WarningCallout heading="Deadline">Submit by June</WarningCallout>)
    expect(html).toContain('<span class="nhsuk-u-visually-hidden">Important: </span>Deadline')
  })

  it('Breadcrumbs include the mobile back link', () => {
    const html = renderToStaticMarkup(
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/orgs', text: 'Organisations' },
        ]}
      />,
    )
    expect(html).toContain(
      '<a class="nhsuk-back-link" href="/orgs"><span class="nhsuk-u-visually-hidden">Back to </span>Organisations</a>',
    )
  })
})
