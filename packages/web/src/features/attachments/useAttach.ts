import { type DragEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverLimits } from '../../lib/server-limits';
import { notify } from '../../ui/notice';
import { attachFiles, composerKey } from './attachments-store';

/** Attaches files to a composer's draft, telling the user when some did not fit. */
export function useAttach(roomId: string, threadRootId: string | null): (files: File[]) => void {
  const { t } = useTranslation();
  const key = composerKey(roomId, threadRootId);
  return useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      const overflow = attachFiles(key, files);
      if (overflow > 0)
        notify(t('attachments.tooMany', { max: serverLimits().maxAttachments, count: overflow }), 'error');
    },
    [key, t],
  );
}

const carriesFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');

/**
 * Makes an area a drop target for files (pictures dragged from the desktop, a file manager). `over` is true
 * while files are held over it; drags of text or links are left to the browser.
 */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const props = {
    onDragEnter(e: DragEvent) {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setOver(true);
    },
    onDragOver(e: DragEvent) {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave(e: DragEvent) {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    },
    onDrop(e: DragEvent) {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setOver(false);
      onFiles([...e.dataTransfer.files]);
    },
  };
  return { over, props };
}
