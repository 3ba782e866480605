import { formatUrl } from '@aws-sdk/core/util';
import { S3RequestPresigner, type S3RequestPresignerOptions } from '@aws-sdk/s3-request-presigner';
import { DOCUMENT_POLICY } from '../domain/document-policy';
import type { Clock, DocumentUrls, UploadInstruction } from '../ports';

const DRAFT_TAG = 'lifecycle=draft';
/** A download is for the one who asked: browsers keep no copy, shared caches none at all. */
export const DOWNLOAD_CACHE_CONTROL = 'private, no-store';

/** What signing needs: the function's credentials and the SDK's SHA-256 (aws-clients.ts lends both). */
export type UrlSigning = Pick<S3RequestPresignerOptions, 'credentials' | 'sha256'>;

type SignableRequest = Parameters<S3RequestPresigner['presign']>[0];

export interface UrlSettings {
  bucket: string;
  region: string;
  /** The local S3 server, addressed path-style; unset in AWS, where S3's regional endpoint serves. */
  endpoint?: string | undefined;
}

/**
 * Presigned document URLs without an S3 client: the SDK's own presigner (S3RequestPresigner) signs
 * a request built here as the S3 client would build it for PutObject and GetObject. The client,
 * with its endpoint rules, serializers and checksum middleware, is a third of a data function's
 * bundle and about 35 ms of its cold start, and signing needs none of it.
 * test/unit/s3-presigned-urls.test.ts checks that every URL equals the one the S3 client's
 * `getSignedUrl` makes, for S3 in AWS and for the local server.
 */
export class S3PresignedUrls implements DocumentUrls {
  private readonly presigner: S3RequestPresigner;

  constructor(
    private readonly settings: UrlSettings,
    signing: UrlSigning,
    private readonly clock: Clock,
  ) {
    if (!settings.endpoint) assertVirtualHostable(settings.bucket, settings.region);
    this.presigner = new S3RequestPresigner({ ...signing, region: settings.region });
  }

  /**
   * A presigned PUT bound to the exact content type, length and SHA-256: S3 refuses any other bytes
   * (the checksum and tag are signed headers the client must send as given). Objects start tagged
   * as draft documents so the lifecycle rule can clear never-submitted drafts.
   */
  async presignUpload(
    key: string,
    declared: { contentType: string; size: number; sha256: string },
  ): Promise<UploadInstruction> {
    const headers = {
      'content-type': declared.contentType,
      'content-length': String(declared.size),
      'x-amz-checksum-sha256': Buffer.from(declared.sha256, 'hex').toString('base64'),
      'x-amz-tagging': DRAFT_TAG,
    };
    const signed = await this.presigner.presign(this.request('PUT', key, { 'x-id': 'PutObject' }, headers), {
      expiresIn: DOCUMENT_POLICY.uploadUrlSeconds,
      signableHeaders: new Set(['content-type', 'content-length']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256', 'x-amz-tagging']),
      signingDate: this.clock.now(),
    });
    return {
      uploadUrl: formatUrl(signed),
      headers,
      expiresAt: this.expiry(DOCUMENT_POLICY.uploadUrlSeconds),
    };
  }

  /**
   * A presigned GET that names the file and sets the answer's type and caching itself (S3's
   * `response-*` overrides, signed with the URL), whatever headers the object was stored with: a
   * case file is personal data, which no shared cache may keep, and an object verified before
   * verification read its stored headers may carry `Cache-Control: public` or another type.
   */
  async presignDownload(
    key: string,
    document: { fileName: string; contentType: string },
  ): Promise<{ downloadUrl: string; expiresAt: string }> {
    const query = {
      'response-cache-control': DOWNLOAD_CACHE_CONTROL,
      // RFC 5987's ext-value: `'()*` are not attr-chars, so they are escaped too.
      'response-content-disposition': `attachment; filename*=UTF-8''${strictUriEncode(document.fileName)}`,
      'response-content-type': document.contentType,
      'x-id': 'GetObject',
    };
    const signed = await this.presigner.presign(this.request('GET', key, query, {}), {
      expiresIn: DOCUMENT_POLICY.downloadUrlSeconds,
      signingDate: this.clock.now(),
    });
    return { downloadUrl: formatUrl(signed), expiresAt: this.expiry(DOCUMENT_POLICY.downloadUrlSeconds) };
  }

  /** The request the S3 client would send: virtual-hosted in AWS, path-style on the local server. */
  private request(
    method: 'PUT' | 'GET',
    key: string,
    query: Record<string, string>,
    headers: Record<string, string>,
  ): SignableRequest {
    const keyPath = `/${key.split('/').map(strictUriEncode).join('/')}`;
    const base = { method, query, headers: { ...headers } };
    if (!this.settings.endpoint) {
      const hostname = `${this.settings.bucket}.s3.${this.settings.region}.amazonaws.com`;
      return { ...base, protocol: 'https:', hostname, path: keyPath };
    }
    const endpoint = new URL(this.settings.endpoint);
    return {
      ...base,
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
      path: `/${this.settings.bucket}${keyPath}`,
    };
  }

  private expiry(seconds: number): string {
    return new Date(this.clock.now().getTime() + seconds * 1000).toISOString();
  }
}

/** Percent-encoding of all but RFC 3986's unreserved characters, as the S3 client escapes a key's segments. */
export function strictUriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The URL above is S3's virtual-hosted form in the `aws` partition. The S3 client would switch to
 * path-style for a bucket name with dots and use other domains in other partitions; neither
 * happens in this deployment (the stack names the bucket), so either is refused at cold start
 * rather than signed wrongly.
 */
function assertVirtualHostable(bucket: string, region: string): void {
  if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket))
    throw new Error(`Bucket ${bucket} cannot be addressed virtual-hosted; presigned URLs would not match S3's`);
  if (!/^[a-z]{2}-[a-z]+-\d+$/.test(region) || region.startsWith('cn-'))
    throw new Error(`Region ${region} is outside the aws partition this adapter builds S3 URLs for`);
}
