import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  NoSuchKey,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { SIGNATURE_BYTES } from '../domain/document-policy';
import type { DocumentObjects, StoredObject } from '../ports';

/**
 * The size and SHA-256 (hex) S3 keeps of the whole object. A multipart upload's checksum is one of
 * its parts' checksums (type COMPOSITE, or a value ending in `-<parts>` where an older object
 * names no type), which no declaration can be compared with.
 */
function keptChecksum(object: GetObjectCommandOutput): { size: number; sha256: string } | undefined {
  const { ChecksumSHA256: checksum, ChecksumType: type, ContentLength: size } = object;
  if (!checksum || size === undefined || /-\d+$/.test(checksum)) return undefined;
  if (type !== undefined && type !== 'FULL_OBJECT') return undefined;
  return { size, sha256: Buffer.from(checksum, 'base64').toString('hex') };
}

/** The document objects themselves; their URLs are s3-presigned-urls.ts's, which needs no S3 client. */
export class S3DocumentObjects implements DocumentObjects {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  /**
   * An upload through our URLs carried the declared SHA-256 (a signed header), which S3 checked
   * against the bytes and keeps with the object. It answers that checksum with the object, so the
   * first bytes (the file signature) are all that is read: a 25 MB scan is not downloaded and
   * hashed again. An object without a whole-object SHA-256 (a direct put, which S3 gives a
   * CRC64NVME instead; a multipart upload) is hashed as it streams, never held in memory whole.
   */
  async inspect(key: string): Promise<StoredObject | undefined> {
    let object: GetObjectCommandOutput;
    try {
      object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ChecksumMode: 'ENABLED' }));
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
    const body = object.Body as Readable;
    const kept = keptChecksum(object);
    const hash = kept ? undefined : createHash('sha256');
    let size = 0;
    const head: number[] = [];
    for await (const chunk of body) {
      const bytes = chunk as Buffer;
      hash?.update(bytes);
      size += bytes.length;
      for (let i = 0; head.length < SIGNATURE_BYTES && i < bytes.length; i++) head.push(bytes[i]!);
      if (kept && head.length === SIGNATURE_BYTES) break;
    }
    // The headers S3 serves the object with, which its upload could set unsigned (verifyStoredObject).
    const served = { contentEncoding: object.ContentEncoding, cacheControl: object.CacheControl };
    // Leaving the loop early destroys the stream, and with it the rest of the download.
    if (kept) return { ...kept, head: Uint8Array.from(head), ...served };
    return { size, sha256: hash!.digest('hex'), head: Uint8Array.from(head), ...served };
  }

  async quarantine(from: string, to: string): Promise<void> {
    try {
      await this.s3.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${from}` }));
    } catch (error) {
      // Already moved by an earlier try of the same verification: nothing left to do.
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return;
      throw error;
    }
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: from }));
  }

  async remove(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async keep(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((Key) =>
        this.s3.send(
          new PutObjectTaggingCommand({
            Bucket: this.bucket,
            Key,
            Tagging: { TagSet: [{ Key: 'lifecycle', Value: 'kept' }] },
          }),
        ),
      ),
    );
  }
}
