// Abbreviations the portal uses (issue 16, WCAG 3.1.4 and the NHS content guide): each is spelled
// out in words where a page first uses it, and marked up with its expansion wherever it stands alone
// (table headings, summary keys). The glossary (/glossary, linked from the footer) explains them all.
export const ABBREVIATIONS = {
  LKS: 'library and knowledge services',
  ODS: 'Organisation Data Service',
  WTE: 'whole-time equivalent',
} as const

export type Abbreviation = keyof typeof ABBREVIATIONS

/** `<abbr title="Organisation Data Service">ODS</abbr>`. */
export function Abbr({ term }: { term: Abbreviation }) {
  return <abbr title={ABBREVIATIONS[term]}>{term}</abbr>
}

/** "ODS code" with the abbreviation marked up, for headings and keys. */
export function OdsCode() {
  return (
    <>
      <Abbr term="ODS" /> code
    </>
  )
}
