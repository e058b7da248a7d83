// Placeholder until the canvas is built (issue #4).
export function Canvas() {
  return null;
}
