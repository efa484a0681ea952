/**
 * `:material/name:` icons without the Material icon font: simple line
 * drawings of the most used names, on a 24×24 grid, stroked in the text
 * colour. A name not drawn here shows no icon (the label beside it stays).
 */

/** A circle as path data (paths only, so every icon is a list of `d` strings). */
function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
}

const RING = circle(12, 12, 9.5);
const dot = (x: number, y: number) => `M${x} ${y}h.01`;

const ICONS: Readonly<Record<string, readonly string[]>> = {
  home: ["M3 11l9-8 9 8", "M5 9.5V20h14V9.5", "M10 20v-6h4v6"],
  settings: [
    circle(12, 12, 3),
    circle(12, 12, 6.5),
    "M12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2",
  ],
  search: [circle(10.5, 10.5, 6.5), "M15.5 15.5L21 21"],
  person: [circle(12, 8, 4), "M4 21c0-4 3.6-6.5 8-6.5s8 2.5 8 6.5"],
  account_circle: [RING, circle(12, 10, 3), "M6.5 18.5c1.2-2 3.2-3 5.5-3s4.3 1 5.5 3"],
  face: [RING, dot(9, 10), dot(15, 10), "M8.5 14.5c1 1.3 2.2 2 3.5 2s2.5-.7 3.5-2"],
  smart_toy: [
    "M6 8h12a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2z",
    "M12 8V4",
    dot(9, 13),
    dot(15, 13),
    "M9.5 16.5h5",
  ],
  info: [RING, "M12 11v6", dot(12, 7.5)],
  warning: ["M12 3L2 20h20z", "M12 10v4", dot(12, 17)],
  error: [RING, "M12 7v6", dot(12, 16.5)],
  help: [RING, "M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7v.5", dot(12, 17.5)],
  check: ["M4 12.5l5 5L20 6.5"],
  check_circle: [RING, "M7.5 12.5l3 3 6-6.5"],
  close: ["M6 6l12 12M18 6L6 18"],
  add: ["M12 5v14M5 12h14"],
  remove: ["M5 12h14"],
  delete: ["M4 7h16", "M9 7V4h6v3", "M6 7l1 13h10l1-13", "M10 11v6M14 11v6"],
  edit: ["M4 20h4L19 9l-4-4L4 16z", "M13 7l4 4"],
  download: ["M12 4v11", "M7 10l5 5 5-5", "M5 20h14"],
  upload: ["M12 16V5", "M7 10l5-5 5 5", "M5 20h14"],
  refresh: ["M20 12a8 8 0 1 1-2.3-5.6", "M20 4v5h-5"],
  star: ["M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z"],
  favorite: [
    "M12 20s-7.5-4.6-9-9.2C2 7.4 4.2 4.5 7.3 4.5c2 0 3.6 1.1 4.7 2.8 1.1-1.7 2.7-2.8 4.7-2.8 3.1 0 5.3 2.9 4.3 6.3C19.5 15.4 12 20 12 20z",
  ],
  arrow_forward: ["M4 12h15", "M13 6l6 6-6 6"],
  arrow_back: ["M20 12H5", "M11 6l-6 6 6 6"],
  expand_more: ["M6 9l6 6 6-6"],
  chevron_right: ["M9 6l6 6-6 6"],
  chevron_left: ["M15 6l-6 6 6 6"],
  menu: ["M4 6h16M4 12h16M4 18h16"],
  dashboard: ["M4 4h7v9H4z", "M13 4h7v5h-7z", "M13 11h7v9h-7z", "M4 15h7v5H4z"],
  bar_chart: ["M5 20V10", "M12 20V4", "M19 20v-7"],
  analytics: ["M4 4v16h16", "M8 14l3-4 3 3 5-6"],
  trending_up: ["M3 17l6-6 4 4 8-8", "M15 7h6v6"],
  table_chart: ["M3 5h18v14H3z", "M3 10h18", "M9 10v9", "M15 10v9"],
  description: ["M6 3h8l5 5v13H6z", "M14 3v5h5", "M9 13h7M9 17h7"],
  folder: ["M3 6h6l2 2h10v11H3z"],
  image: ["M3 5h18v14H3z", "M3 16l5-5 4 4 3-3 6 6", dot(15.5, 8.5)],
  mail: ["M3 5h18v14H3z", "M3 6l9 7 9-7"],
  chat: ["M4 4h16v12H8l-4 4z"],
  send: ["M3 20l18-8L3 4v6l10 2-10 2z"],
  notifications: ["M6 17v-6a6 6 0 0 1 12 0v6l2 2H4z", "M10 21h4"],
  lock: ["M6 11h12v10H6z", "M8.5 11V8a3.5 3.5 0 0 1 7 0v3"],
  visibility: ["M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z", circle(12, 12, 3)],
  thumb_up: [
    "M7 10v11H3V10z",
    "M7 10l4-7c1.7 0 2.6 1.2 2.3 2.8L12.8 9H19a2 2 0 0 1 2 2.3l-1.4 7.5A2.5 2.5 0 0 1 17.1 21H7",
  ],
  thumb_down: [
    "M7 14V3H3v11z",
    "M7 14l4 7c1.7 0 2.6-1.2 2.3-2.8L12.8 15H19a2 2 0 0 0 2-2.3l-1.4-7.5A2.5 2.5 0 0 0 17.1 3H7",
  ],
  calendar_today: ["M4 6h16v15H4z", "M4 10h16", "M8 3v4M16 3v4"],
  schedule: [RING, "M12 7v5l3.5 2"],
  rocket_launch: ["M14 4c3-1 6-1 6-1s0 3-1 6l-7 7-5-5z", "M7 11H4l2-4h4", "M13 17v3l4-2v-4", "M5 19l2-2"],
  lightbulb: [
    "M9 18h6",
    "M10 21h4",
    "M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z",
  ],
  auto_awesome: ["M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8z"],
  bolt: ["M13 2L4 14h7l-1 8 9-12h-7z"],
  play_arrow: ["M8 5v14l11-7z"],
  pause: ["M8 5v14M16 5v14"],
  stop: ["M6 6h12v12H6z"],
  cloud: ["M7 18h10a4 4 0 0 0 .5-8A6 6 0 0 0 6 9.5 4.3 4.3 0 0 0 7 18z"],
  code: ["M8 7l-5 5 5 5", "M16 7l5 5-5 5"],
  link: [
    "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1",
    "M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1",
  ],
  open_in_new: ["M14 4h6v6", "M20 4l-9 9", "M18 14v6H4V6h6"],
  filter_list: ["M4 7h16M7 12h10M10 17h4"],
  map: ["M9 4L3 6v14l6-2 6 2 6-2V4l-6 2z", "M9 4v14", "M15 6v14"],
  language: [RING, "M2.5 12h19", "M12 2.5c3 3 3 16 0 19", "M12 2.5c-3 3-3 16 0 19"],
  shopping_cart: ["M3 4h2l2.5 11h11L21 8H6.2", dot(9, 20), dot(17, 20)],
  content_copy: ["M8 8h12v12H8z", "M16 8V4H4v12h4"],
  save: ["M5 3h11l3 3v15H5z", "M8 3v5h7V3", "M8 21v-7h8v7"],
  logout: ["M10 4H5v16h5", "M14 8l4 4-4 4", "M18 12H9"],
  login: ["M14 4h5v16h-5", "M9 8l4 4-4 4", "M13 12H4"],
};

/** Other names for the same drawing (outlined variants, close synonyms). */
const ALIASES: Readonly<Record<string, string>> = {
  clear: "close",
  done: "check",
  task_alt: "check_circle",
  info_outline: "info",
  warning_amber: "warning",
  report: "error",
  error_outline: "error",
  help_outline: "help",
  question_mark: "help",
  person_outline: "person",
  email: "mail",
  mail_outline: "mail",
  insights: "analytics",
  show_chart: "analytics",
  query_stats: "analytics",
  photo: "image",
  event: "calendar_today",
  calendar_month: "calendar_today",
  access_time: "schedule",
  favorite_border: "favorite",
  star_outline: "star",
  delete_outline: "delete",
  forum: "chat",
  robot: "smart_toy",
  rocket: "rocket_launch",
  public: "language",
  settings_applications: "settings",
  upload_file: "upload",
  file_download: "download",
  arrow_right_alt: "arrow_forward",
  keyboard_arrow_down: "expand_more",
  visibility_on: "visibility",
  notifications_none: "notifications",
};

/** The name inside `:material/name:`, or undefined for any other icon string. */
export function materialName(icon: string): string | undefined {
  return /^:material\/([a-z0-9_]+):$/.exec(icon.trim())?.[1];
}

/** The drawing's path data for a Material icon name; undefined when rillet has none. */
export function materialIconPaths(name: string): readonly string[] | undefined {
  return ICONS[ALIASES[name] ?? name];
}

/** SVG attributes shared by the JSX and the markup forms. */
export const ICON_SVG_ATTRIBUTES = {
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  "stroke-width": "2",
  "stroke-linecap": "round",
  "stroke-linejoin": "round",
} as const;

/** An icon as SVG markup (for markdown and favicons); "" when rillet has no drawing of it. */
export function materialIconSvg(name: string, extra = ""): string {
  const paths = materialIconPaths(name);
  if (paths === undefined) return "";
  const attributes = Object.entries(ICON_SVG_ATTRIBUTES)
    .map(([key, value]) => `${key}="${value}"`)
    .join(" ");
  const body = paths.map((d) => `<path d="${d}"/>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" ${attributes}${extra}>${body}</svg>`;
}
