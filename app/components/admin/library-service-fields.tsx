import type { FieldMetadata } from '@conform-to/react'
import { Radios, TextInput } from '~/components/nhs'

export const LIBRARY_SERVICE_FIELDS = ['name', 'active', 'quotaMb'] as const

type Fields = Record<(typeof LIBRARY_SERVICE_FIELDS)[number], Pick<FieldMetadata<string>, 'initialValue' | 'errors'>>

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** The fields of the new and edit library service forms. */
export function LibraryServiceFields({ fields, defaultQuotaMb }: { fields: Fields; defaultQuotaMb: number }) {
  return (
    <>
      <TextInput
        name="name"
        id="name"
        label="Name"
        defaultValue={text(fields.name.initialValue)}
        error={fields.name.errors?.[0]}
      />
      <Radios
        name="active"
        id="active"
        legend="Is the service active?"
        legendSize="s"
        hint="Only active services take part in new cycles."
        inline
        defaultValue={text(fields.active.initialValue)}
        error={fields.active.errors?.[0]}
        items={[
          { value: 'true', text: 'Yes' },
          { value: 'false', text: 'No' },
        ]}
      />
      <TextInput
        name="quotaMb"
        id="quotaMb"
        label="Evidence quota in MB (optional)"
        hint={`How much evidence the service can store. Leave it empty for the standard quota of ${defaultQuotaMb.toLocaleString('en-GB')}MB.`}
        inputMode="numeric"
        width={10}
        defaultValue={text(fields.quotaMb.initialValue)}
        error={fields.quotaMb.errors?.[0]}
      />
    </>
  )
}
