import { z } from 'zod';
import { Id } from '../common';
import { binary, defineRoute, multipartFile, noContent } from '../contract';
import { MediaVariant, Upload } from '../media';

const tag = 'media';
const MediaParams = z.object({ mediaId: Id });

/** Uploads (multipart) and authorized downloads with ranges. */
export const mediaRoutes = {
  upload: defineRoute({
    method: 'POST',
    path: '/rooms/:roomId/uploads',
    tag,
    auth: true,
    summary: 'Upload a picture or file',
    description:
      'multipart/form-data with one part named `file`. Pictures are re-encoded (metadata dropped) and get medium and thumb variants; attach the upload to a message by its id.',
    params: z.object({ roomId: Id }),
    body: multipartFile,
    responses: { 201: Upload },
    errors: [
      'room_not_found',
      'not_a_member',
      'upload_empty',
      'upload_type_not_allowed',
      'upload_content_mismatch',
      'image_too_large',
      'image_unreadable',
    ],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/media/:mediaId',
    tag,
    auth: true,
    summary: 'An upload',
    description: "An upload's metadata, for members of its room.",
    params: MediaParams,
    responses: { 200: Upload },
    errors: ['media_not_found'],
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/media/:mediaId',
    tag,
    auth: true,
    summary: 'Delete an upload',
    description: 'Its uploader deletes an upload not yet attached to a message.',
    params: MediaParams,
    responses: { 204: noContent },
    errors: ['media_not_found'],
  }),
  download: defineRoute({
    method: 'GET',
    path: '/media/:mediaId/:variant',
    tag,
    auth: true,
    summary: 'Download an upload',
    description: 'The bytes of a variant (`full`, `medium`, `thumb`), with ETag and single byte ranges.',
    params: MediaParams.extend({ variant: MediaVariant }),
    responses: { 200: binary, 206: binary, 304: noContent, 416: noContent },
    errors: ['media_not_found'],
  }),
};
