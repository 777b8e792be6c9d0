import { splitRoomName } from './room-name';

/** "# name" with a middle ellipsis: the distinct end of a long name stays visible (see room-name.ts). */
export function RoomName({ name }: { name: string }) {
  const { head, tail } = splitRoomName(name);
  return (
    <span className="mid-ellipsis">
      <span className="mid-ellipsis-head"># {head}</span>
      {tail && <span className="mid-ellipsis-tail">{tail}</span>}
    </span>
  );
}
