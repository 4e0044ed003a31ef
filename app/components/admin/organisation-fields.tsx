import type { FieldMetadata } from '@conform-to/react'
import { Select, TextInput } from '~/components/nhs'
import { ORGANISATION_TYPE_LABELS } from '~/modules/organisations/labels'

export const ORGANISATION_FIELDS = ['odsCode', 'name', 'type', 'regionId'] as const

type Fields = Record<(typeof ORGANISATION_FIELDS)[number], Pick<FieldMetadata<string>, 'initialValue' | 'errors'>>

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** The fields of the new and edit organisation forms. */
export function OrganisationFields({
  fields,
  regions,
}: {
  fields: Fields
  regions: Array<{ id: string; name: string; code: string }>
}) {
  return (
    <>
      <TextInput
        name="odsCode"
        id="odsCode"
        label="ODS code"
        hint="The organisation's code from the Organisation Data Service (ODS): 3 to 10 letters and numbers. For example, RXV"
        width={10}
        autoComplete="off"
        spellCheck={false}
        defaultValue={text(fields.odsCode.initialValue)}
        error={fields.odsCode.errors?.[0]}
      />
      <TextInput
        name="name"
        id="name"
        label="Name"
        defaultValue={text(fields.name.initialValue)}
        error={fields.name.errors?.[0]}
      />
      <Select
        name="type"
        id="type"
        label="Type"
        options={[
          { value: '', text: 'Select a type' },
          ...Object.entries(ORGANISATION_TYPE_LABELS).map(([value, label]) => ({ value, text: label })),
        ]}
        defaultValue={text(fields.type.initialValue)}
        error={fields.type.errors?.[0]}
      />
      <Select
        name="regionId"
        id="regionId"
        label="Region"
        options={[{ value: '', text: 'Select a region' }, ...regions.map((r) => ({ value: r.id, text: r.name }))]}
        defaultValue={text(fields.regionId.initialValue)}
        error={fields.regionId.errors?.[0]}
      />
    </>
  )
}
