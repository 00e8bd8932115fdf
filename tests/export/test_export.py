"""The record of a scripted morning, exported in every format and read back."""

import csv
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import jsonschema
import pytest

from console.core import questions, rundown
from console.core.programme_file import load_programme
from console.core.rundown import LoadProgramme
from console.core.session import Session
from console.paths import demo_programme
from console.storage.database import EventDatabase
from console.storage.journal import SqliteJournal

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import demo_morning  # noqa: E402


@contextmanager
def new_event(db: Path):
    """A fresh event database with the demo programme, its session, closed on the way out."""
    database = EventDatabase(db)
    try:
        session = Session(SqliteJournal(database), demo_morning.Clock())
        session.execute(LoadProgramme(load_programme(demo_programme())))
        yield session
    finally:
        database.close()


def tribune_export(*args: str) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "-m", "console", "export", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def morning(tmp_path_factory):
    """The demo morning played through the commands, plus a question with markup, approved."""
    db = tmp_path_factory.mktemp("morning") / "event.db"
    clock = demo_morning.Clock()
    database = EventDatabase(db)
    session = Session(SqliteJournal(database), clock)
    session.execute(LoadProgramme(load_programme(demo_programme())))
    played = demo_morning.play(session, clock)
    database.close()
    return db, played


@pytest.fixture(scope="module")
def exported(morning, tmp_path_factory):
    db, _ = morning
    out = tmp_path_factory.mktemp("out")
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = tribune_export(str(db), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (
        hashlib.sha256(db.read_bytes()).hexdigest() == before
    )  # the export never writes the event
    return out


def read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_json_holds_everything_and_follows_its_schema(exported):
    record = json.loads((exported / "event-compte-rendu.json").read_text())
    schema = json.loads((ROOT / "docs" / "record.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(record)
    slots = {s["id"]: s for s in record["slots"]}
    opening = slots["ouverture"]
    assert opening["start_drift_seconds"] == 240  # started at 09:04
    assert opening["actual_seconds"] == 32 * 60
    assert [t["speakers"] for t in opening["turns"]] == [
        "Thierry Beaudet",
        "Jean Cattan",
        "Clara Chappaz",
        "Martine D",
    ]
    assert [t["seconds"] for t in opening["turns"]] == [390, 420, 570, 480]
    assert opening["turns"][2]["over_seconds"] == 150  # the minister took 2:30 more
    assert (opening["end_drift_seconds"], opening["paused_seconds"], opening["wall_seconds"]) == (
        360,
        0,
        32 * 60,
    )
    assert opening["notes"][0]["text"].startswith("La ministre annonce")
    panel = slots["cycle-1"]
    duo = next(t for t in panel["turns"] if t["speakers"] == "Soizic Pénicaud & Estelle Hary")
    assert duo["seconds"] == 870  # 2:30 of questions arriving, then 12 minutes
    people = {p["name"]: p["seconds"] for p in panel["speaking"]["people"]}
    assert (
        people["Soizic Pénicaud"] == people["Estelle Hary"] == 435
    )  # a group turn shares its time
    floor = next(t for t in panel["turns"] if t["ad_hoc"])
    assert (floor["speakers"], floor["seconds"], floor["allotted_seconds"]) == (
        "Jeanne Martin",
        210,
        180,
    )
    q = panel["questions"]
    assert (q["received"], q["approved"], q["rejected"], q["merged"], q["answered"]) == (
        5,
        3,
        1,
        1,
        2,
    )
    assert q["rejection_reasons"] == [{"reason": "propos injurieux", "count": 1}]
    first = q["approved_questions"][0]
    assert first["votes"] == 31 and first["addressed_to"] == "Axel Dauchez"
    # The merged duplicate's five supporters count for the question that stayed.
    algorithms = next(
        a for a in q["approved_questions"] if a["text"].startswith("Les algorithmes publics")
    )
    assert algorithms["votes"] == 27
    assert slots["cycle-2"]["added_seconds"] == -300
    totals = record["questions"]
    assert (totals["received"], totals["rejected"], totals["answered"]) == (12, 3, 6)
    assert record["event"]["in_progress"] is False
    genders = {g["name"] for g in record["speaking"]["genders"]}
    assert genders == {"f", "m"}
    assert (
        abs(
            sum(p["seconds"] for p in record["speaking"]["people"])
            - record["speaking"]["total_seconds"]
        )
        < 1
    )


def test_csv_opens_as_tables(exported):
    folder = exported / "event-compte-rendu-csv"
    turns = read_csv(folder / "turns.csv")
    beaudet = next(r for r in turns if r["Intervenant·e"] == "Thierry Beaudet")
    assert beaudet["Temps parlé (secondes)"] == "390" and beaudet["Début"] == "09:04:00"
    assert beaudet["Écart"] == "0:30 de moins"  # words: no spreadsheet takes "-0:30" for a formula
    ledger = {r["Créneau"]: r for r in read_csv(folder / "moderation.csv")}
    assert ledger["Premier cycle d'échanges"]["Reçues"] == "5"
    questions_rows = read_csv(folder / "questions.csv")
    assert any(
        r["Question"]
        == "Comment garantir que les citoyens tirés au sort soient entendus par les décideurs ?"
        for r in questions_rows
    )
    organisations = read_csv(folder / "speaking_by_organisation.csv")
    assert organisations[0]["Organisation"] and organisations[0]["Part"].endswith("%")
    slots = read_csv(folder / "slots.csv")
    assert slots[0]["Créneau"] == "Ouverture"
    assert (slots[1]["Type"], slots[1]["État"]) == ("Table ronde", "terminé")  # French throughout
    assert slots[0]["Écart à la fin"] == "6 min de retard"  # ended 09:36 for 09:30
    reasons = read_csv(folder / "rejection_reasons.csv")
    assert ["Premier cycle d'échanges", "propos injurieux", "1"] in [
        list(r.values()) for r in reasons
    ]


def test_text_from_the_room_cannot_become_a_formula_or_markup(tmp_path):
    db = tmp_path / "event.db"
    with new_event(db) as session:
        session.execute(rundown.StartSlot("ouverture"))
        for i, text in enumerate(
            ['=HYPERLINK("http://evil.example","clic")', "[lien](javascript:alert(1)) <img src=x>"]
        ):
            qid = session.execute(
                questions.ReceiveQuestion(text, author="@SUM(1+1)", device_id="d", client_id=str(i))
            )[0].data["question_id"]
            session.execute(questions.ApproveQuestion(qid))
    result = tribune_export(str(db), "--format", "csv,md", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    rows = read_csv(tmp_path / "out" / "event-compte-rendu-csv" / "questions.csv")
    cells = [c for r in rows for c in r.values()]
    assert '\'=HYPERLINK("http://evil.example","clic")' in cells and "'@SUM(1+1)" in cells
    assert not any(c[:1] in "=+-@" for c in cells if c)
    markdown = (tmp_path / "out" / "event-compte-rendu.md").read_text()
    # Escaped (\\< and \\]\\(), Markdown shows these characters as text.
    assert "\\<img src=x\\>" in markdown and "\\]\\(javascript" in markdown
    assert "<img" not in markdown.replace("\\<", "") and "](javascript" not in markdown


def test_questions_asked_between_slots_belong_to_no_slot(tmp_path):
    db = tmp_path / "event.db"
    with new_event(db) as session:
        session.execute(rundown.StartSlot("ouverture"))
        session.execute(rundown.EndSlot())
        session.execute(
            questions.ReceiveQuestion("Posée pendant la pause ?", device_id="d", client_id="1")
        )
    result = tribune_export(str(db), "--format", "json", "--out", str(tmp_path / "r.json"))
    record = json.loads((tmp_path / "r.json").read_text())
    assert record["outside_slots"]["received"] == 1
    assert record["slots"][0]["questions"]["received"] == 0
    assert result.returncode == 0


def test_markdown_and_html_read_like_a_report(exported, morning):
    markdown = (exported / "event-compte-rendu.md").read_text()
    assert markdown.startswith("# Compte rendu — IA : la voie citoyenne")
    assert "vendredi 7 février 2025" in markdown
    assert "| Jeanne Martin |" in markdown or "Jeanne Martin" in markdown
    html = (exported / "event-compte-rendu.html").read_text()
    assert "<svg" in html and "Temps de parole par personne" in html
    assert "http" not in html.split("<body>")[1].replace(
        "http://www.w3.org/2000/svg", ""
    )  # self-contained
    assert "Registre de modération" in html and "propos injurieux" in html


def test_untrusted_text_is_escaped_in_the_report(tmp_path):
    db = tmp_path / "event.db"
    with new_event(db) as session:
        # One asked before the morning starts (outside any slot), one during the opening.
        early = session.execute(
            questions.ReceiveQuestion(
                "Avant <script>le début</script> ?", device_id="d", client_id="0"
            )
        )
        session.execute(questions.ApproveQuestion(early[0].data["question_id"]))
        session.execute(rundown.StartSlot("ouverture"))
        qid = session.execute(
            questions.ReceiveQuestion(
                "<img src=x onerror=alert(1)><b>hi</b>",
                author="<i>Zoé</i>",
                device_id="d",
                client_id="1",
            )
        )[0].data["question_id"]
        session.execute(questions.ApproveQuestion(qid))
    result = tribune_export(str(db), "--format", "html", "--out", str(tmp_path / "r.html"))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "r.html").read_text()
    assert "&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;hi&lt;/b&gt;" in html
    assert "<img src=x" not in html and "<i>Zoé</i>" not in html
    assert "Hors créneau" in html and "Avant &lt;script&gt;le début&lt;/script&gt; ?" in html


def test_pdf_renders_with_its_text(exported, tmp_path):
    pdf = exported / "event-compte-rendu.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in (
        "Compte rendu",
        "IA : la voie",
        "Thierry Beaudet",
        "Registre de modération",
        "Jeanne Martin",
    ):
        assert words in text, words
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    page = next(tmp_path.glob("page*.png"))
    assert page.stat().st_size > 5000


def test_english_report(morning, tmp_path):
    db, _ = morning
    result = tribune_export(str(db), "--format", "md,json", "--lang", "en", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    markdown = (tmp_path / "event-report.md").read_text()
    assert markdown.startswith("# Report — IA : la voie citoyenne")
    assert "Friday 7 February 2025" in markdown and "Moderation ledger" in markdown
    assert "Registre" not in markdown


def test_export_of_a_database_whose_writer_was_killed(tmp_path):
    driver = ROOT / "tests" / "storage" / "kill_driver.py"
    db = tmp_path / "event.db"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(driver), "run", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    acks = 0
    deadline = time.monotonic() + 60
    while acks < 60 and time.monotonic() < deadline:
        if proc.stdout.readline().startswith("ACK"):
            acks += 1
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert acks == 60
    result = tribune_export(str(db), "--format", "json,html", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    record = json.loads((tmp_path / "out" / "event-compte-rendu.json").read_text())
    assert record["event"]["started_at"] is not None
    assert sum(s["questions"]["received"] for s in record["slots"]) == record["questions"][
        "received"
    ] - sum(1 for n in [] if n)


def test_export_while_the_console_still_writes(morning, tmp_path):
    from console.app import open_event

    db, _ = morning
    copy = tmp_path / "live.db"
    copy.write_bytes(db.read_bytes())
    opened = open_event(copy, None)
    try:
        opened.session.execute(
            questions.ReceiveQuestion(
                "Une question pendant l'export ?", device_id="d", client_id="z"
            )
        )
        result = tribune_export(str(copy), "--format", "json", "--out", str(tmp_path / "live.json"))
        assert result.returncode == 0, result.stderr
        record = json.loads((tmp_path / "live.json").read_text())
        assert record["questions"]["received"] == 13
    finally:
        opened.close()


@pytest.mark.parametrize("case", ["missing", "not_sqlite", "newer"])
def test_bad_databases_get_a_clear_message_and_are_left_alone(tmp_path, case):
    db = tmp_path / "event.db"
    if case == "not_sqlite":
        db.write_text("Ceci n'est pas une base.\n" * 40)
    elif case == "newer":
        EventDatabase(db).close()
        conn = sqlite3.connect(db)
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('tribune', 'm999_future', 'x')"
        )
        conn.commit()
        conn.close()
    before = db.read_bytes() if db.exists() else None
    result = tribune_export(str(db), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    expected = {
        "missing": "n'existe pas",
        "not_sqlite": "n'est pas une base Tribune",
        "newer": "plus récente",
    }[case]
    assert expected in result.stderr
    assert (db.read_bytes() if db.exists() else None) == before
    assert not (tmp_path / "out").exists()
