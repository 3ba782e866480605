/**
 * The one policy for scanned documents: the request schemas, the presigner, the verification
 * function and the OpenAPI document all read it, so a limit changes in one place.
 */
export const DOCUMENT_KINDS = ['identity-document', 'evidence', 'power-of-attorney', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** File signatures (magic bytes) of the formats an office scans to. */
const SIGNATURES = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/tiff': [
    [0x49, 0x49, 0x2a, 0x00], // little-endian
    [0x4d, 0x4d, 0x00, 0x2a], // big-endian
  ],
} as const satisfies Record<string, readonly (readonly number[])[]>;

export type DocumentContentType = keyof typeof SIGNATURES;
export const DOCUMENT_CONTENT_TYPES = Object.keys(SIGNATURES) as DocumentContentType[];

export const DOCUMENT_POLICY = {
  /** A scanned multi-page case document at office resolution stays well under this. */
  maxBytes: 25 * 1024 * 1024,
  maxFilesPerPetition: 20,
  contentTypes: DOCUMENT_CONTENT_TYPES,
  kinds: DOCUMENT_KINDS,
  /** Long enough to scan and upload a batch; short enough that a leaked URL is soon useless. */
  uploadUrlSeconds: 15 * 60,
  downloadUrlSeconds: 60,
  /** Documents of drafts that are never submitted are deleted after this many days. */
  draftObjectDays: 60,
} as const;

/** The longest signature, i.e. how many leading bytes verification needs to read. */
export const SIGNATURE_BYTES = Math.max(...Object.values(SIGNATURES).flatMap((list) => list.map((s) => s.length)));

export function detectContentType(head: Uint8Array): DocumentContentType | undefined {
  return DOCUMENT_CONTENT_TYPES.find((type) =>
    SIGNATURES[type].some((signature) => signature.every((byte, i) => head[i] === byte)),
  );
}

export interface Declared {
  contentType: string;
  size: number;
  sha256: string;
}

export interface Stored {
  size: number;
  sha256: string;
  head: Uint8Array;
  /** The `Content-Encoding` and `Cache-Control` S3 stored with the object and serves it with. */
  contentEncoding?: string | undefined;
  cacheControl?: string | undefined;
}

export type RejectionReason =
  | 'size-mismatch'
  | 'checksum-mismatch'
  | 'type-mismatch'
  | 'encoding-mismatch'
  | 'cache-control-mismatch';

/**
 * A declared scan is its bytes as they are: an encoding S3 serves it with (`gzip`) tells every
 * client to decode bytes that are not encoded, and the download fails. `identity` is no encoding.
 */
function encoded(contentEncoding: string | undefined): boolean {
  return (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .some((coding) => coding !== '' && coding !== 'identity');
}

/**
 * Compares what arrived with what was declared: size first (cheapest), then checksum, then format,
 * then the headers S3 keeps with the object. A presigned PUT cannot sign the absence of a header,
 * so an upload of the right bytes may still carry `Content-Encoding` or `Cache-Control`, which S3
 * stores and serves: an encoding breaks every download, and a cache control lets shared caches
 * keep a case file's personal data. Neither is part of a declaration, so either rejects.
 */
export function verifyStoredObject(
  declared: Declared,
  stored: Stored,
): { status: 'verified' } | { status: 'rejected'; reason: RejectionReason } {
  if (stored.size !== declared.size) return { status: 'rejected', reason: 'size-mismatch' };
  if (stored.sha256 !== declared.sha256) return { status: 'rejected', reason: 'checksum-mismatch' };
  if (detectContentType(stored.head) !== declared.contentType) return { status: 'rejected', reason: 'type-mismatch' };
  if (encoded(stored.contentEncoding)) return { status: 'rejected', reason: 'encoding-mismatch' };
  if (stored.cacheControl?.trim()) return { status: 'rejected', reason: 'cache-control-mismatch' };
  return { status: 'verified' };
}

/** Object keys carry ids only, never names or national IDs. */
export const documentKey = (petitionId: string, documentId: string) => `petitions/${petitionId}/${documentId}`;
export const quarantineKey = (petitionId: string, documentId: string) => `quarantine/${petitionId}/${documentId}`;

export function parseDocumentKey(key: string): { petitionId: string; documentId: string } | undefined {
  const match = /^petitions\/([0-9a-f-]{36})\/([0-9a-f-]{36})$/.exec(key);
  return match ? { petitionId: match[1]!, documentId: match[2]! } : undefined;
}
