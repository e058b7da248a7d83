// A participant's initials on a disc of their presence colour, in the presence bar and the name
// prompt's preview.
import { initials, readableTextColour } from './avatarText.ts';
import './avatar.css';

/** A participant's initials in their colour. */
export function Avatar({
  name,
  colour,
  size = 30,
}: {
  name: string;
  colour: string;
  size?: number;
}) {
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{
        background: colour,
        color: readableTextColour(colour),
        width: size,
        height: size,
        fontSize: Math.round(size * 0.4),
      }}
    >
      {initials(name)}
    </span>
  );
}
