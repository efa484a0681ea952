"""What every ``streamlit.*`` module path maps to under the alias: the table.

One entry per Streamlit module path an app can import (Streamlit 1.67's
public modules, and a few older paths apps still use). Each entry is one of:

- :class:`Shim`: a module built for the alias whose names are rillet
  objects, given as ``"module:attribute"`` (resolved when the module is
  first imported). A name whose rillet target does not exist yet is left
  out and reported as missing; it appears by itself once the target lands.
  ``internal`` lists the Streamlit names with no rillet counterpart, and
  ``instead`` says what to use in their place.
- :class:`Forward`: the path *is* a rillet module (``streamlit.column_config``
  is ``rillet.column_config``), once that module exists.
- :class:`Gone`: no rillet equivalent. Importing the path, or anything below
  it, raises ``ModuleNotFoundError`` naming the path and saying what to use.

A path with no entry of its own takes its nearest ancestor's ``Gone``
entry; ``tests/test_compat_table.py`` walks Streamlit's packages and fails
when a module or a public name of a shimmed module is not decided here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Shim:
    """A module made for the alias; ``names`` maps Streamlit names to rillet objects."""

    names: Mapping[str, str] = field(default_factory=dict)
    internal: tuple[str, ...] = ()
    instead: str = ""
    package: bool = False
    doc: str = ""


@dataclass(frozen=True)
class Forward:
    """The path is the rillet module ``target``; ``issue`` tracks it while it is missing."""

    target: str
    issue: str = ""


@dataclass(frozen=True)
class Gone:
    """No rillet equivalent for the path and everything below it."""

    instead: str


RUNTIME = "rillet.compat.runtime"
_CTX = {
    "get_script_run_ctx": f"{RUNTIME}:get_script_run_ctx",
    "add_script_run_ctx": f"{RUNTIME}:add_script_run_ctx",
    "ScriptRunContext": f"{RUNTIME}:ScriptRunContext",
}
_CONTROL = {
    "RerunException": "rillet.runtime.interrupts:RerunRun",
    "StopException": "rillet.runtime.interrupts:StopRun",
    "RerunData": f"{RUNTIME}:RerunData",
}
_RUNNER_INTERNALS = (
    "get_script_run_ctx() and add_script_run_ctx() (rillet's script runner is its own)"
)
_INTERNAL = "the st.* command itself"
_COMPONENTS = "rillet.compat.components"
_SERVER_INSTEAD = "st.context.headers, st.context.cookies and st.context.ip_address"
_API = "rillet.runtime.errors:RilletAPIException"

# Streamlit's exceptions: each catches what rillet raises in its place.
# rillet raises RilletAPIException for every bad argument, so each of
# Streamlit's API error classes is that class.
_ERRORS = {
    name: _API
    for name in (
        "BidiComponentError",
        "BidiComponentInvalidCallbackNameError",
        "BidiComponentInvalidDefaultKeyError",
        "BidiComponentInvalidIdError",
        "BidiComponentUnserializableDataError",
        "Error",
        "LocalizableStreamlitException",
        "MarkdownFormattedException",
        "StreamlitAPIException",
        "StreamlitAPIWarning",
        "StreamlitAuthError",
        "StreamlitBadTimeStringError",
        "StreamlitComponentRegistryError",
        "StreamlitDataframeConversionError",
        "StreamlitDefaultNotInOptionsError",
        "StreamlitIncompatibleParametersError",
        "StreamlitInvalidColorError",
        "StreamlitInvalidColumnSpecError",
        "StreamlitInvalidFormCallbackError",
        "StreamlitInvalidHeightError",
        "StreamlitInvalidLayoutContextError",
        "StreamlitInvalidMinMaxError",
        "StreamlitInvalidNumberFormatError",
        "StreamlitInvalidParameterTypeError",
        "StreamlitInvalidThemeError",
        "StreamlitInvalidThemeOptionError",
        "StreamlitInvalidThemeSectionError",
        "StreamlitInvalidURLError",
        "StreamlitInvalidWidthError",
        "StreamlitJSNumberBoundsError",
        "StreamlitMaxRetriesError",
        "StreamlitMissingAuthlibError",
        "StreamlitMissingRequiredParameterError",
        "StreamlitMixedNumericTypesError",
        "StreamlitPageNotFoundError",
        "StreamlitQueryParamDictValueError",
        "StreamlitSelectionCountExceedsMaxError",
        "StreamlitValueAboveMaxError",
        "StreamlitValueAssignmentNotAllowedError",
        "StreamlitValueBelowMinError",
        "StreamlitValueError",
        "StreamlitValueOutOfRangeError",
        "StreamlitWidgetAlreadyInstantiatedError",
        "UnserializableSessionStateError",
    )
} | {
    "DuplicateWidgetID": "rillet.runtime.errors:DuplicateWidgetID",
    "StreamlitDuplicateElementId": "rillet.runtime.errors:DuplicateWidgetID",
    "StreamlitDuplicateElementKey": "rillet.runtime.errors:DuplicateWidgetID",
    "NoSessionContext": "rillet.runtime.errors:NoRunContextError",
    "StreamlitSecretNotFoundError": "rillet.runtime.secrets:SecretsNotFoundError",
    "FragmentStorageKeyError": "builtins:KeyError",
    "FragmentHandledException": "builtins:Exception",
}

# The element classes Streamlit's AppTest hands out, by their names there.
_RENAMED = {"AlertBase": "Alert", "HeadingBase": "Heading", "Help": "HelpInfo", "Image": "Images"}
_ELEMENT_TREE = {
    name: f"rillet.testing.elements:{_RENAMED.get(name, name)}"
    for name in (
        "AlertBase", "AudioInput", "Block", "Button", "ButtonGroup", "CameraInput", "Caption",
        "ChatInput", "ChatMessage", "Checkbox", "Code", "ColorPicker", "Column", "Dataframe",
        "DateInput", "DateTimeInput", "Divider", "DownloadButton", "Element", "ElementList",
        "Error", "Exception", "Expander", "Feedback", "FileUploader", "Grid", "Header",
        "HeadingBase", "Help", "Html", "Image", "Info", "Json", "Latex", "LinkButton",
        "Markdown", "MenuButton", "Metric", "Multiselect", "NumberInput", "PageLink",
        "Pagination", "Progress", "Radio", "SelectSlider", "Selectbox", "Slider", "Space",
        "Status", "Subheader", "Success", "Tab", "Table", "Text", "TextArea", "TextInput",
        "TimeInput", "Title", "Toast", "Toggle", "UnknownElement", "Warning", "Widget",
        "WidgetList",
    )
}  # fmt: skip
_ELEMENT_TREE_INTERNAL = (
    "B_co", "BlockList", "DateTimeWidgetValue", "DateValue", "El_co", "ElementTree",
    "GridGapValue", "GridSizeValue", "InitialValue", "Node", "Number", "SingleDateValue",
    "SliderValueT", "SpecialBlock", "T", "TimeValue", "W_co", "format_dict",
    "get_widget_state", "parse_tree_from_messages", "repr_",
)  # fmt: skip

_COLUMN_TYPES = (
    "AreaChartColumn", "AudioColumn", "BarChartColumn", "ButtonColumn", "CheckboxColumn",
    "Column", "ColumnConfig", "DateColumn", "DatetimeColumn", "ImageColumn", "JsonColumn",
    "LineChartColumn", "LinkColumn", "ListColumn", "MarkdownColumn", "MultiselectColumn",
    "NumberColumn", "ProgressColumn", "SelectboxColumn", "TextColumn", "TimeColumn",
    "VideoColumn",
)  # fmt: skip
# Streamlit's typed dicts and literal types behind each column kind.
_COLUMN_TYPES_INTERNAL = (
    "AreaChartColumnConfig", "AudioColumnConfig", "BarChartColumnConfig", "ButtonColumnConfig",
    "ButtonColumnResult", "ButtonType", "ChartColor", "CheckboxColumnConfig", "ColumnType",
    "ColumnWidth", "ContentAlignment", "DateColumnConfig", "DateTimeFormat",
    "DatetimeColumnConfig", "ImageColumnConfig", "JsonColumnConfig", "LineChartColumnConfig",
    "LinkColumnConfig", "ListColumnConfig", "MarkdownColumnConfig", "MultiselectColumnConfig",
    "MultiselectOption", "NumberColumnConfig", "NumberColumnFormat", "NumberFormat",
    "ProgressColumnConfig", "SelectboxColumnConfig", "SelectboxOption", "SelectboxOptionValue",
    "TextColumnConfig", "ThemeColor", "TimeColumnConfig", "VideoColumnConfig",
)  # fmt: skip

MODULES: dict[str, Shim | Forward | Gone] = {
    # -- the root's submodules that apps use --------------------------------
    "streamlit.column_config": Forward("rillet.column_config", issue="issue 10"),
    "streamlit.commands": Shim(package=True, doc="st.* commands by module."),
    "streamlit.commands.echo": Shim({"echo": "rillet:echo"}, ("gather_metrics", "get_logger")),
    "streamlit.commands.execution_control": Shim(
        {
            "rerun": "rillet:rerun",
            "stop": "rillet:stop",
            "switch_page": "rillet:switch_page",
            "Page": "rillet:Page",
            "NoSessionContext": "rillet.runtime.errors:NoRunContextError",
            "StreamlitAPIException": _API,
            **_CONTROL,
            **_CTX,
        },
        (
            "MESSAGE_FLUSH_INTERVAL_SECS",
            "PagesManager",
            "RunLocation",
            "StreamlitInvalidLayoutContextError",
            "StreamlitInvalidParameterTypeError",
            "StreamlitPageNotFoundError",
            "StreamlitValueError",
            "ThreadState",
            "gather_metrics",
            "get_main_script_directory",
            "normalize_path_join",
            "suppress_fragment_callback_warning",
        ),
        _INTERNAL,
    ),
    "streamlit.commands.logo": Shim(
        {"logo": "rillet:logo"},
        (
            "AtomicImage",
            "ForwardMsg",
            "LayoutConfig",
            "StreamlitAPIException",
            "StreamlitInvalidURLError",
            "StreamlitValueError",
            "gather_metrics",
            "get_script_run_ctx",
            "image_to_url",
            "is_emoji",
            "url_util",
            "validate_material_icon",
        ),
        _INTERNAL,
    ),
    "streamlit.commands.navigation": Shim(
        {"navigation": "rillet:navigation", "Page": "rillet:Page"},
        (
            "ForwardMsg",
            "PageType",
            "PagesManager",
            "ScriptRunContext",
            "SectionHeader",
            "StreamlitAPIException",
            "StreamlitInvalidParameterTypeError",
            "StreamlitMissingRequiredParameterError",
            "StreamlitValueError",
            "config",
            "convert_to_streamlit_page",
            "gather_metrics",
            "get_script_run_ctx",
            "is_emoji",
            "pages_from_nav_sections",
            "send_page_not_found",
        ),
        _INTERNAL,
    ),
    "streamlit.commands.page_config": Shim(
        {
            "set_page_config": "rillet:set_page_config",
            # st-pages gives a page whose icon is "random" one of these.
            "get_random_emoji": "rillet.compat.misc:get_random_emoji",
        },
        (
            "ABOUT_KEY",
            "AtomicImage",
            "GET_HELP_KEY",
            "InitialSideBarState",
            "Layout",
            "LayoutConfig",
            "MenuItems",
            "MenuKey",
            "PageIcon",
            "RANDOM_EMOJIS",
            "REPORT_A_BUG_KEY",
            "StreamlitInvalidURLError",
            "StreamlitValueError",
            "gather_metrics",
            "get_script_run_ctx",
            "image_to_url",
            "is_emoji",
            "is_url",
            "set_menu_items_proto",
            "valid_menu_item_key",
            "validate_material_icon",
            "validate_menu_items",
        ),
        _INTERNAL,
    ),
    "streamlit.components": Shim(package=True, doc="Custom components and embedded HTML."),
    "streamlit.components.v1": Shim(
        {
            "html": "rillet.api.iframe:html",
            "iframe": "rillet.api.iframe:iframe",
            "declare_component": "rillet.components.v1:declare_component",
        },
        ("deprecate_func_name",),
        "streamlit.components.v1.declare_component, html or iframe",
        package=True,
    ),
    "streamlit.components.v1.components": Shim(
        {
            "declare_component": "rillet.components.v1:declare_component",
            "CustomComponent": "rillet.components.v1:CustomComponent",
            "MarshallComponentException": _API,
            "register_widget": "rillet.components.v1:register_widget",
        },
        ("ComponentRegistry",),
        "streamlit.components.v1.declare_component",
    ),
    "streamlit.components.v1.custom_component": Shim(
        {
            "CustomComponent": "rillet.components.v1:CustomComponent",
            "MarshallComponentException": _API,
        },
        instead="streamlit.components.v1.declare_component",
    ),
    "streamlit.components.v1.component_registry": Shim(
        {"declare_component": "rillet.components.v1:declare_component"},
        ("ComponentRegistry",),
        "streamlit.components.v1.declare_component",
    ),
    "streamlit.components.v2": Shim(
        {"component": "rillet.components.v2:component"},
        (
            "StreamlitInvalidParameterTypeError",
            "build_definition_with_validation",
            "deprecation_util",
        ),
        "streamlit.components.v2.component",
        package=True,
    ),
    # st-graph-workbench registers its asset folder unless the manager knows it.
    "streamlit.components.v2.get_bidi_component_manager": Shim(
        {"get_bidi_component_manager": f"{_COMPONENTS}:get_bidi_component_manager"},
        instead="a pyproject.toml manifest in the package",
    ),
    "streamlit.components.v2.manifest_scanner": Shim(
        {
            "ComponentConfig": f"{_COMPONENTS}:ComponentConfig",
            "ComponentManifest": f"{_COMPONENTS}:ComponentManifest",
        },
        ("ComponentPathUtils", "StreamlitComponentRegistryError", "scan_component_manifests"),
        "a pyproject.toml manifest in the package",
    ),
    "streamlit.components.v2.component_manager": Shim(
        {"BidiComponentManager": f"{_COMPONENTS}:BidiComponentManager"},
        instead="a pyproject.toml manifest in the package",
    ),
    "streamlit.config": Shim(
        {
            "get_option": "rillet.compat.config:get_option",
            "set_option": "rillet.compat.config:set_option",
            "set_user_option": "rillet.compat.config:set_option",
            "get_options_for_section": "rillet.compat.config:get_options_for_section",
            "is_manually_set": "rillet.compat.config:is_manually_set",
            "get_where_defined": "rillet.compat.config:get_where_defined",
            "show_config": "rillet.compat.config:show_config",
            "get_config_options": "rillet.compat.config:get_config_options",
            "ConfigOption": "rillet.compat.config:ConfigOption",
            "StreamlitAPIException": _API,
        },
        (
            "CustomThemeCategories",
            "ShowErrorDetailsConfigOptions",
            "Signal",
            "StreamlitInvalidThemeSectionError",
            "byte_util",
            "config_util",
            "development",
            "env_util",
            "file_util",
            "get_config_files",
            "on_config_parsed",
            "util",
        ),
        "streamlit.config.get_option / set_option, or `rillet config show`",
    ),
    "streamlit.connections": Shim(
        {
            "BaseConnection": "rillet.connections:BaseConnection",
            "ExperimentalBaseConnection": "rillet.connections:ExperimentalBaseConnection",
            "SQLConnection": "rillet.connections:SQLConnection",
        },
        ("SnowflakeCallersRightsConnection", "SnowflakeConnection"),
        "SQLConnection (Snowflake's SQLAlchemy dialect), or a BaseConnection subclass of your own",
        package=True,
    ),
    "streamlit.delta_generator": Shim(
        {"DeltaGenerator": "rillet:DeltaGenerator"},
        ("AncestorBlockTypes", "BlockType", "ForwardMsgCreator", "MAX_DELTA_BYTES", "Value"),
        instead="DeltaGenerator (rillet's container, st.container() and friends)",
    ),
    "streamlit.errors": Shim(_ERRORS, ("util",), "the exception classes of streamlit.errors"),
    "streamlit.hello": Shim(package=True, doc="The demo app: run it with `rillet hello`."),
    "streamlit.hello.utils": Shim({"show_code": "rillet.compat.misc:show_code"}),
    "streamlit.logger": Shim(
        {
            "get_logger": "rillet.compat.misc:get_logger",
            "set_log_level": "rillet.compat.misc:set_log_level",
        },
        ("DEFAULT_LOG_MESSAGE", "init_uvicorn_logs", "setup_formatter", "update_formatter"),
        "streamlit.logger.get_logger, or the logging module",
    ),
    "streamlit.navigation": Shim(package=True, doc="Pages."),
    "streamlit.navigation.page": Shim(
        {"Page": "rillet:Page", "StreamlitPage": "rillet:Page"},
        (
            "StreamlitAPIException",
            "StreamlitIncompatibleParametersError",
            "StreamlitMissingRequiredParameterError",
            "StreamlitPageNotFoundError",
            "StreamlitValueError",
            "calc_hash",
            "env_util",
            "gather_metrics",
            "get_script_run_ctx",
            "is_url",
            "is_windows_unc_path",
            "page_icon_and_name",
            "to_help_str",
            "validate_icon_or_emoji",
        ),
        "st.Page and st.navigation",
    ),
    "streamlit.runtime": Shim(
        {
            "exists": f"{RUNTIME}:exists",
            "get_instance": f"{RUNTIME}:get_instance",
            "Runtime": f"{RUNTIME}:Runtime",
        },
        ("RuntimeConfig", "RuntimeState", "SessionClient", "SessionClientDisconnectedError"),
        "streamlit.runtime.exists() and get_instance()",
        package=True,
    ),
    # streamlit-pivot converts its table argument with it.
    "streamlit.dataframe_util": Shim(
        {"convert_anything_to_pandas_df": "rillet.compat.dataframes:convert_anything_to_pandas_df"},
        (
            "ArrowStreamExportable",
            "DBAPICursor",
            "Data",
            "DataFormat",
            "DataFrameGenericAlias",
            "DataframeInterchangeCompatible",
            "OptionSequence",
            "PandasCompatible",
            "V_co",
            "collect_polars_lazyframe",
            "convert_anything_to_arrow_bytes",
            "convert_anything_to_list",
            "convert_arrow_bytes_to_pandas_df",
            "convert_arrow_table_to_arrow_bytes",
            "convert_pandas_df_to_arrow_bytes",
            "convert_pandas_df_to_arrow_table",
            "convert_pandas_df_to_data_format",
            "determine_arrow_column_fix",
            "determine_data_format",
            "fix_arrow_incompatible_column_types",
            "get_arrow_conversion_errors",
            "has_range_index",
            "is_dask_object",
            "is_dataframe_like",
            "is_dbapi_cursor",
            "is_duckdb_relation",
            "is_modin_data_object",
            "is_pandas_data_object",
            "is_pandas_styler",
            "is_pandas_version_less_than",
            "is_polars_dataframe",
            "is_polars_lazyframe",
            "is_polars_series",
            "is_pyarrow_version_less_than",
            "is_pyspark_data_object",
            "is_snowpandas_data_object",
            "is_snowpark_data_object",
            "is_snowpark_row_list",
            "is_unevaluated_data_object",
            "is_xarray_data_array",
            "is_xarray_dataset",
        ),
        "pandas (DataFrame(...)) and st.dataframe",
    ),
    # streamlit-arborist checks its icons as Streamlit's widgets do.
    "streamlit.string_util": Shim(
        {
            name: f"rillet.compat.element_helpers:{name}"
            for name in ("validate_icon_or_emoji", "is_emoji", "clean_text")
        },
        (
            "AnyNumber",
            "TEXTCHARS",
            "extract_leading_emoji",
            "extract_leading_icon",
            "from_number",
            "is_binary_string",
            "is_material_icon",
            "is_mem_address_str",
            "max_char_sequence",
            "simplify_number",
            "to_help_str",
            "to_snake_case",
            "to_str",
            "validate_emoji",
            "validate_material_icon",
        ),
        "str methods",
    ),
    # streamlit-wavesurfer asks whether its audio is a URL.
    "streamlit.url_util": Shim(
        {
            name: f"rillet.compat.urls:{name}"
            for name in ("is_url", "get_hostname", "process_gitblob_url", "make_url_path")
        },
        ("STATIC_SERVING_ENDPOINT", "UrlSchema", "is_relative_static_url"),
        "urllib.parse",
    ),
    # streamlit-webrtc reaches the runtime's event loop and watches its session.
    "streamlit.runtime.runtime": Shim(
        {"Runtime": f"{RUNTIME}:Runtime", "AsyncObjects": f"{RUNTIME}:AsyncObjects"},
        (
            "RuntimeConfig",
            "RuntimeState",
            "RuntimeStoppedError",
            "SCRIPT_RUN_CHECK_TIMEOUT",
            "SessionClient",
            "SessionManager",
        ),
        "streamlit.runtime.get_instance()",
    ),
    "streamlit.runtime.app_session": Shim(
        {"AppSession": f"{RUNTIME}:AppSession", "AppSessionState": f"{RUNTIME}:AppSessionState"},
        ("AppSessionShutdownReason", "ClientState", "ForwardMsg", "ScriptRunner"),
        "get_instance()._session_mgr.get_session_info(session_id).session",
    ),
    "streamlit.runtime.session_manager": Shim(
        {
            "ActiveSessionInfo": f"{RUNTIME}:SessionInfo",
            "SessionInfo": f"{RUNTIME}:SessionInfo",
        },
        (
            "ClientContext",
            "SessionClient",
            "SessionClientDisconnectedError",
            "SessionManager",
            "SessionStorage",
            "SessionStorageError",
        ),
        "get_instance()._session_mgr.get_session_info(session_id)",
    ),
    # Component packages (streamlit-extras) decorate their helpers with it.
    "streamlit.deprecation_util": Shim(
        {
            name: f"rillet.compat.deprecation:{name}"
            for name in (
                "deprecate_func_name",
                "deprecate_obj_name",
                "make_deprecated_name_warning",
                "show_deprecation_warning",
            )
        },
        ("TFunc", "TObj", "calc_hash", "config", "get_logger", "streamlit"),
        instead="the warnings module",
    ),
    "streamlit.runtime.metrics_util": Shim(
        {"gather_metrics": f"{RUNTIME}:gather_metrics"},
        (
            "F",
            "Installation",
            "create_page_profile_message",
            "format_uncaught_exception",
            "to_microseconds",
        ),
        "nothing: rillet collects no usage metrics",
        doc="Usage metrics: rillet collects none.",
    ),
    # streamlit-session-memo keys its session-state memo as the caches key theirs.
    "streamlit.runtime.caching.cache_type": Shim(
        {"CacheType": "rillet.compat.caching:CacheType"},
        ("get_decorator_api_name",),
        "st.cache_data and st.cache_resource",
    ),
    "streamlit.runtime.caching.cache_utils": Shim(
        {"_make_value_key": "rillet.compat.caching:_make_value_key"},
        (
            "AsyncComputeClaim",
            "BoundCachedFunc",
            "Cache",
            "CacheInvalidationToken",
            "CacheReadResult",
            "CacheScope",
            "CachedFunc",
            "CachedFuncInfo",
            "CachedResult",
            "OnRelease",
            "P",
            "ParamSpec",
            "R",
            "RefreshMode",
            "TTLCACHE_TIMER",
            "get_hard_ttl_seconds",
            "get_session_id_or_throw",
            "make_cached_func_wrapper",
            "validate_refresh_mode",
        ),
        "st.cache_data and st.cache_resource",
    ),
    "streamlit.runtime.caching": Shim(
        {"cache_data": "rillet:cache_data", "cache_resource": "rillet:cache_resource"},
        (
            "CACHE_DATA_MESSAGE_REPLAY_CTX",
            "CACHE_DOCS_URL",
            "CACHE_RESOURCE_MESSAGE_REPLAY_CTX",
            "CacheDataAPI",
            "CacheResourceAPI",
            "clear_session_data_cache",
            "clear_session_resource_cache",
            "get_data_cache_stats_provider",
            "get_resource_cache_stats_provider",
            "save_block_message",
            "save_element_message",
            "save_media_data",
        ),
        "st.cache_data and st.cache_resource",
        package=True,
    ),
    "streamlit.runtime.fragment": Shim(
        {"fragment": "rillet:fragment", **_CONTROL},
        (
            "F",
            "ForwardMsg",
            "Fragment",
            "FragmentHandledException",
            "FragmentStorage",
            "FragmentStorageKeyError",
            "MemoryFragmentStorage",
            "RunLocation",
            "ScriptRunContext",
            "StreamlitAPIException",
            "StreamlitDuplicateElementKey",
            "StreamlitInvalidLayoutContextError",
            "ThreadState",
            "calc_hash",
            "gather_metrics",
            "get_logger",
            "get_object_name",
            "get_script_run_ctx",
            "handle_user_script_exception",
            "time_to_seconds",
        ),
        "st.fragment",
    ),
    "streamlit.runtime.scriptrunner": Shim(
        {**_CTX, **_CONTROL},
        ("RunDescriptor", "ScriptRunner", "ScriptRunnerEvent", "enqueue_message"),
        _RUNNER_INTERNALS,
        package=True,
    ),
    # Before 1.38 the context lived here; apps still import it from this path.
    "streamlit.runtime.scriptrunner.script_run_context": Shim(
        {**_CTX, "NoSessionContext": "rillet.runtime.errors:NoRunContextError"},
        instead=_RUNNER_INTERNALS,
    ),
    "streamlit.runtime.scriptrunner.script_runner": Shim(
        {**_CTX, **_CONTROL},
        (
            "ClientState",
            "ForwardMsg",
            "FragmentStorageKeyError",
            "PagesManager",
            "RunDescriptor",
            "SCRIPT_RUN_WITHOUT_ERRORS_KEY",
            "SafeSessionState",
            "ScriptRequestType",
            "ScriptRequests",
            "ScriptRunner",
            "ScriptRunnerEvent",
            "SessionState",
            "Signal",
            "UserInfoType",
            "config",
            "create_page_profile_message",
            "exec_func_with_error_handling",
            "format_uncaught_exception",
            "get_logger",
            "modified_sys_path",
            "page_sort_key",
            "runtime",
            "to_microseconds",
            "util",
        ),
        _RUNNER_INTERNALS,
    ),
    "streamlit.runtime.scriptrunner_utils": Shim(package=True, doc="The current script run."),
    "streamlit.runtime.scriptrunner_utils.exceptions": Shim(
        _CONTROL, ("ScriptControlException",), _RUNNER_INTERNALS
    ),
    "streamlit.runtime.scriptrunner_utils.script_run_context": Shim(
        {
            **_CTX,
            "NoSessionContext": "rillet.runtime.errors:NoRunContextError",
            "SCRIPT_RUN_CONTEXT_ATTR_NAME": f"{RUNTIME}:SCRIPT_RUN_CONTEXT_ATTR_NAME",
        },
        (
            "FragmentThreadState",
            "OnScriptErrorHandler",
            "ParallelFragmentCoordinator",
            "RunLocation",
            "SharedRunState",
            "ThreadState",
            "UserInfoType",
            "config",
            "create_reference_msg",
            "enqueue_message",
            "get_logger",
            "get_run_yield_check",
            "in_cached_function",
            "is_fragment_callback_warning_suppressed",
            "populate_hash_if_needed",
            "suppress_fragment_callback_warning",
        ),
        _RUNNER_INTERNALS,
    ),
    "streamlit.runtime.secrets": Shim(
        {
            "secrets_singleton": "rillet:secrets",
            "Secrets": "rillet.api.services:SecretsProxy",
            "AttrDict": "rillet.runtime.secrets:SecretSection",
            "StreamlitSecretNotFoundError": "rillet.runtime.secrets:SecretsNotFoundError",
        },
        ("SecretsValue", "Signal", "StreamlitMaxRetriesError", "config", "get_logger", "runtime"),
        "st.secrets",
    ),
    "streamlit.runtime.state": Shim(
        {
            "SessionStateProxy": "rillet.api.state:SessionStateProxy",
            "QueryParamsProxy": "rillet.api.state:QueryParamsProxy",
            "get_session_state": f"{RUNTIME}:get_session_state",
        },
        (
            "BindOption",
            "OnChangeMode",
            "PersistStateOption",
            "SCRIPT_RUN_WITHOUT_ERRORS_KEY",
            "SafeSessionState",
            "SessionState",
            "SessionStateStatProvider",
            "WidgetArgs",
            "WidgetCallback",
            "WidgetKwargs",
            "register_widget",
            "validate_on_change_mode",
        ),
        "st.session_state and st.query_params",
        package=True,
    ),
    "streamlit.runtime.state.session_state_proxy": Shim(
        {
            "SessionStateProxy": "rillet.api.state:SessionStateProxy",
            "get_session_state": f"{RUNTIME}:get_session_state",
        },
        (
            "Key",
            "SafeSessionState",
            "SessionState",
            "gather_metrics",
            "require_valid_user_key",
            "runtime",
        ),
        "st.session_state",
    ),
    "streamlit.runtime.state.query_params_proxy": Shim(
        {"QueryParamsProxy": "rillet.api.state:QueryParamsProxy"},
        instead="st.query_params",
    ),
    "streamlit.runtime.uploaded_file_manager": Shim(
        {
            "UploadedFile": "rillet.runtime.uploads:UploadedFile",
            "UploadedFileRec": "rillet.runtime.uploads:UploadRecord",
        },
        ("DeletedFile", "StatsProvider", "UploadFileUrlInfo", "UploadedFileManager", "util"),
        "UploadedFile (what st.file_uploader returns)",
    ),
    "streamlit.source_util": Shim(
        {
            "page_icon_and_name": "rillet.compat.misc:page_icon_and_name",
            # Streamlit's is tokenize.open: the file's PEP 263 encoding, else UTF-8.
            "open_python_file": "tokenize:open",
        },
        (
            "Icon",
            "PAGE_FILENAME_REGEX",
            "PageHash",
            "PageInfo",
            "PageName",
            "ScriptPath",
            "extract_leading_emoji",
            "page_sort_key",
        ),
        "st.navigation and st.Page to list and switch pages",
    ),
    "streamlit.testing": Shim(package=True, doc="Testing apps."),
    "streamlit.testing.v1": Shim(
        {
            "AppTest": "rillet.testing:AppTest",
            "AppTestError": "rillet.testing:AppTestError",
        },
        package=True,
    ),
    "streamlit.testing.v1.app_test": Shim(
        {"AppTest": "rillet.testing:AppTest"}, ("TMP_DIR",), "streamlit.testing.v1.AppTest"
    ),
    "streamlit.testing.v1.element_tree": Shim(
        _ELEMENT_TREE, _ELEMENT_TREE_INTERNAL, "the element classes rillet.testing hands out"
    ),
    "streamlit.typing": Shim(
        {
            "UploadedFile": "rillet.runtime.uploads:UploadedFile",
            "ChatInputValue": "rillet.api.chat_value:ChatInputValue",
            "ButtonColumnClickState": "rillet.typing:ButtonColumnClickState",
            "DataEditorState": "rillet.typing:DataEditorState",
            "DataframeState": "rillet.dataframes.state:DataframeState",
            "EChartsState": "rillet.typing:EChartsState",
            "PlotlyState": "rillet.typing:PlotlyState",
            "PydeckState": "rillet.typing:PydeckState",
            "VegaLiteState": "rillet.api.charts_vega:VegaLiteState",
        },
        doc="Types of what st.* commands return.",
    ),
    "streamlit.user_info": Shim(
        {
            "login": "rillet:login",
            "logout": "rillet:logout",
            "UserInfoProxy": "rillet.api.user:UserInfoProxy",
        },
        (
            "AUTH_LOGIN_ENDPOINT",
            "AUTH_LOGOUT_ENDPOINT",
            "ForwardMsg",
            "StreamlitAPIException",
            "StreamlitMissingAuthlibError",
            "TokensProxy",
            "config",
            "encode_provider_token",
            "gather_metrics",
            "generate_login_redirect_url",
            "get_secrets_auth_section",
            "is_authlib_installed",
            "logger",
            "make_url_path",
            "runtime",
            "validate_auth_credentials",
        ),
        "st.login, st.logout and st.user",
    ),
    "streamlit.version": Shim({"STREAMLIT_VERSION_STRING": "rillet.compat:STREAMLIT_API_VERSION"}),
    "streamlit.web": Shim(package=True, doc="Starting an app from Python."),
    # streamlit-server-state finds the server among live objects and keeps
    # its shared state on it.
    "streamlit.web.server": Shim(
        {"Server": "rillet.compat.server:Server"},
        ("allow_all_cross_origin_requests", "is_allowed_origin", "server_address_is_unix_socket"),
        _SERVER_INSTEAD,
        package=True,
        doc="The server serving the app: rillet's own.",
    ),
    "streamlit.web.server.server": Shim(
        {"Server": "rillet.compat.server:Server"},
        (
            "MEDIA_ENDPOINT",
            "RetriesExceededError",
            "UNIX_SOCKET_PREFIX",
            "UPLOAD_FILE_ENDPOINT",
            "start_listening",
            "server_port_is_manually_set",
            "server_address_is_unix_socket",
        ),
        _SERVER_INSTEAD,
    ),
    "streamlit.web.cli": Shim(
        {"main": "rillet.compat.web:main", "main_run": "rillet.compat.web:main_run"},
        (
            "ACCEPTED_FILE_EXTENSIONS",
            "Credentials",
            "F",
            "LOG_LEVELS",
            "activate",
            "activate_reset",
            "bootstrap",
            "cache",
            "cache_clear",
            "caching",
            "check_credentials",
            "config",
            "config_show",
            "configurator_options",
            "create_default_cache_storage_manager",
            "help",
            "main_docs",
            "main_hello",
            "main_init",
            "main_skills",
            "main_version",
            "test",
            "test_prog_name",
        ),
        "streamlit.web.cli.main() with sys.argv set, or the `rillet` command",
    ),
    "streamlit.web.bootstrap": Shim(
        {"run": "rillet.compat.web:run"},
        (
            "MAX_APP_STATIC_FOLDER_SIZE",
            "Server",
            "StreamlitSecretNotFoundError",
            "cli_util",
            "config",
            "env_util",
            "file_util",
            "get_logger",
            "load_config_options",
            "net_util",
            "prepare_streamlit_environment",
            "report_watchdog_availability",
            "run_asgi_app",
            "secrets",
            "server_address_is_unix_socket",
            "server_util",
            "watch_file",
        ),
        "streamlit.web.bootstrap.run(), or `rillet run`",
    ),
    "streamlit.elements": Shim(package=True, doc="Elements: call their st.* commands."),
    "streamlit.elements.lib": Shim(package=True, doc="Element helpers."),
    "streamlit.elements.image": Shim(
        {"image_to_url": "rillet.compat.misc:image_to_url"},
        (
            "Channels",
            "ImageFormatOrAuto",
            "ImageMixin",
            "ImageOrImageList",
            "StreamlitAPIException",
            "agent_spec",
            "create_layout_config",
            "gather_metrics",
            "make_deprecated_name_warning",
            "marshall_images",
            "show_deprecation_warning",
        ),
        "st.image, or image_to_url for a component's image",
    ),
    # streamlit-arborist makes its key as Streamlit's widgets do.
    "streamlit.elements.lib.utils": Shim(
        {
            "Key": "rillet.compat.element_helpers:Key",
            "to_key": "rillet.compat.element_helpers:to_key",
            "current_form_id": "rillet.compat.misc:current_form_id",
            "get_script_run_ctx": f"{RUNTIME}:get_script_run_ctx",
            "ScriptRunContext": f"{RUNTIME}:ScriptRunContext",
        },
        (
            "GENERATED_ELEMENT_ID_PREFIX",
            "LabelVisibility",
            "PROTO_SCALAR_VALUE",
            "SAFE_VALUES",
            "compute_and_register_element_id",
            "get_chat_input_accept_file_proto_value",
            "get_label_visibility_proto_value",
            "normalize_alt",
            "save_for_app_testing",
            "to_str",
            "user_key_from_element_id",
        ),
        "the st.* command's own key argument",
    ),
    # Component packages check that they are not inside a form.
    "streamlit.elements.lib.form_utils": Shim(
        {
            "is_in_form": "rillet.compat.misc:is_in_form",
            "current_form_id": "rillet.compat.misc:current_form_id",
        },
        ("FormData",),
        "st.form",
    ),
    # Type hints for column configs (st.column_config's classes).
    "streamlit.elements.lib.column_types": Shim(
        {name: f"rillet.column_config:{name}" for name in _COLUMN_TYPES},
        _COLUMN_TYPES_INTERNAL,
        "st.column_config",
    ),
    "streamlit.elements.lib.layout_utils": Shim(
        {"LayoutConfig": "rillet.compat.misc:LayoutConfig"},
        (
            "EXPANDABLE_TYPE_TO_PROTO_MAPPING",
            "ExpandableType",
            "Gap",
            "Height",
            "HeightWithoutContent",
            "HorizontalAlignment",
            "PROTO_UINT32_MAX",
            "SIZE_TO_REM_MAPPING",
            "SpaceSize",
            "TextAlignment",
            "VerticalAlignment",
            "Width",
            "WidthWithoutContent",
            "create_layout_config",
            "get_align",
            "get_gap_config",
            "get_height_config",
            "get_justify",
            "get_text_alignment_config",
            "get_width_config",
            "is_int",
            "map_to_flex_terminology",
            "validate_bool_arg",
            "validate_height",
            "validate_horizontal_alignment",
            "validate_space_size",
            "validate_text_alignment",
            "validate_uint32_max",
            "validate_vertical_alignment",
            "validate_width",
            "validate_wrap",
        ),
        "the width and height arguments of the st.* commands",
    ),
    "streamlit.elements.lib.image_utils": Shim(
        {"image_to_url": "rillet.compat.misc:image_to_url"},
        (
            "AtomicImage",
            "Channels",
            "ImageFormat",
            "ImageFormatOrAuto",
            "ImageOrImageList",
            "MAXIMUM_CONTENT_WIDTH",
            "PILImage",
            "StreamlitAPIException",
            "StreamlitValueError",
            "WidthBehavior",
            "caching",
            "marshall_images",
            "normalize_alt",
            "runtime",
            "url_util",
        ),
        "st.image, or image_to_url for a component's image",
    ),
    # -- everything else: no rillet equivalent ----------------------------
    "streamlit.auth_util": Gone("st.login / st.user (issue 15)"),
    "streamlit.byte_util": Gone("the standard library (hashlib, int.to_bytes)"),
    "streamlit.cli_util": Gone("the `rillet` command"),
    "streamlit.command_suggestions": Gone("the st.* command names"),
    "streamlit.config_option": Gone("streamlit.config.get_option / set_option"),
    "streamlit.config_util": Gone("streamlit.config.get_option / set_option"),
    "streamlit.cursor": Gone("containers: st.container(), st.empty()"),
    "streamlit.dataframe": Gone("st.dataframe"),
    "streamlit.delta_generator_singletons": Gone("st.container(), st.sidebar, st.empty()"),
    "streamlit.development": Gone("`rillet run` options"),
    "streamlit.emojis": Gone("the emoji itself"),
    "streamlit.env_util": Gone("sys.platform and os.environ"),
    "streamlit.error_util": Gone("st.exception"),
    "streamlit.file_util": Gone("pathlib"),
    "streamlit.git_util": Gone("git itself"),
    "streamlit.material_icon_names": Gone("`:material/name:` icons, which rillet checks itself"),
    "streamlit.net_util": Gone("the socket module"),
    "streamlit.path_security": Gone("pathlib"),
    "streamlit.platform": Gone("st.context"),
    "streamlit.proto": Gone(
        "rillet's own protocol (rillet.protocol); Streamlit's messages do not apply"
    ),
    "streamlit.signal_util": Gone("the signal module"),
    "streamlit.starlette": Gone(
        "`rillet run app.py`: rillet serves apps with its own server, not as an ASGI app"
    ),
    "streamlit.temporary_directory": Gone("tempfile.TemporaryDirectory"),
    "streamlit.time_util": Gone("datetime"),
    "streamlit.toml_writer": Gone("tomllib / a TOML writer package"),
    "streamlit.type_util": Gone("isinstance checks of your own"),
    "streamlit.util": Gone("the standard library"),
    "streamlit.vendor": Gone("the libraries themselves"),
    "streamlit.watcher": Gone("`rillet run --server.runOnSave true`"),
}

# Paths below these packages that have no entry above: the package exists
# under the alias, its internals do not.
BELOW: dict[str, str] = {
    "streamlit.elements": "the st.* command of the element (st.image, st.button, ...)",
    "streamlit.runtime": "streamlit.runtime.exists(), get_instance() and scriptrunner.get_script_run_ctx()",
    "streamlit.web.server": _SERVER_INSTEAD,
    "streamlit.web": "streamlit.web.cli.main() or streamlit.web.bootstrap.run() (or `rillet run`)",
    "streamlit.components": "streamlit.components.v1.declare_component / html / iframe, or components.v2.component",
    "streamlit.connections": "streamlit.connections (st.connection, issue 15)",
    "streamlit.hello": "`rillet hello`",
    "streamlit.testing": "streamlit.testing.v1.AppTest",
    "streamlit.commands": "the st.* command itself",
    "streamlit.navigation": "st.Page and st.navigation",
}

# Names of Streamlit's root module that rillet does not provide, by design.
ROOT_GONE: dict[str, str] = {
    "App": "`rillet run app.py`: rillet serves apps with its own server, not as an ASGI app",
}
