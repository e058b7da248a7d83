// Placeholder until the map library is built (issue #4).
export function LibraryPage() {
  return <div className="page-message">Flowmap</div>;
}
