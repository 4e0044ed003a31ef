import { cx } from './class-names'
import { HeaderNavigation, type HeaderNavigationItem } from './header-navigation'

export type { HeaderNavigationItem }

export type HeaderAccountForm = {
  action: string
  method: 'post'
  /** Hidden fields to submit with the form (e.g. a CSRF token). */
  fields?: Record<string, string>
}

export type HeaderAccountItem = {
  /** A link item. */
  href?: string
  text: string
  /** A form item, rendered as a v10 `nhsuk-header__account-form` with a `nhsuk-header__account-button`. */
  form?: HeaderAccountForm
  /** Prefix the item with the v10 user icon. */
  icon?: boolean
}

export type HeaderProps = {
  serviceName: string
  serviceHref: string
  /** Signed-in user; when `account` is not given, shows the user's name and a "Sign out" form. */
  user?: { name: string } | null
  navigation?: HeaderNavigationItem[]
  /** Explicit account items; overrides the items derived from `user`. */
  account?: HeaderAccountItem[]
  /** Action of the derived "Sign out" form; defaults to `/sign-out`. */
  signOutAction?: string
  /** Hidden fields for the derived "Sign out" form (e.g. a CSRF token). */
  signOutFields?: Record<string, string>
  className?: string
}

const NHS_LOGO_PATH =
  'M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z'

const USER_ICON_PATH =
  'M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z'

/** The NHS logo SVG exactly as the v10 header renders it. */
export function NhsLogo() {
  return (
    <svg
      className="nhsuk-header__logo"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 200 80"
      height="40"
      width="100"
      focusable="false"
      role="img"
      aria-label="NHS"
    >
      <title>NHS</title>
      <path fill="currentcolor" d={NHS_LOGO_PATH} />
    </svg>
  )
}

function UserIcon() {
  return (
    <svg
      className="nhsuk-icon nhsuk-icon--user"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      <path d={USER_ICON_PATH} />
    </svg>
  )
}

function AccountItemContent({ item }: { item: HeaderAccountItem }) {
  return (
    <>
      {item.icon ? <UserIcon /> : null}
      {item.text}
    </>
  )
}

/**
 * nhsuk-frontend v10 header: NHS logo and service name as one link, an account area and a navigation
 * bar whose links that do not fit move into a "More" menu (without JavaScript they wrap onto more lines).
 */
export function Header({
  serviceName,
  serviceHref,
  user,
  navigation,
  account,
  signOutAction = '/sign-out',
  signOutFields,
  className,
}: HeaderProps) {
  const accountItems: HeaderAccountItem[] | undefined =
    account ??
    (user
      ? [
          { text: user.name, icon: true },
          { text: 'Sign out', form: { action: signOutAction, method: 'post', fields: signOutFields } },
        ]
      : undefined)

  return (
    <header className={cx('nhsuk-header', className)} data-module="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <a className="nhsuk-header__service-logo" href={serviceHref} aria-label={`NHS ${serviceName} homepage`}>
            <NhsLogo />
            <span className="nhsuk-header__service-name">{serviceName}</span>
          </a>
        </div>
        {accountItems && accountItems.length > 0 ? (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              {accountItems.map((item, index) => (
                <li className="nhsuk-header__account-item" key={`${index}-${item.text}`}>
                  {item.href ? (
                    <a className="nhsuk-header__account-link" href={item.href}>
                      <AccountItemContent item={item} />
                    </a>
                  ) : item.form ? (
                    <form
                      className="nhsuk-header__account-form"
                      action={item.form.action}
                      method={item.form.method}
                      noValidate
                    >
                      {Object.entries(item.form.fields ?? {}).map(([name, value]) => (
                        <input type="hidden" name={name} value={value} key={name} />
                      ))}
                      <button className="nhsuk-header__account-button" type="submit">
                        <AccountItemContent item={item} />
                      </button>
                    </form>
                  ) : (
                    <AccountItemContent item={item} />
                  )}
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
      {navigation && navigation.length > 0 ? <HeaderNavigation items={navigation} /> : null}
    </header>
  )
}
