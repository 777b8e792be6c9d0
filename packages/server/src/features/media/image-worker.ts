/**
 * The child side of ImageWorker (started through bin/image-worker.mjs): runs each job it is sent and
 * answers with the renditions, or with the typed error an upload should fail with.
 */
import { AppError } from '../../errors';
import type { ImageJob, ImageReply } from './images';
import { pdfPreview, processImage } from './process';

async function run(job: ImageJob): Promise<ImageReply> {
  try {
    const value =
      job.op === 'image'
        ? await processImage(job.file)
        : { width: null, height: null, mime: 'application/pdf', variants: await pdfPreview(job.file) };
    return { id: job.id, ok: true, value };
  } catch (err) {
    const e =
      err instanceof AppError
        ? err
        : new AppError(
            'image_unreadable',
            'The picture cannot be read: it may be damaged or in a format we cannot decode.',
          );
    return { id: job.id, ok: false, error: { code: e.code, message: e.message, details: e.details } };
  }
}

process.on('message', (job: ImageJob) => {
  void run(job).then((reply) => process.send?.(reply));
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
