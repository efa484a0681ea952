"""Large repeated elements travel once, then by reference."""

from __future__ import annotations

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.outbox import FrameEncoder


def _delta(path: list[int], body: str) -> pb.ForwardMsg:
    msg = pb.ForwardMsg()
    msg.delta.path.extend(path)
    msg.delta.new_element.markdown.body = body
    return msg


def _decode(frame: bytes) -> list[pb.ForwardMsg]:
    return list(pb.ForwardBatch.FromString(frame).msgs)


def test_a_large_element_sent_again_becomes_a_reference_at_the_new_path() -> None:
    encoder = FrameEncoder(threshold=100)
    big = "x" * 500

    first = _decode(encoder.encode([_delta([0, 1], big)]))[0]
    second = _decode(encoder.encode([_delta([0, 7], big)]))[0]

    assert first.delta.new_element.markdown.body == big
    assert first.delta.element_hash
    assert second.delta.WhichOneof("type") == "element_ref"
    assert second.delta.element_ref == first.delta.element_hash
    assert list(second.delta.path) == [0, 7]


def test_small_elements_are_always_sent_whole() -> None:
    encoder = FrameEncoder(threshold=100)

    frames = [_decode(encoder.encode([_delta([0, 0], "small")]))[0] for _ in range(2)]

    assert all(f.delta.WhichOneof("type") == "new_element" for f in frames)
    assert all(not f.delta.element_hash for f in frames)


def test_the_least_recently_used_hash_is_forgotten_and_resent_whole() -> None:
    encoder = FrameEncoder(threshold=10, capacity=2)
    a, b, c = ("a" * 50, "b" * 50, "c" * 50)
    for body in (a, b, c):  # a is evicted when c arrives
        encoder.encode([_delta([0, 0], body)])

    again = _decode(encoder.encode([_delta([0, 0], a)]))[0]
    ref = _decode(encoder.encode([_delta([0, 0], c)]))[0]

    assert again.delta.WhichOneof("type") == "new_element"
    assert ref.delta.WhichOneof("type") == "element_ref"


def test_the_callers_message_is_not_modified() -> None:
    encoder = FrameEncoder(threshold=10)
    msg = _delta([0, 0], "y" * 50)

    encoder.encode([msg])

    assert not msg.delta.element_hash
