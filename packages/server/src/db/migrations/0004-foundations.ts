import type { Kysely } from 'kysely';

/**
 * Streams other than rooms (a lecture addressed to many rooms) and the rooms each is addressed to; held
 * messages (a rule said hold: stored without a seq until a moderator releases them); signals (events
 * committed by another process sharing the database, such as the `rounds admin` CLI, for every node to
 * deliver to its own sockets).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('streams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('stream_rooms')
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stream_rooms_pk', ['stream_id', 'room_id'])
    .execute();
  await db.schema.createIndex('stream_rooms_room').on('stream_rooms').column('room_id').execute();

  await db.schema
    .createTable('held_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('sender_id', 'text', (c) => c.notNull())
    .addColumn('client_msg_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('thread_root_id', 'text')
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('held_messages_sender_client')
    .on('held_messages')
    .columns(['sender_id', 'client_msg_id'])
    .unique()
    .execute();
  await db.schema.createIndex('held_messages_room').on('held_messages').columns(['room_id', 'created_at']).execute();

  await db.schema
    .createTable('signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signals_created').on('signals').column('created_at').execute();
}
