// What an empty state says: how to start (editors) or that there is nothing yet (viewers).
export function EmptyHint({ canEdit }: { canEdit: boolean }) {
  return (
    <div className="fm-empty" role="status">
      {canEdit ? (
        <>
          <strong>This map is empty</strong>
          <span>Double-click to add a stage, or use the toolbar</span>
        </>
      ) : (
        <strong>Nothing on this map yet</strong>
      )}
    </div>
  );
}
