"""The message format, without sockets."""

import json

import pytest

from console.net import protocol
from console.net.protocol import Ask, Hello, Moderate, ProtocolError, Vote, parse


def hello(**fields):
    return json.dumps(
        {"type": "hello", "protocol": 1, "role": "audience", "device": "phone-0001", **fields}
    )


def test_hello_for_each_role():
    assert parse(hello()) == Hello("audience", "phone-0001", "", "", "fr")
    assert parse(hello(role="display", device=None)).role == "display"
    assert (
        parse(hello(role="bridge", token="s3cret", name="YouTube", device=None)).token == "s3cret"
    )


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("{", "bad_json"),
        ("[1, 2]", "bad_json"),
        (b"\xff\xfe", "bad_json"),
        ('{"type": "fly"}', "unknown_type"),
        (hello(protocol=2), "bad_protocol"),
        (hello(role="admin"), "bad_field"),
        (hello(device="short"), "bad_field"),
        (hello(device="phone 0001 <script>"), "bad_field"),
        ('{"type": "ask", "client_id": "c1"}', "bad_field"),
        ('{"type": "ask", "client_id": "c1", "text": 42}', "bad_field"),
        ('{"type": "ask", "client_id": "a b", "text": "Une question ?"}', "bad_field"),
        (json.dumps({"type": "ask", "client_id": "c1", "text": "x" * 2001}), "too_long"),
        ('{"type": "vote"}', "bad_field"),
        ('{"type": "moderate", "action": "delete", "question_id": "q1"}', "bad_field"),
        ('{"type": "moderate", "action": "merge", "question_id": "q1"}', "bad_field"),
        ('{"type": "sync", "ref": {"x": 1}}', "bad_field"),
        ("[" * 100000 + "]" * 100000, "bad_json"),
    ],
)
def test_bad_messages_say_what_is_wrong(raw, code):
    with pytest.raises(ProtocolError) as error:
        parse(raw)
    assert error.value.code == code


def test_the_ref_comes_back_with_the_error():
    with pytest.raises(ProtocolError) as error:
        parse('{"type": "ask", "ref": 7, "client_id": "c1"}')
    assert error.value.ref == 7
    assert json.loads(protocol.error("bad_field", "text is required", 7)) == {
        "type": "error",
        "code": "bad_field",
        "message": "text is required",
        "ref": 7,
    }


def test_messages_and_rights():
    ask = parse(
        '{"type": "ask", "ref": "r1", "client_id": "c-1", "text": "Et l\'emploi ?", "name": "Ana"}'
    )
    assert ask == Ask("c-1", "Et l'emploi ?", "Ana", "r1")
    assert parse('{"type": "unvote", "question_id": "q3"}') == Vote("q3", False, None)
    merge = parse('{"type": "moderate", "action": "merge", "question_id": "q1", "into": "q2"}')
    assert isinstance(merge, Moderate) and merge.into == "q2"
    assert "moderate" not in protocol.ALLOWED["audience"]
    assert protocol.ALLOWED["display"] == {"sync"}
    assert "vote" not in protocol.ALLOWED["bridge"]


def test_the_schema_describes_every_message_type():
    from pathlib import Path

    schema = json.loads(
        (Path(__file__).resolve().parents[2] / "docs" / "protocol.schema.json").read_text()
    )
    described = set(schema["$defs"])
    for kind in (
        "hello",
        "ask",
        "vote",
        "unvote",
        "moderate",
        "sync",
        "welcome",
        "state",
        "mine",
        "ack",
        "error",
    ):
        assert kind in described, kind
