/** The "⋮" menu: rerun, clear cache, theme, wide mode, about. */
import { useEffect, useRef, useState } from "preact/hooks";
import type { AppState } from "../appState";
import type { AppController } from "../controller";
import { MarkdownBody } from "../render/MarkdownBody";
import type { ThemeChoice } from "./theme";

/** `st.set_page_config(menu_items=...)`: links for help and bug reports, and an About text. */
export interface MenuItems {
  readonly getHelp: string | undefined;
  readonly reportBug: string | undefined;
  readonly about: string | undefined;
}

export function parseMenuItems(json: string): MenuItems {
  let parsed: unknown = {};
  try {
    parsed = json === "" ? {} : JSON.parse(json);
  } catch {
    console.warn("rillet: menu_items is not valid JSON", json);
  }
  const record = (parsed ?? {}) as Record<string, unknown>;
  const pick = (...names: string[]) => {
    for (const name of names) {
      for (const [key, value] of Object.entries(record)) {
        if (key.toLowerCase() === name && typeof value === "string" && value !== "") return value;
      }
    }
    return undefined;
  };
  return {
    getHelp: pick("get help", "get_help"),
    reportBug: pick("report a bug", "report_a_bug"),
    about: pick("about"),
  };
}

export interface MenuProps {
  state: AppState;
  controller: AppController;
  themeChoice: ThemeChoice;
  onThemeChoice: (choice: ThemeChoice) => void;
  wide: boolean;
  onWide: (wide: boolean) => void;
}

export function MainMenu({ state, controller, themeChoice, onThemeChoice, wide, onWide }: MenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !root.current?.contains(event.target as Node)
      ) {
        setOpen(false);
      }
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const act = (action: () => void) => () => {
    action();
    setOpen(false);
  };
  const session = state.session;
  const items = parseMenuItems(state.pageConfig?.menuItemsJson ?? "");
  return (
    <div class="rl-menu" ref={root}>
      <button
        type="button"
        class="rl-icon-button"
        aria-label="Main menu"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        ⋮
      </button>
      {open && (
        <div class="rl-menu-panel">
          <button type="button" class="rl-menu-item" onClick={act(() => controller.rerun())}>
            Rerun <kbd>R</kbd>
          </button>
          {!session?.toolbarMinimal && (
            <button type="button" class="rl-menu-item" onClick={act(() => controller.clearCache())}>
              Clear cache
            </button>
          )}
          <fieldset class="rl-menu-section">
            <legend>Theme</legend>
            {(["light", "dark", "system"] as const).map((choice) => (
              <label key={choice} class="rl-menu-radio">
                <input
                  type="radio"
                  name="rl-theme"
                  checked={themeChoice === choice}
                  onChange={() => onThemeChoice(choice)}
                />
                {choice === "system" ? "Use system setting" : choice === "light" ? "Light" : "Dark"}
              </label>
            ))}
          </fieldset>
          <label class="rl-menu-item rl-menu-check">
            <input type="checkbox" checked={wide} onChange={(event) => onWide(event.currentTarget.checked)} />
            Wide mode
          </label>
          {items.getHelp && (
            <a class="rl-menu-item" href={items.getHelp} target="_blank" rel="noopener noreferrer">
              Get help
            </a>
          )}
          {items.reportBug && (
            <a class="rl-menu-item" href={items.reportBug} target="_blank" rel="noopener noreferrer">
              Report a bug
            </a>
          )}
          {items.about && (
            <div class="rl-menu-about">
              <MarkdownBody body={items.about} />
            </div>
          )}
          {session && (
            <div class="rl-menu-about">
              {session.appName || "rillet app"} · rillet {session.rilletVersion}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
