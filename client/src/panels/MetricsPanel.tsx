// Placeholder until the panels are built (issue #4).
export function MetricsPanel() {
  return null;
}
