import { contracts, type MyRoom } from '@rounds/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { errorText } from '../../ui/errors';
import { Field, SelectField } from '../../ui/Field';
import { createGroup, updateGroup } from '../rooms/directory-api';
import { useGroups } from './useGroups';

const NEW = '__new__';

/** The room's group (siblings that share load) and whether a full group opens a new room. */
export function GroupSettings({ room }: { room: MyRoom }) {
  const { t } = useTranslation();
  const [groups, reload] = useGroups();
  const [choice, setChoice] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const selected = choice ?? room.groupId ?? '';
  const group = groups.find((g) => g.id === (room.groupId ?? ''));

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setStatus({ ok: true, text: t('settings.saved') });
      reload();
    } catch (err) {
      setStatus({ ok: false, text: errorText(t, err) });
    }
  };

  const saveGroup = () =>
    run(async () => {
      let groupId: string | null = selected || null;
      if (selected === NEW) {
        if (!newName.trim()) throw new Error('name');
        groupId = (await createGroup({ name: newName.trim(), autoCreate: true, roomCapacity: room.capacity })).id;
      }
      await call(contracts.rooms.updateRoom, { params: { roomId: room.id }, body: { groupId } });
      setChoice(null);
    });

  return (
    <section className="card" aria-labelledby="group-h" data-testid="group-settings">
      <h2 id="group-h">{t('settings.group')}</h2>
      <p className="muted small">{t('settings.groupHint')}</p>
      <div className="row align-end">
        <SelectField
          label={t('rooms.group')}
          value={selected}
          onChange={(e) => setChoice(e.target.value)}
          testId="settings-group"
        >
          <option value="">{t('rooms.noGroup')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
          <option value={NEW}>{t('rooms.newGroup')}</option>
        </SelectField>
        {selected === NEW && (
          <Field
            label={t('rooms.groupName')}
            value={newName}
            onChange={(e) => setNewName(e.target.value)}
            maxLength={80}
            testId="settings-group-name"
          />
        )}
        <button
          type="button"
          className="button secondary"
          onClick={() => void saveGroup()}
          disabled={selected === (room.groupId ?? '')}
          data-testid="settings-group-save"
        >
          {t('settings.setGroup')}
        </button>
      </div>
      {group && (
        <label className="check">
          <input
            type="checkbox"
            checked={group.autoCreate}
            onChange={(e) => void run(() => updateGroup(group.id, { autoCreate: e.target.checked }))}
            data-testid="settings-overflow"
          />
          {t('rooms.overflowOption')}
        </label>
      )}
      {status && (
        <p className={status.ok ? 'ok-text' : 'error-text'} role="status">
          {status.ok ? status.text : status.text}
        </p>
      )}
    </section>
  );
}
