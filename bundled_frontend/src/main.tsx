/** Entry point: find the app's base URL, start the controller, mount the page. */
import { render } from "preact";
import { App } from "./chrome/App";
import { AppController } from "./controller";
import { appBaseUrl } from "./url";
import "./styles/fonts.css";
import "./styles/base.css";
import "./styles/elements.css";
import "./styles/widgets.css";
import "./styles/chrome.css";
import "./styles/look.css";

const base = appBaseUrl(import.meta.url, window.location.href, import.meta.env.DEV);
const controller = new AppController(base);
// Tests and benches read the bytes received here (the socket is in a worker).
Object.defineProperty(window, "__rilletReceived", {
  value: () => ({ ...controller.received }),
  configurable: true,
});
window.addEventListener("popstate", () => controller.followHistory());

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");
render(<App controller={controller} />, root);
controller.start();
