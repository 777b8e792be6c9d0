import { Limits, type RoomGroup } from '@rounds/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../lib/format';
import { navigate, paths } from '../../lib/router';
import { Dialog } from '../../ui/Dialog';
import { errorText } from '../../ui/errors';
import { Field, SelectField, TextArea } from '../../ui/Field';
import { useMe } from '../auth/session';
import { createGroup, createRoom, ROOM_LANGUAGES } from './directory-api';
import { loadMyRooms } from './rooms-store';

const NEW_GROUP = '__new__';

/** New room: its name and topic, language, capacity, visibility and (optionally) its group. */
export function CreateRoom({ groups, onClose }: { groups: RoomGroup[]; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const maxCapacity = me.role === 'admin' ? Limits.maxRoomCapacity : Limits.defaultRoomCapacity;
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [description, setDescription] = useState('');
  const [language, setLanguage] = useState(i18n.language === 'zh-CN' ? 'zh' : 'en');
  const [capacity, setCapacity] = useState(String(Limits.defaultRoomCapacity));
  const [inviteOnly, setInviteOnly] = useState(false);
  const [groupId, setGroupId] = useState('');
  const [groupName, setGroupName] = useState('');
  const [overflow, setOverflow] = useState(true);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const cap = Number(capacity);
    if (!name.trim()) return setError(t('validation.name'));
    if (!Number.isInteger(cap) || cap < 2 || cap > maxCapacity)
      return setError(t('validation.capacity', { max: maxCapacity }));
    setBusy(true);
    setError('');
    try {
      let gid = groupId || undefined;
      if (groupId === NEW_GROUP) {
        if (!groupName.trim()) throw new Error(t('validation.groupName'));
        gid = (await createGroup({ name: groupName.trim(), autoCreate: overflow, roomCapacity: cap })).id;
      }
      const room = await createRoom({
        name: name.trim(),
        topic: topic.trim(),
        description: description.trim(),
        language,
        capacity: cap,
        visibility: inviteOnly ? 'invite_only' : 'public',
        ...(gid ? { groupId: gid } : {}),
      });
      await loadMyRooms();
      onClose();
      navigate(paths.room(room.id));
    } catch (err) {
      setError(err instanceof Error && !('code' in err) ? err.message : errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('rooms.createTitle')} onClose={onClose} testId="create-room">
      <form className="form" onSubmit={submit} noValidate data-testid="create-room-form">
        <Field
          label={t('rooms.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={80}
          testId="room-name-input"
        />
        <Field
          label={t('rooms.topic')}
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          maxLength={200}
          testId="room-topic-input"
        />
        <TextArea
          label={t('rooms.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={2000}
          rows={3}
        />
        <div className="row">
          <SelectField
            label={t('rooms.language')}
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
            testId="room-language-input"
          >
            {ROOM_LANGUAGES.map((l) => (
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
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            hint={t('rooms.capacityHint', { max: maxCapacity.toLocaleString(i18n.language) })}
            testId="room-capacity-input"
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={inviteOnly}
            onChange={(e) => setInviteOnly(e.target.checked)}
            data-testid="room-invite-only"
          />
          {t('rooms.inviteOnlyOption')}
        </label>
        <SelectField
          label={t('rooms.group')}
          value={groupId}
          onChange={(e) => setGroupId(e.target.value)}
          testId="room-group-input"
        >
          <option value="">{t('rooms.noGroup')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
          <option value={NEW_GROUP}>{t('rooms.newGroup')}</option>
        </SelectField>
        {groupId === NEW_GROUP && (
          <>
            <Field
              label={t('rooms.groupName')}
              value={groupName}
              onChange={(e) => setGroupName(e.target.value)}
              maxLength={80}
              testId="group-name-input"
            />
            <label className="check">
              <input type="checkbox" checked={overflow} onChange={(e) => setOverflow(e.target.checked)} />
              {t('rooms.overflowOption')}
            </label>
          </>
        )}
        {error && (
          <p className="error-text" role="alert" data-testid="form-error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy} data-testid="create-room-submit">
            {t('rooms.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
