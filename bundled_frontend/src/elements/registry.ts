/**
 * The one table from an Element's kind (its protobuf oneof case) to the
 * component that renders it. The type makes a missing kind a compile error.
 */
import type { ElementRenderers } from "../render/types";
import { DeckGlJsonChart } from "./charts/deck";
import { EChartsChart } from "./charts/echarts";
import { GraphvizChart } from "./charts/graphviz";
import { PlotlyChart } from "./charts/plotly";
import { Alert, ExceptionElement } from "./alerts";
import { Button, DownloadButton, LinkButton } from "./buttons";
import { VegaLiteChartElement } from "./charts/vegaChart";
import { ButtonGroup } from "./buttonGroup";
import { AudioInput, CameraInput } from "./capture";
import { ChatInput } from "./chatInput";
import { Checkbox } from "./checkbox";
import { Radio, Selectbox } from "./choice";
import { Code } from "./code";
import { ComponentInstanceElement } from "./component";
import { BidiComponentElement } from "./componentV2";
import { ColorPicker } from "./colorPicker";
import { DataFrame } from "./dataframe";
import { DateInput, TimeInput } from "./dateTime";
import { DateTimeInput } from "./dateTimeInput";
import { Balloons, Toast } from "./feedback";
import { Feedback } from "./feedbackInput";
import { FileUploader } from "./fileUploader";
import { HelpPanel } from "./help";
import { Html } from "./html";
import { IFrame } from "./iframe";
import { JsonElement } from "./json";
import { Heading, MarkdownElement, Text } from "./markdown";
import { Images, MediaElement } from "./media";
import { Metric } from "./metric";
import { MenuButton } from "./menuButton";
import { Multiselect } from "./multiselect";
import { NumberInput } from "./numberInput";
import { PageLink } from "./pageLink";
import { Pagination } from "./pagination";
import { PathPicker } from "./pathPicker";
import { Pdf } from "./pdf";
import { Skeleton, Space } from "./placeholders";
import { ScriptedHtml } from "./scriptedHtml";
import { Progress, Spinner } from "./progress";
import { Slider } from "./slider";
import { TextArea, TextInput } from "./textInputs";

export const elementRenderers: ElementRenderers = {
  markdown: MarkdownElement,
  heading: Heading,
  text: Text,
  code: Code,
  json: JsonElement,
  metric: Metric,
  alert: Alert,
  exception: ExceptionElement,
  progress: Progress,
  spinner: Spinner,
  imgs: Images,
  empty: () => null,
  toast: Toast,
  html: Html,
  pageLink: PageLink,
  media: MediaElement,
  balloons: Balloons,
  dataframe: DataFrame,
  iframe: IFrame,
  help: HelpPanel,
  linkButton: LinkButton,
  vegaLiteChart: VegaLiteChartElement,
  buttonGroup: ButtonGroup,
  feedback: Feedback,
  menuButton: MenuButton,
  pagination: Pagination,
  space: Space,
  skeleton: Skeleton,
  button: Button,
  checkbox: Checkbox,
  radio: Radio,
  selectbox: Selectbox,
  multiselect: Multiselect,
  slider: Slider,
  textInput: TextInput,
  textArea: TextArea,
  numberInput: NumberInput,
  dateInput: DateInput,
  timeInput: TimeInput,
  fileUploader: FileUploader,
  downloadButton: DownloadButton,
  chatInput: ChatInput,
  colorPicker: ColorPicker,
  cameraInput: CameraInput,
  audioInput: AudioInput,
  pathPicker: PathPicker,
  componentInstance: ComponentInstanceElement,
  bidiComponent: BidiComponentElement,
  datetimeInput: DateTimeInput,
  pdf: Pdf,
  scriptedHtml: ScriptedHtml,
  plotlyChart: PlotlyChart,
  graphvizChart: GraphvizChart,
  deckGlJsonChart: DeckGlJsonChart,
  echartsChart: EChartsChart,
};
