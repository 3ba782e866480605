import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { SIGNATURE_BYTES } from '../domain/document-policy';
import type { DocumentObjects } from '../ports';

/** The document objects themselves; their URLs are s3-presigned-urls.ts's, which needs no S3 client. */
export class S3DocumentObjects implements DocumentObjects {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

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
}
