import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createDynamoClient, injectCredentials, urlSigningOf } from '../../shared/adapters/aws-clients';
import { createS3Client } from '../../shared/adapters/s3-client';
import { S3PresignedUrls, strictUriEncode, type UrlSettings } from '../../shared/adapters/s3-presigned-urls';
import { DOCUMENT_POLICY } from '../../shared/domain/document-policy';

/**
 * The URL adapter builds S3's request itself, so that the functions handing out URLs carry no S3
 * client. Each URL must be the very one the S3 client's `getSignedUrl` makes for the same
 * document, credentials and instant: in AWS (virtual-hosted, which no local test reaches) and on
 * the local server (path-style, where the upload tests also send bytes through it).
 */
// A function's role credentials always carry a session token: the URL must sign it as S3 expects.
const credentials = {
  accessKeyId: 'ASIAEXAMPLEFUNCTION',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//////////wEaDG1lLWNlbnRyYWwtMSJHMEUCIQ==',
};
const signingDate = new Date('2026-11-28T07:45:12Z');
const bucket = 'judicialeservices-documents-1a2b3c4d';
const region = 'me-central-1';
const declared = { contentType: 'application/pdf', size: 734_003, sha256: 'ab'.repeat(32) };
// A key with every character class the S3 client escapes differently from encodeURIComponent.
const key = "petitions/0e5c1a8e-7f0b-4a55-9b5e-1c2d3e4f5a6b/scan (1)!*'~ +é.pdf";

const places: [string, UrlSettings][] = [
  ['S3 in AWS', { bucket, region }],
  ['the local S3 server', { bucket, region, endpoint: 'http://127.0.0.1:45219' }],
];

// The clients exactly as the functions make them, on these credentials.
beforeAll(() => injectCredentials(async () => credentials));
afterAll(() => injectCredentials(undefined));

/** The S3 client the functions had before, whose `getSignedUrl` is the reference. */
const sdkClient = (settings: UrlSettings): S3Client =>
  createS3Client({ AWS_REGION: region, S3_ENDPOINT: settings.endpoint });

function adapter(settings: UrlSettings): S3PresignedUrls {
  return new S3PresignedUrls(settings, urlSigningOf(createDynamoClient({ AWS_REGION: region })), {
    now: () => signingDate,
  });
}

describe.each(places)('on %s', (_place, settings) => {
  it('presigns an upload exactly as the S3 client does, with the headers it signed', async () => {
    const checksum = Buffer.from(declared.sha256, 'hex').toString('base64');
    const expected = await getSignedUrl(
      sdkClient(settings),
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        ContentType: declared.contentType,
        ContentLength: declared.size,
        ChecksumSHA256: checksum,
        Tagging: 'lifecycle=draft',
      }),
      {
        expiresIn: DOCUMENT_POLICY.uploadUrlSeconds,
        signableHeaders: new Set(['content-type', 'content-length']),
        unhoistableHeaders: new Set(['x-amz-checksum-sha256', 'x-amz-tagging']),
        signingDate,
      },
    );

    const instruction = await adapter(settings).presignUpload(key, declared);

    expect(instruction.uploadUrl).toBe(expected);
    expect(new URL(instruction.uploadUrl).searchParams.get('X-Amz-Security-Token')).toBe(credentials.sessionToken);
    expect(instruction.headers).toEqual({
      'content-type': 'application/pdf',
      'content-length': '734003',
      'x-amz-checksum-sha256': checksum,
      'x-amz-tagging': 'lifecycle=draft',
    });
    expect(instruction.expiresAt).toBe(
      new Date(signingDate.getTime() + DOCUMENT_POLICY.uploadUrlSeconds * 1000).toISOString(),
    );
  });

  it('presigns a download exactly as the S3 client does, naming the file in Persian, private and of its type', async () => {
    const fileName = 'سند مالکیت (رونوشت).pdf';
    const expected = await getSignedUrl(
      sdkClient(settings),
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseCacheControl: 'private, no-store',
        ResponseContentDisposition: `attachment; filename*=UTF-8''${strictUriEncode(fileName)}`,
        ResponseContentType: 'application/pdf',
      }),
      { expiresIn: DOCUMENT_POLICY.downloadUrlSeconds, signingDate },
    );

    const granted = await adapter(settings).presignDownload(key, { fileName, contentType: 'application/pdf' });

    expect(granted.downloadUrl).toBe(expected);
    // RFC 5987: the parentheses of the name are escaped, not sent as they are.
    expect(new URL(granted.downloadUrl).searchParams.get('response-content-disposition')).toContain('%28');
  });
});

it('refuses at cold start a bucket that S3 could not address virtual-hosted, rather than sign wrong URLs', () => {
  expect(() => adapter({ bucket: 'documents.judiciary.ir', region })).toThrow('cannot be addressed virtual-hosted');
});

it('refuses at cold start a region outside the aws partition', () => {
  expect(() => adapter({ bucket, region: 'cn-north-1' })).toThrow('outside the aws partition');
});
