/** Banners about the session: the connection, and a changed source file. */
import type { AppState } from "../appState";
import { ConnectionState } from "../connection";
import type { AppController } from "../controller";

export function ConnectionIndicator({ state }: { state: AppState }) {
  if (state.connection === ConnectionState.Connected) return null;
  const text = state.connection === ConnectionState.Closed ? "Disconnected" : "Connecting…";
  return (
    <div class="rl-connection" role="status" aria-live="polite">
      <span class="rl-running-dot" aria-hidden="true" />
      {text}
    </div>
  );
}

export function SourceChangedBar({ state, controller }: { state: AppState; controller: AppController }) {
  if (!state.sourceChanged || state.runOnSave) return null;
  return (
    <div class="rl-source-changed" role="status">
      <span>Source file changed.</span>
      <button type="button" class="rl-button rl-button-secondary" onClick={() => controller.rerun()}>
        Rerun
      </button>
      {state.session?.allowRunOnSave === true && (
        <button
          type="button"
          class="rl-button rl-button-tertiary"
          onClick={() => {
            controller.setRunOnSave(true);
            controller.rerun();
          }}
        >
          Always rerun
        </button>
      )}
    </div>
  );
}
