import { buildPath, contracts, type ErrorBody, multipartFile, Upload } from '@rounds/protocol';
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
 * cannot report upload progress (so not the contract client; the route and the reply's schema are the contract's). Rejects with ApiError (`network` when the server could not be reached);
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
    const route = contracts.media.upload;
    xhr.open(route.method, `/api/v1${buildPath(route.path, { roomId })}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201 || xhr.status === 200) {
        try {
          resolve(Upload.parse(JSON.parse(xhr.responseText)));
        } catch {
          reject(new ApiError(xhr.status, 'internal', 'unreadable reply'));
        }
      } else reject(failure(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.ontimeout = () => reject(new ApiError(0, 'network', 'timed out'));
    const form = new FormData();
    form.append(multipartFile.field, file, name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
