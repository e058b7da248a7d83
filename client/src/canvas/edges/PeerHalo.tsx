// A wide translucent stroke under an arrow that another participant has selected, in their colour.
export function PeerHalo({ path, colour }: { path: string; colour: string | undefined }) {
  if (!colour) return null;
  return <path className="vsm-peer-halo" d={path} style={{ stroke: colour }} fill="none" />;
}
