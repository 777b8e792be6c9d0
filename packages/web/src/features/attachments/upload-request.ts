import type { ErrorBody, Upload } from '@rounds/protocol';
import { ApiError } from '../../lib/api';

export type UploadHandle = { promise: Promise<Upload>; abort(): void };

/** The code of a failed upload: the server's, else one that fits the status (a proxy may answer 413 itself). */
function failure(status: number, text: string): ApiError {
  let body: { error?: ErrorBody } | undefined;
  try {
    body = text ? (JSON.parse(text) as { error?: ErrorBody }) : undefined;
  } catch {
    body = undefined;
  }
  const code =
    body?.error?.code ?? (status === 413 ? 'payload_too_large' : status === 429 ? 'rate_limited' : 'internal');
  return new ApiError(status, code, body?.error?.message ?? `HTTP ${status}`, body?.error?.details);
}

/**
 * Uploads one file to a room as multipart (`file` part), reporting progress. XMLHttpRequest, because fetch
 * cannot report upload progress. Rejects with ApiError (`network` when the server could not be reached);
 * an aborted upload never settles.
 */
export function uploadFile(
  roomId: string,
  file: Blob,
  name: string,
  onProgress: (loaded: number, total: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<Upload>((resolve, reject) => {
    xhr.open('POST', `/api/v1/rooms/${encodeURIComponent(roomId)}/uploads`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201 || xhr.status === 200) {
        try {
          resolve(JSON.parse(xhr.responseText) as Upload);
        } catch {
          reject(new ApiError(xhr.status, 'internal', 'unreadable reply'));
        }
      } else reject(failure(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.ontimeout = () => reject(new ApiError(0, 'network', 'timed out'));
    const form = new FormData();
    form.append('file', file, name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
