/** The top bar: sidebar toggle, top navigation, running indicator, Stop, and the main menu. */
import type { AppState } from "../appState";
import type { AppController } from "../controller";
import { AppLogo } from "./Logo";
import { MainMenu, type MenuProps } from "./MainMenu";
import { PageList } from "./PageList";

interface Props extends MenuProps {
  state: AppState;
  controller: AppController;
  sidebarPresent: boolean;
  sidebarOpen: boolean;
  onToggleSidebar: () => void;
}

export function Header(props: Props) {
  const { state, controller } = props;
  return (
    <header class="rl-header" data-testid="stHeader">
      {props.sidebarPresent && (
        <button
          type="button"
          class="rl-icon-button rl-sidebar-toggle"
          aria-label={props.sidebarOpen ? "Close sidebar" : "Open sidebar"}
          aria-expanded={props.sidebarOpen}
          aria-controls="rl-sidebar"
          onClick={props.onToggleSidebar}
        >
          ☰
        </button>
      )}
      {state.logo !== undefined && !(props.sidebarPresent && props.sidebarOpen) && (
        <AppLogo logo={state.logo} base={controller.baseUrl} icon={props.sidebarPresent} />
      )}
      {state.navigation.position === "top" && (
        <nav class="rl-top-nav" aria-label="Pages">
          <PageList state={state} controller={controller} />
        </nav>
      )}
      <div class="rl-header-spacer" />
      {state.scriptRunning && (
        <div class="rl-running" role="status" aria-live="polite">
          <span class="rl-running-dot" aria-hidden="true" />
          Running…
          <button type="button" class="rl-button rl-button-tertiary" onClick={() => controller.stop()}>
            Stop
          </button>
        </div>
      )}
      <MainMenu {...props} />
    </header>
  );
}
