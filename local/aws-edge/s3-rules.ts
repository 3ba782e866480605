import type { AuthorizationRequest } from './iam-evaluator';

/**
 * Which IAM checks an S3 request (path-style, as the local clients send) needs, from its method,
 * bucket, key and sub-resources. AWS: the "Permissions" section of each operation's API page,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html,
 * and https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html.
 */

export interface S3Target {
  bucket: string;
  /** Decoded object key; absent for bucket-level requests. */
  key?: string;
}

export interface S3Operation {
  name: string;
  checks: AuthorizationRequest[];
  /** GetObject/HeadObject: a missing key is 404 only for callers with s3:ListBucket (API_GetObject.html). */
  readsObject: boolean;
  /** PutObject: the tags it sets (`x-amz-tagging`, URL-encoded), which S3 stores with the object. */
  uploadTagging?: string;
}

export function parseS3Path(rawPath: string): S3Target | undefined {
  const [, bucket, ...rest] = rawPath.split('/');
  if (!bucket) return undefined;
  const key = rest.length > 0 ? rest.join('/') : undefined;
  return { bucket: decodeURIComponent(bucket), ...(key ? { key: decodeURIComponent(key) } : {}) };
}

const objectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;
const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
const allow = (
  action: string,
  resource: string,
  context: AuthorizationRequest['context'] = {},
): AuthorizationRequest => ({
  action,
  resource,
  context,
});

/**
 * The tag condition keys of a request that sets object tags: `s3:RequestObjectTagKeys` and one
 * `s3:RequestObjectTag/<key>` per tag (tagging-and-policies.html). Tags come URL-encoded
 * (`x-amz-tagging`, on PutObject and CopyObject) or as PutObjectTagging's XML body.
 */
function requestTagContext(tags: Array<[string, string]>): AuthorizationRequest['context'] {
  return Object.fromEntries([
    ['s3:requestobjecttagkeys', tags.map(([key]) => key)],
    ...tags.map(([key, value]) => [`s3:requestobjecttag/${key.toLowerCase()}`, [value]]),
  ]);
}

function xmlTags(body: Buffer): Array<[string, string]> {
  const text = body.toString('utf8');
  const fromXml = (value: string) =>
    value
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...text.matchAll(/<Tag>\s*<Key>([^<]*)<\/Key>\s*<Value>([^<]*)<\/Value>\s*<\/Tag>/g)].map((m) => [
    fromXml(m[1] ?? ''),
    fromXml(m[2] ?? ''),
  ]);
}

/**
 * The checks, or undefined for a request the edge does not know how to authorize (it is then
 * refused for functions: an unknown request is never let through as if it needed nothing).
 */
export function s3Operation(
  method: string,
  target: S3Target,
  query: ReadonlyArray<[string, string]>,
  headers: Record<string, string>,
  body: Buffer = Buffer.alloc(0),
): S3Operation | undefined {
  const has = (name: string) => query.some(([n]) => n === name);
  const queryValue = (name: string) => query.find(([n]) => n.toLowerCase() === name)?.[1];
  const { bucket, key } = target;
  if (key === undefined) {
    const bucketLevel = (name: string, action: string) => ({
      name,
      checks: [allow(action, bucketArn(bucket))],
      readsObject: false,
    });
    if (method === 'GET' && has('versions')) return bucketLevel('ListObjectVersions', 's3:ListBucketVersions');
    if ((method === 'GET' && !has('cors') && !has('location')) || method === 'HEAD')
      return bucketLevel(method === 'HEAD' ? 'HeadBucket' : 'ListObjects', 's3:ListBucket');
    if (method === 'PUT' && query.length === 0) return bucketLevel('CreateBucket', 's3:CreateBucket');
    if (method === 'PUT' && has('cors')) return bucketLevel('PutBucketCors', 's3:PutBucketCORS');
    if (method === 'GET' && has('cors')) return bucketLevel('GetBucketCors', 's3:GetBucketCORS');
    if (method === 'DELETE' && query.length === 0) return bucketLevel('DeleteBucket', 's3:DeleteBucket');
    return undefined;
  }
  const arn = objectArn(bucket, key);
  // Tags given with an upload need s3:PutObjectTagging as well (API_PutObject.html, Permissions).
  const uploadTagging = headers['x-amz-tagging'] ?? queryValue('x-amz-tagging');
  const tagged = uploadTagging !== undefined;
  // A request that sets no tags has no tag condition keys at all (not an empty set).
  const uploadTags = tagged ? requestTagContext([...new URLSearchParams(uploadTagging)]) : {};
  if (method === 'GET' && has('tagging'))
    return { name: 'GetObjectTagging', checks: [allow('s3:GetObjectTagging', arn)], readsObject: false };
  if (method === 'PUT' && has('tagging'))
    return {
      name: 'PutObjectTagging',
      checks: [allow('s3:PutObjectTagging', arn, requestTagContext(xmlTags(body)))],
      readsObject: false,
    };
  if (method === 'DELETE' && has('tagging'))
    return { name: 'DeleteObjectTagging', checks: [allow('s3:DeleteObjectTagging', arn)], readsObject: false };
  if (has('versionId') || has('acl') || has('uploads') || has('uploadId') || has('retention') || has('legal-hold'))
    return undefined;
  if (method === 'GET' || method === 'HEAD')
    return {
      name: method === 'GET' ? 'GetObject' : 'HeadObject',
      checks: [allow('s3:GetObject', arn)],
      readsObject: true,
    };
  if (method === 'DELETE') return { name: 'DeleteObject', checks: [allow('s3:DeleteObject', arn)], readsObject: false };
  if (method !== 'PUT') return undefined;
  const copySource = headers['x-amz-copy-source'];
  if (copySource === undefined) {
    const checks = [
      allow('s3:PutObject', arn, uploadTags),
      ...(tagged ? [allow('s3:PutObjectTagging', arn, uploadTags)] : []),
    ];
    return { name: 'PutObject', checks, readsObject: false, ...(tagged ? { uploadTagging } : {}) };
  }
  // CopyObject: read the source, write the destination (API_CopyObject.html). Tags travel with
  // the default COPY directive, which needs tag access on both sides; modelled whether or not
  // the source has tags (every document object here has them).
  const source = decodeURIComponent(copySource.replace(/^\//, '').split('?')[0] ?? '');
  const sourceArn = `arn:aws:s3:::${source}`;
  const directive = (headers['x-amz-tagging-directive'] ?? 'COPY').toUpperCase();
  const checks = [allow('s3:GetObject', sourceArn), allow('s3:PutObject', arn, directive === 'COPY' ? {} : uploadTags)];
  if (directive === 'COPY') checks.push(allow('s3:GetObjectTagging', sourceArn), allow('s3:PutObjectTagging', arn));
  else if (tagged) checks.push(allow('s3:PutObjectTagging', arn, uploadTags));
  return { name: 'CopyObject', checks, readsObject: false };
}
