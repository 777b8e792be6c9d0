import type { Kysely, Selectable, Transaction } from 'kysely';

/**
 * Table types. Timestamps are epoch milliseconds and booleans are 0/1 integers in both dialects,
 * so one set of queries serves SQLite and PostgreSQL; mappers turn them into ISO strings and booleans.
 */
export interface UsersTable {
  id: string;
  email: string;
  handle: string;
  password_hash: string;
  display_name: string;
  profession: string;
  specialty: string;
  country: string;
  institution: string;
  /** JSON array of BCP 47 tags. */
  languages: string;
  time_zone: string;
  verification: string;
  role: string;
  can_create_rooms: number;
  demo: number;
  locale: string | null;
  created_at: number;
  updated_at: number;
}

interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  user_agent: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface RoomGroupsTable {
  id: string;
  name: string;
  description: string;
  auto_create: number;
  room_capacity: number;
  created_by: string;
  created_at: number;
}

export interface RoomsTable {
  id: string;
  group_id: string | null;
  name: string;
  topic: string;
  description: string;
  language: string;
  capacity: number;
  visibility: string;
  announcement: string;
  member_count: number;
  last_seq: number;
  created_by: string;
  created_at: number;
}

export interface RoomMembersTable {
  room_id: string;
  user_id: string;
  role: string;
  joined_at: number;
  last_read_seq: number;
}

interface MessagesTable {
  room_id: string;
  seq: number;
  id: string;
  sender_id: string;
  client_msg_id: string;
  body: string;
  thread_root_id: string | null;
  reply_count: number;
  /** JSON array of user ids. */
  mentions: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  /** JSON array of Attachment. */
  attachments: string;
  /** JSON array of identifier kinds found by the privacy check. */
  privacy_flags: string;
}

export interface ReactionsTable {
  message_id: string;
  user_id: string;
  emoji: string;
  room_id: string;
  created_at: number;
}

/**
 * The log of every stream event other than message.created, as the JSON sent live, for replay by `sync`.
 * `room_id` is the stream's id: a room's id for a room, a `streams.id` for other streams.
 */
export interface RoomEventsTable {
  room_id: string;
  seq: number;
  type: string;
  payload: string;
  created_at: number;
}

export interface MediaTable {
  id: string;
  room_id: string;
  uploader_id: string;
  message_id: string | null;
  kind: string;
  mime: string;
  name: string;
  size: number;
  width: number | null;
  height: number | null;
  /** JSON array of MediaVariant. */
  variants: string;
  identifier_warnings: string;
  created_at: number;
  attached_at: number | null;
}

/** A stream other than a room (a room's own counter is rooms.last_seq). */
export interface StreamsTable {
  id: string;
  kind: string;
  last_seq: number;
  created_at: number;
}

interface StreamRoomsTable {
  stream_id: string;
  room_id: string;
}

/** A send that a rule held: no seq until released (then it is sent with its original clientMsgId). */
interface HeldMessagesTable {
  id: string;
  room_id: string;
  sender_id: string;
  client_msg_id: string;
  body: string;
  thread_root_id: string | null;
  /** JSON array of {uploadId, caption}. */
  attachments: string;
  /** JSON of the rule's verdict: {action, rule, reason}. */
  verdict: string;
  created_at: number;
}

/** A batch of committed envelopes from another process (the CLI), for every node to deliver locally. */
export interface SignalsTable {
  id: string;
  batch: string;
  created_at: number;
}

/** A durable job; `state` is pending, running, done or failed (see jobs/store.ts). */
export interface JobsTable {
  id: string;
  name: string;
  key: string;
  /** JSON. */
  payload: string;
  run_at: number;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  lease_owner: string | null;
  lease_until: number | null;
  state: string;
  created_at: number;
  updated_at: number;
}

/** A named lease held by one process until it expires (the job runner's election). */
interface LeasesTable {
  name: string;
  owner: string;
  expires_at: number;
}

export interface DB {
  media: MediaTable;
  streams: StreamsTable;
  stream_rooms: StreamRoomsTable;
  held_messages: HeldMessagesTable;
  signals: SignalsTable;
  users: UsersTable;
  sessions: SessionsTable;
  room_groups: RoomGroupsTable;
  rooms: RoomsTable;
  room_members: RoomMembersTable;
  messages: MessagesTable;
  reactions: ReactionsTable;
  room_events: RoomEventsTable;
  jobs: JobsTable;
  leases: LeasesTable;
}

export type Db = Kysely<DB> | Transaction<DB>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type RoomRow = Selectable<RoomsTable>;
export type RoomGroupRow = Selectable<RoomGroupsTable>;
export type MemberRow = Selectable<RoomMembersTable>;
export type HeldMessageRow = Selectable<HeldMessagesTable>;
export type MessageRow = Selectable<MessagesTable>;
export type MediaRow = Selectable<MediaTable>;
export type JobRow = Selectable<JobsTable>;
