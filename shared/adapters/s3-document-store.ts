import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DOCUMENT_POLICY, SIGNATURE_BYTES } from '../domain/document-policy';
import type { Clock, DocumentStore, UploadInstruction } from '../ports';

const DRAFT_TAG = 'lifecycle=draft';

export class S3DocumentStore implements DocumentStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly clock: Clock,
  ) {}

  /**
   * A presigned PUT bound to the exact content type, length and SHA-256: S3 refuses any other bytes
   * (the checksum and tag are signed headers the client must send as given). Objects start tagged
   * as draft documents so the lifecycle rule can clear never-submitted drafts.
   */
  async presignUpload(
    key: string,
    declared: { contentType: string; size: number; sha256: string },
  ): Promise<UploadInstruction> {
    const checksum = Buffer.from(declared.sha256, 'hex').toString('base64');
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ContentType: declared.contentType,
      ContentLength: declared.size,
      ChecksumSHA256: checksum,
      Tagging: DRAFT_TAG,
    });
    const url = await getSignedUrl(this.s3, command, {
      expiresIn: DOCUMENT_POLICY.uploadUrlSeconds,
      signableHeaders: new Set(['content-type', 'content-length']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256', 'x-amz-tagging']),
      signingDate: this.clock.now(),
    });
    return {
      uploadUrl: url,
      headers: {
        'content-type': declared.contentType,
        'content-length': String(declared.size),
        'x-amz-checksum-sha256': checksum,
        'x-amz-tagging': DRAFT_TAG,
      },
      expiresAt: this.expiry(DOCUMENT_POLICY.uploadUrlSeconds),
    };
  }

  async presignDownload(key: string, fileName: string): Promise<{ downloadUrl: string; expiresAt: string }> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
    const downloadUrl = await getSignedUrl(this.s3, command, {
      expiresIn: DOCUMENT_POLICY.downloadUrlSeconds,
      signingDate: this.clock.now(),
    });
    return { downloadUrl, expiresAt: this.expiry(DOCUMENT_POLICY.downloadUrlSeconds) };
  }

  async inspect(key: string): Promise<{ size: number; sha256: string; head: Uint8Array } | undefined> {
    let body: Readable;
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      body = object.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
    // Streamed: a 25 MB scan is hashed without holding it in memory.
    const hash = createHash('sha256');
    let size = 0;
    const head: number[] = [];
    for await (const chunk of body) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.length;
      for (let i = 0; head.length < SIGNATURE_BYTES && i < bytes.length; i++) head.push(bytes[i]!);
    }
    return { size, sha256: hash.digest('hex'), head: Uint8Array.from(head) };
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

  private expiry(seconds: number): string {
    return new Date(this.clock.now().getTime() + seconds * 1000).toISOString();
  }
}
