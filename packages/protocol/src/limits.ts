/** Limits enforced by the server and documented in docs/PROTOCOL.md. */
export const Limits = {
  /** Largest socket frame the server reads, in bytes (UTF-8). Larger frames get `payload_too_large`. */
  maxFrameBytes: 64 * 1024,
  /** Largest JSON request body, in bytes. */
  maxBodyBytes: 256 * 1024,
  /** Longest message body, in characters (UTF-16 code units, as JavaScript counts). */
  maxMessageChars: 10_000,
  /** Longest client message id. */
  maxClientMsgIdChars: 64,
  /** Most events one `sync` or history page returns. */
  maxPageSize: 1000,
  /** Default room capacity, and the most a non-admin may set. */
  defaultRoomCapacity: 500,
  /** Most an admin may set. */
  maxRoomCapacity: 100_000,
  /** Password length bounds. */
  minPasswordChars: 10,
  maxPasswordChars: 256,
  /** Largest upload, in bytes; refused while streaming. */
  maxUploadBytes: 25 * 1024 * 1024,
  /** Largest image, in pixels (width × height), checked from the header before decoding. */
  maxImagePixels: 50_000_000,
  /** Attachments per message. */
  maxAttachments: 10,
  /** Minutes after which an upload that no message references is deleted. */
  orphanUploadMinutes: 60,
  /** Distinct reactions per message. */
  maxReactionsPerMessage: 50,
} as const;

/** The socket protocol version this package describes; sent in `hello`. */
export const PROTOCOL_VERSION = 1;
