export const ORGANISATION_TYPE_LABELS: Record<string, string> = {
  ACUTE_TRUST: 'Acute trust',
  MENTAL_HEALTH_TRUST: 'Mental health trust',
  COMMUNITY_TRUST: 'Community trust',
  AMBULANCE_TRUST: 'Ambulance trust',
  INTEGRATED_CARE_BOARD: 'Integrated care board',
  HIGHER_EDUCATION: 'Higher education institution',
  OTHER: 'Other',
}

/** The CSV import's columns as its messages name them (here, not in the parser, so pages can use them without bundling csv-parse). */
export type ImportField = 'odsCode' | 'name' | 'type' | 'region'

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  odsCode: 'ODS code',
  name: 'name',
  type: 'type',
  region: 'region',
}
