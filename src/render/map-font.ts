/** The maps' typeface as SVG files name it (the page's --sans, with the web font's other names): every SVG a renderer writes. */
export const MAP_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';
