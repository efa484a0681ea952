/**
 * The page: header, optional sidebar, the main column, the bottom bar (chat
 * input) and the event root (dialogs, toasts). Reads the controller's state
 * and re-renders when it or a widget value changes.
 */
import { useEffect, useState } from "preact/hooks";
import type { AppController } from "../controller";
import { ControllerContext, RunContext, WidgetTickContext } from "../render/context";
import { useMemo } from "preact/hooks";
import { NodeView } from "../render/NodeView";
import { isRootEmpty, RootIndex } from "../tree";
import { Header } from "./Header";
import { AppLogo } from "./Logo";
import { PageList } from "./PageList";
import { ConnectionIndicator, SourceChangedBar } from "./StatusBars";
import {
  resolveTheme,
  storedThemeChoice,
  storedWideMode,
  storeThemeChoice,
  storeWideMode,
  themeVariables,
  type ThemeChoice,
} from "./theme";
import { ToastStack } from "./ToastStack";

const NARROW_SCREEN = "(max-width: 768px)";

/** Re-render on every notification; a tick counter doubles as a context value. */
function useSubscription(subscribe: (listener: () => void) => () => void): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((t) => t + 1);
    const unsubscribe = subscribe(bump);
    bump(); // catch up with whatever changed between the render and this effect
    return unsubscribe;
  }, []);
  return tick;
}

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    list.addEventListener("change", onChange);
    return () => list.removeEventListener("change", onChange);
  }, [query]);
  return matches;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function App({ controller }: { controller: AppController }) {
  useSubscription((listener) => controller.subscribe(listener));
  const widgetTick = useSubscription((listener) => controller.widgets.subscribe(listener));
  const state = controller.state;
  const prefersDark = useMediaQuery("(prefers-color-scheme: dark)");
  const narrow = useMediaQuery(NARROW_SCREEN);
  const [themeChoice, setThemeChoice] = useState<ThemeChoice | undefined>(storedThemeChoice);
  const [wideChoice, setWideChoice] = useState<boolean | undefined>(storedWideMode);
  const [sidebarChoice, setSidebarChoice] = useState<boolean | undefined>(undefined);

  const appTheme = state.session?.theme;
  const theme = resolveTheme(themeChoice ?? null, appTheme?.base ?? "", prefersDark);
  const wide = wideChoice ?? state.pageConfig?.layout === "wide";
  const showNav = state.navigation.position === "sidebar" && state.navigation.pages.length > 1;
  const sidebarPresent = !isRootEmpty(state.tree, RootIndex.Sidebar) || showNav;
  const initialSidebar = state.pageConfig?.initialSidebarState || "auto";
  // Digits: the sidebar starts expanded, that many pixels wide.
  const sidebarWidth = /^\d+$/.test(initialSidebar) ? `${initialSidebar}px` : undefined;
  const sidebarOpen =
    sidebarChoice ??
    (initialSidebar === "expanded" ||
      sidebarWidth !== undefined ||
      (initialSidebar !== "collapsed" && !narrow));

  useEffect(() => {
    document.documentElement.dataset["theme"] = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "r" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      controller.rerun();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [controller]);

  const { runId, runFragmentId, scriptRunning } = state;
  const run = useMemo(
    () => ({ runId, fragmentId: runFragmentId, running: scriptRunning }),
    [runId, runFragmentId, scriptRunning],
  );

  const [main, sidebar, event, bottom] = state.tree.roots;
  return (
    <ControllerContext.Provider value={controller}>
      <RunContext.Provider value={run}>
        <WidgetTickContext.Provider value={widgetTick}>
          <div class={`rl-app${wide ? " rl-wide" : ""}`} style={themeVariables(appTheme)} data-testid="stApp">
            {/* The first stop of Tab: past the header and sidebar, straight to the app. */}
            <a
              class="rl-skip-link"
              href="#rl-main"
              onClick={(event) => {
                // Focus the app without touching the URL (its hash is the app's own).
                event.preventDefault();
                document.getElementById("rl-main")?.focus();
              }}
            >
              Skip to content
            </a>
            <Header
              state={state}
              controller={controller}
              sidebarPresent={sidebarPresent}
              sidebarOpen={sidebarOpen}
              onToggleSidebar={() => setSidebarChoice(!sidebarOpen)}
              themeChoice={themeChoice ?? "system"}
              onThemeChoice={(choice) => {
                storeThemeChoice(choice);
                setThemeChoice(choice);
              }}
              wide={wide}
              onWide={(next) => {
                storeWideMode(next);
                setWideChoice(next);
              }}
            />
            <SourceChangedBar state={state} controller={controller} />
            <div class="rl-body">
              {sidebarPresent && (
                <aside
                  id="rl-sidebar"
                  class="rl-sidebar"
                  hidden={!sidebarOpen}
                  aria-label="Sidebar"
                  data-testid="stSidebar"
                  style={sidebarWidth ? { "--rl-sidebar-width": sidebarWidth } : undefined}
                >
                  {/* The aside is as tall as the page (its background); the content sticks and scrolls. */}
                  <div class="rl-sidebar-content" data-testid="stSidebarContent">
                    {state.logo !== undefined && (
                      <AppLogo logo={state.logo} base={controller.baseUrl} icon={false} />
                    )}
                    {showNav && (
                      <nav class="rl-sidebar-nav" aria-label="Pages" data-testid="stSidebarNav">
                        <PageList state={state} controller={controller} />
                      </nav>
                    )}
                    {sidebar && (
                      <div data-testid="stSidebarUserContent">
                        <NodeView node={sidebar} />
                      </div>
                    )}
                  </div>
                </aside>
              )}
              <main id="rl-main" class="rl-main" tabIndex={-1} data-testid="stMain">
                {main && (
                  <div class="rl-main-block block-container" data-testid="stMainBlockContainer">
                    <NodeView node={main} />
                  </div>
                )}
                {bottom && !isRootEmpty(state.tree, RootIndex.Bottom) && (
                  <div class="rl-bottom">
                    <NodeView node={bottom} />
                  </div>
                )}
              </main>
            </div>
            <div class="rl-event-root">{event && <NodeView node={event} />}</div>
            <ToastStack store={controller.toasts} />
            <ConnectionIndicator state={state} />
          </div>
        </WidgetTickContext.Provider>
      </RunContext.Provider>
    </ControllerContext.Provider>
  );
}
