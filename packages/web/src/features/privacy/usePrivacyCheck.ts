import { useEffect, useMemo, useState } from 'react';
import { type Finding, findingsKey, type ScannedItem, scanDraft } from './identifiers';

const DEBOUNCE_MS = 300;

/**
 * The identifier check of a draft: re-run shortly after the user stops typing (and on every caption or file
 * name change), and once more, synchronously, when they try to send. Sending is held back until the user
 * redacts or chooses to send anyway; "anyway" covers exactly the findings that were shown.
 */
export function usePrivacyCheck(text: string, items: readonly ScannedItem[]) {
  const itemsKey = items.map((i) => `${i.id}\u0000${i.caption}\u0000${i.name}`).join('\u0001');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `itemsKey` stands for the items' scanned fields
  const scanned = useMemo(() => items.map((i) => ({ id: i.id, caption: i.caption, name: i.name })), [itemsKey]);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [accepted, setAccepted] = useState<string | null>(null);
  const [held, setHeld] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setFindings(scanDraft(text, scanned)), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, scanned]);

  useEffect(() => {
    if (findings.length === 0) setHeld(false);
  }, [findings]);

  // A sent (emptied) draft starts over: the next message's findings need a decision of their own.
  useEffect(() => {
    if (text || scanned.length > 0) return;
    setAccepted(null);
    setFindings([]);
  }, [text, scanned]);

  return {
    findings: text || scanned.length > 0 ? findings : [],
    /** A send was attempted while the warning stood. */
    held,
    /** Call before sending: true when the send must wait for the user's decision. */
    holdsSend(): boolean {
      const now = scanDraft(text, scanned);
      setFindings(now);
      if (now.length === 0 || findingsKey(now) === accepted) return false;
      setHeld(true);
      return true;
    },
    /** Checks a draft that was just changed in one go (by Redact) without waiting for the debounce. */
    recheck(nextText: string, nextItems: readonly ScannedItem[]): void {
      setFindings(scanDraft(nextText, nextItems));
    },
    /** "Send anyway": these findings are accepted for this draft. */
    accept(): void {
      setAccepted(findingsKey(scanDraft(text, scanned)));
      setHeld(false);
    },
  };
}
