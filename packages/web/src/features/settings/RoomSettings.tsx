import { contracts, Limits, type MyRoom, type UpdateRoomBody } from '@rounds/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { displayName } from '../../lib/format';
import { Link, paths } from '../../lib/router';
import { errorText } from '../../ui/errors';
import { Field, SelectField, TextArea } from '../../ui/Field';
import { useMe } from '../auth/session';
import { canManage } from '../room/RoomHeader';
import { ROOM_LANGUAGES } from '../rooms/directory-api';
import { roomsStore, useMyRoom } from '../rooms/rooms-store';
import { GroupSettings } from './GroupSettings';
import { MemberRoles } from './MemberRoles';

/** Owners and moderators: the room's text, capacity, visibility, group and members' roles. */
export function RoomSettings({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const room = useMyRoom(roomId);
  const loaded = roomsStore.use((s) => s.loaded);
  if (!room) return <p className="list-status muted">{loaded ? t('errors.not_a_member') : t('common.loading')}</p>;
  if (!canManage(room.role, me.role)) return <p className="list-status error-text">{t('errors.forbidden')}</p>;
  return (
    <div className="page" data-testid="room-settings">
      <header className="page-head">
        <Link href={paths.room(roomId)} className="back-link" data-testid="settings-back">
          <span aria-hidden="true">‹</span> # {room.name}
        </Link>
        <h1>{t('settings.title')}</h1>
      </header>
      <DetailsForm room={room} />
      <GroupSettings room={room} />
      <MemberRoles room={room} />
    </div>
  );
}

function DetailsForm({ room }: { room: MyRoom }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const maxCapacity = me.role === 'admin' ? Limits.maxRoomCapacity : Limits.defaultRoomCapacity;
  const [f, setF] = useState({
    name: room.name,
    topic: room.topic,
    description: room.description,
    announcement: room.announcement,
    language: room.language,
    capacity: String(room.capacity),
    inviteOnly: room.visibility === 'invite_only',
  });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => setF((cur) => ({ ...cur, [k]: v }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const capacity = Number(f.capacity);
    if (!Number.isInteger(capacity) || capacity < 2 || capacity > maxCapacity) {
      return setStatus({ ok: false, text: t('validation.capacity', { max: maxCapacity }) });
    }
    const body: UpdateRoomBody = {
      name: f.name.trim(),
      topic: f.topic.trim(),
      description: f.description.trim(),
      announcement: f.announcement.trim(),
      language: f.language,
      capacity,
      visibility: f.inviteOnly ? 'invite_only' : 'public',
    };
    setBusy(true);
    try {
      await call(contracts.rooms.updateRoom, { params: { roomId: room.id }, body });
      setStatus({ ok: true, text: t('settings.saved') });
    } catch (err) {
      setStatus({ ok: false, text: errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };

  const languages = ROOM_LANGUAGES.includes(room.language) ? ROOM_LANGUAGES : [room.language, ...ROOM_LANGUAGES];
  return (
    <section className="card" aria-labelledby="details-h">
      <h2 id="details-h">{t('settings.details')}</h2>
      <form className="form" onSubmit={save} noValidate data-testid="room-details-form">
        <Field
          label={t('rooms.name')}
          value={f.name}
          onChange={(e) => set('name', e.target.value)}
          maxLength={80}
          required
          testId="settings-name"
        />
        <Field
          label={t('rooms.topic')}
          value={f.topic}
          onChange={(e) => set('topic', e.target.value)}
          maxLength={200}
          testId="settings-topic"
        />
        <TextArea
          label={t('rooms.description')}
          value={f.description}
          onChange={(e) => set('description', e.target.value)}
          maxLength={2000}
          rows={3}
          testId="settings-description"
        />
        <TextArea
          label={t('settings.announcement')}
          hint={t('settings.announcementHint')}
          value={f.announcement}
          onChange={(e) => set('announcement', e.target.value)}
          maxLength={4000}
          rows={3}
          testId="settings-announcement"
        />
        <div className="row">
          <SelectField label={t('rooms.language')} value={f.language} onChange={(e) => set('language', e.target.value)}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {displayName(i18n.language, 'language', l)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('rooms.capacity')}
            type="number"
            min={2}
            max={maxCapacity}
            value={f.capacity}
            onChange={(e) => set('capacity', e.target.value)}
            hint={t('rooms.capacityHint', { max: maxCapacity.toLocaleString(i18n.language) })}
            testId="settings-capacity"
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={f.inviteOnly}
            onChange={(e) => set('inviteOnly', e.target.checked)}
            data-testid="settings-invite-only"
          />
          {t('rooms.inviteOnlyOption')}
        </label>
        {status && (
          <p className={status.ok ? 'ok-text' : 'error-text'} role="status" data-testid="settings-status">
            {status.text}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy} data-testid="settings-save">
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}
