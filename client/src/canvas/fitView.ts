// How "fit view" frames the map: room for the toolbar above and the legend and minimap below.
export const FIT_VIEW_OPTIONS = {
  padding: { top: '84px', bottom: '150px', left: '48px', right: '48px' },
  maxZoom: 1.1,
} as const;
