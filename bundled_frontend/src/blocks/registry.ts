/** The one table from a Block's kind to the component that renders it. */
import type { BlockRenderers } from "../render/types";
import { ChatMessage } from "./chatMessage";
import { Dialog } from "./dialog";
import { Expander, Popover } from "./disclosure";
import { Form } from "./form";
import { Grid, GridCell } from "./grid";
import { Column, Horizontal, Vertical } from "./layout";
import { Tab, TabContainer } from "./tabs";

export const blockRenderers: BlockRenderers = {
  vertical: Vertical,
  horizontal: Horizontal,
  column: Column,
  expander: Expander,
  form: Form,
  tabContainer: TabContainer,
  tab: Tab,
  popover: Popover,
  dialog: Dialog,
  chatMessage: ChatMessage,
  grid: Grid,
  gridCell: GridCell,
};
