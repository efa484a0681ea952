"""The window's camera and microphone policy, decided without a window."""

from __future__ import annotations

import pytest

from rillet_shell.qt_hooks import permission_granted

APP = "http://127.0.0.1:8501"


@pytest.mark.parametrize(
    "feature", ["MediaAudioCapture", "MediaVideoCapture", "MediaAudioVideoCapture"]
)
def test_the_apps_own_page_gets_camera_and_microphone(feature: str) -> None:
    assert permission_granted(APP, "http://127.0.0.1:8501/", feature)
    assert permission_granted(APP, "http://127.0.0.1:8501/page?x=1", feature)


@pytest.mark.parametrize(
    "requester",
    [
        "https://ads.example/",  # an iframe of another site
        "http://127.0.0.1:9999/",  # another local server
        "http://localhost:8501/",  # the same port under another name
        "null",  # a data: or sandboxed iframe
    ],
)
def test_other_origins_get_nothing(requester: str) -> None:
    assert not permission_granted(APP, requester, "MediaVideoCapture")


@pytest.mark.parametrize(
    "feature", ["Geolocation", "Notifications", "DesktopVideoCapture", "ClipboardReadWrite"]
)
def test_features_no_command_uses_are_refused_even_to_the_app(feature: str) -> None:
    assert not permission_granted(APP, "http://127.0.0.1:8501/", feature)


def test_nothing_is_granted_before_the_server_runs() -> None:
    assert not permission_granted(None, "http://127.0.0.1:8501/", "MediaVideoCapture")


def test_pywebviews_qt_page_answers_with_this_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    # With a DevTools client attached, QtWebEngine 6.11 grants capture without
    # asking the page, so a window test cannot see the policy; the handler
    # pywebview connects is called here as Qt would call it.
    pywebview_qt = pytest.importorskip("webview.platforms.qt")
    from qtpy.QtCore import QUrl
    from qtpy.QtWebEngineCore import QWebEnginePage

    from rillet_shell.qt_hooks import install_permission_policy

    page_class = pywebview_qt.BrowserView.WebPage
    monkeypatch.setattr(page_class, "onFeaturePermissionRequested", None)
    install_permission_policy(lambda: APP)
    answers: list[tuple[str, str, object]] = []

    class Page:
        PermissionPolicy = QWebEnginePage.PermissionPolicy

        def setFeaturePermission(self, url: QUrl, feature: object, policy: object) -> None:
            answers.append((url.toString(), getattr(feature, "name", ""), policy))

    handler = page_class.onFeaturePermissionRequested
    camera = QWebEnginePage.Feature.MediaVideoCapture
    handler(Page(), QUrl("http://127.0.0.1:8501/"), camera)
    handler(Page(), QUrl("https://ads.example/"), camera)
    handler(Page(), QUrl("http://127.0.0.1:8501/"), QWebEnginePage.Feature.Geolocation)
    policy = QWebEnginePage.PermissionPolicy
    assert answers == [
        ("http://127.0.0.1:8501/", "MediaVideoCapture", policy.PermissionGrantedByUser),
        ("https://ads.example/", "MediaVideoCapture", policy.PermissionDeniedByUser),
        ("http://127.0.0.1:8501/", "Geolocation", policy.PermissionDeniedByUser),
    ]
