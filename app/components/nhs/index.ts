export { cx } from './class-names'
export { VisuallyHidden, type VisuallyHiddenProps } from './visually-hidden'
export {
  Button,
  ButtonLink,
  buttonClassName,
  type ButtonProps,
  type ButtonLinkProps,
  type ButtonVariant,
} from './button'
export { ErrorSummary, type ErrorSummaryProps, type ErrorSummaryItem } from './error-summary'
export {
  ErrorMessage,
  FormGroup,
  Hint,
  Label,
  Legend,
  type ErrorMessageProps,
  type FieldProps,
  type FieldSize,
  type FormGroupProps,
  type GroupFieldProps,
  type HintProps,
  type LabelProps,
  type LegendProps,
} from './form-parts'
export { TextInput, PasswordInput, type TextInputProps, type PasswordInputProps, type InputWidth } from './text-input'
export { Textarea, type TextareaProps } from './textarea'
export { Select, type SelectProps, type SelectOption } from './select'
export { Radios, Checkboxes, type RadiosProps, type CheckboxesProps, type ChoiceItem } from './choices'
export { DateInput, datePartId, type DateInputProps, type DateInputValue, type DatePart } from './date-input'
export { Fieldset, type FieldsetProps } from './fieldset'
export { DisableFields } from './read-only-fields'
export { Tag, type TagProps, type TagColour } from './tag'
export { Table, type TableProps, type TableCaptionSize } from './table'
export { SummaryList, type SummaryListProps, type SummaryListRow, type SummaryListAction } from './summary-list'
export { NotificationBanner, type NotificationBannerProps } from './notification-banner'
export { InsetText, type InsetTextProps } from './inset-text'
export { WarningCallout, type WarningCalloutProps } from './warning-callout'
export { Details, type DetailsProps } from './details'
export { Card, type CardProps } from './card'
export { Panel, type PanelProps } from './panel'
export {
  BackLink,
  Breadcrumbs,
  SkipLink,
  type BackLinkProps,
  type BreadcrumbsProps,
  type BreadcrumbItem,
  type SkipLinkProps,
} from './navigation'
export { TaskList, type TaskListProps, type TaskListItem, type TaskListStatus } from './task-list'
export {
  Header,
  NhsLogo,
  type HeaderProps,
  type HeaderNavigationItem,
  type HeaderAccountItem,
  type HeaderAccountForm,
} from './header'
export { Footer, type FooterProps, type FooterLink } from './footer'
