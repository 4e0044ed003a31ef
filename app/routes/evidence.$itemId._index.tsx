import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Breadcrumbs, Button, ButtonLink, InsetText, SummaryList, Table, Tag, VisuallyHidden } from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { getEvidenceItem } from '~/modules/evidence/evidence.server'
import { fileKindLabel, formatFileSize, previewKind, shortSha256 } from '~/modules/evidence/files'
import { pointerPage, previewHref } from '~/modules/evidence/pointer'
import { formatEvidencePeriod } from '~/modules/evidence/period'
import { formatDate, formatDateTime } from '~/utils/dates'
import { notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.item.title} - Evidence library - LKS Quality Portal` : 'Evidence - LKS Quality Portal' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  // Missing, and out of the user's reach, both give 404, so a changed id reveals nothing.
  const item = await getEvidenceItem(user, params.itemId ?? '')
  if (!item) notFound()
  return { item }
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>['item']
type EvidenceFileView = Item['files'][number]

function FilePreview({ file }: { file: EvidenceFileView }) {
  const { current } = file
  const kind = previewKind(current.mimeType)
  const previewUrl = `/evidence/files/${current.id}/preview`
  if (kind === 'image') {
    return (
      <figure className="nhsuk-image">
        <img className="nhsuk-image__img" src={previewUrl} alt={`Preview of ${current.originalName}`} />
        <figcaption className="nhsuk-image__caption">Preview of {current.originalName}</figcaption>
      </figure>
    )
  }
  if (kind === 'pdf') {
    return (
      <>
        <iframe
          className="app-evidence-preview"
          src={previewUrl}
          title={`Preview of ${current.originalName}`}
          loading="lazy"
        />
        <p>
          <a href={previewUrl}>
            Open <VisuallyHidden>{current.originalName} </VisuallyHidden>in a new page
          </a>
        </p>
      </>
    )
  }
  return null
}

/** The pointer as written; a page of the item's PDF opens the preview at that page. */
function PointerCell({ pointer, pdf }: { pointer: string; pdf: EvidenceFileView['current'] | undefined }) {
  if (!pointer) return <>Not given</>
  const page = pdf ? pointerPage(pointer) : null
  if (!pdf || page === null) return <>{pointer}</>
  return (
    <a href={previewHref(pdf.id, 'pdf', pointer)}>
      {pointer}
      <VisuallyHidden>
        {' '}
        of {pdf.originalName} (opens the preview at page {page})
      </VisuallyHidden>
    </a>
  )
}

function EvidenceFileSection({ file, itemId }: { file: EvidenceFileView; itemId: string }) {
  const { current } = file
  const versions = [current, ...file.olderVersions]
  return (
    <section className="nhsuk-u-margin-bottom-6" aria-labelledby={`file-${file.id}`}>
      <h3 id={`file-${file.id}`}>{current.originalName}</h3>
      <p className="nhsuk-body-s">
        {fileKindLabel(current.mimeType)}, {formatFileSize(current.sizeBytes)}. Uploaded{' '}
        {formatDateTime(current.uploadedAt)} by {current.uploadedByName}.
      </p>
      <ul className="nhsuk-list">
        <li>
          <a href={`/evidence/files/${current.id}/download`}>
            Download <VisuallyHidden>{current.originalName}</VisuallyHidden>
          </a>
        </li>
        <li>
          <a href={`/evidence/${itemId}/files/${file.id}/replace`}>
            Replace <VisuallyHidden>{current.originalName} </VisuallyHidden>with a new version
          </a>
        </li>
      </ul>
      <FilePreview file={file} />
      <Table
        caption={`Versions of ${current.originalName}`}
        captionSize="s"
        responsive
        head={['Version', 'Uploaded', 'Uploaded by', 'Size', 'SHA-256', 'File']}
        rows={versions.map((version) => [
          version.version === current.version ? `${version.version} (current)` : String(version.version),
          formatDateTime(version.uploadedAt),
          version.uploadedByName,
          formatFileSize(version.sizeBytes),
          <code key="sha" title={version.sha256}>
            {shortSha256(version.sha256)}
          </code>,
          <a key="download" href={`/evidence/files/${version.id}/download`}>
            Download{' '}
            <VisuallyHidden>
              version {version.version} of {version.originalName}
            </VisuallyHidden>
          </a>,
        ])}
      />
    </section>
  )
}

export default function EvidenceItemPage() {
  const { item } = useLoaderData<typeof loader>()
  const archived = item.archivedAt !== null
  // The item's PDF, which a pointer such as "page 2" opens at its page.
  const pdf = item.files.map((f) => f.current).find((f) => previewKind(f.mimeType) === 'pdf')
  const edit = { href: `/evidence/${item.id}/edit`, text: 'Change' }
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: `/services/${item.libraryService.id}/evidence`, text: 'Evidence library' },
        ]}
      />
      <span className="nhsuk-caption-l">{item.libraryService.name}</span>
      <h1>{item.title}</h1>
      {archived ? (
        <InsetText>
          <p>
            <Tag colour="grey">Archived</Tag> This evidence was archived on{' '}
            {formatDate(item.archivedAt ?? item.updatedAt)}. It is hidden from your evidence library and cannot be
            linked to outcomes until it is restored.
          </p>
        </InsetText>
      ) : null}
      <SummaryList
        rows={[
          {
            key: 'Description',
            value: item.description || 'None',
            action: { ...edit, visuallyHiddenText: 'description' },
          },
          {
            key: 'Evidence date',
            value: formatEvidencePeriod(item.evidenceDateFrom, item.evidenceDateTo),
            action: { ...edit, visuallyHiddenText: 'evidence date' },
          },
          ...(item.url
            ? [
                {
                  key: 'Web link',
                  value: (
                    <a href={item.url} rel="noopener noreferrer">
                      {item.url}
                    </a>
                  ),
                  action: { ...edit, visuallyHiddenText: 'web link' },
                },
              ]
            : []),
          { key: 'Added', value: `${formatDateTime(item.createdAt)} by ${item.createdByName}` },
          { key: 'Last updated', value: formatDateTime(item.updatedAt) },
        ]}
      />

      {item.url ? null : (
        <section aria-labelledby="files-heading">
          <h2 id="files-heading">Files</h2>
          {item.files.map((file) => (
            <EvidenceFileSection key={file.id} file={file} itemId={item.id} />
          ))}
          <ButtonLink href={`/evidence/${item.id}/files/new`} variant="secondary">
            Add files
          </ButtonLink>
        </section>
      )}

      <section aria-labelledby="links-heading">
        <h2 id="links-heading">Linked to outcomes</h2>
        {item.links.length === 0 ? (
          <p>This evidence is not linked to any outcome yet. Link it from a submission’s outcome pages.</p>
        ) : (
          <Table
            caption="Where this evidence is used"
            captionSize="s"
            responsive
            head={['Submission', 'Outcome', 'Indicator', 'Page or section']}
            rows={item.links.map((link) => [
              <a key="submission" href={`/submissions/${link.submission.id}`}>
                {link.submission.organisationName}, {link.submission.cycleName}
              </a>,
              `${link.outcomeNumber}. ${link.outcomeTitle}`,
              link.indicatorCode ?? 'Whole outcome',
              <PointerCell key="pointer" pointer={link.pointer} pdf={pdf} />,
            ])}
          />
        )}
      </section>

      <section aria-labelledby="manage-heading">
        <h2 id="manage-heading">Manage this evidence</h2>
        <Form method="post" action={`/evidence/${item.id}/archive`} reloadDocument>
          <input type="hidden" name="intent" value={archived ? 'restore' : 'archive'} />
          <div className="nhsuk-button-group">
            <ButtonLink href={`/evidence/${item.id}/edit`} variant="secondary">
              Edit details
            </ButtonLink>
            <Button type="submit" variant="secondary">
              {archived ? 'Restore' : 'Archive'} <VisuallyHidden>this evidence</VisuallyHidden>
            </Button>
            <a className="nhsuk-link" href={`/evidence/${item.id}/delete`}>
              Delete this evidence
            </a>
          </div>
        </Form>
        {archived ? null : (
          <p className="nhsuk-body-s">
            Archiving hides evidence from your library and from linking, and keeps its files. You can restore it at any
            time.
          </p>
        )}
      </section>
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('evidence')
