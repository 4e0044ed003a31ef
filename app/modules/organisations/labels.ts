export const ORGANISATION_TYPE_LABELS: Record<string, string> = {
  ACUTE_TRUST: 'Acute trust',
  MENTAL_HEALTH_TRUST: 'Mental health trust',
  COMMUNITY_TRUST: 'Community trust',
  AMBULANCE_TRUST: 'Ambulance trust',
  INTEGRATED_CARE_BOARD: 'Integrated care board',
  HIGHER_EDUCATION: 'Higher education institution',
  OTHER: 'Other',
}
