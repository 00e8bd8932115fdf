"""The record in each format: JSON (everything), CSV (one file per table), Markdown and a
self-contained HTML page with its charts. The PDF is made from the HTML (pdf.py)."""

from __future__ import annotations

import csv
import io
import json
import re
from html import escape
from pathlib import Path
from typing import Any

from . import charts
from .labels import labels
from .timefmt import clock, duration, long_date, minutes

CSV_DIALECT = {"delimiter": ";", "lineterminator": "\r\n", "quoting": csv.QUOTE_MINIMAL}


def to_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2)


# --- tables shared by CSV and Markdown -------------------------------------------------------


def _question_row(slot_title: str, item: dict[str, Any], zone: str, L: dict[str, str]) -> list[Any]:
    return [
        slot_title, item["text"], item["original_text"] or "", item["author"], item["votes"],
        L.get(f"q_{item['status']}", item["status"]),
        clock(item["received_at"], zone, True), clock(item["shown_at"], zone, True),
        clock(item["answered_at"], zone, True), item["addressed_to"] or "",
    ]  # fmt: skip


def ledger_header(L: dict[str, str]) -> list[str]:
    words = (L["received"], L["approved"], L["rejected"], L["merged"], L["answered"], L["pending"])
    return [w.capitalize() for w in words]


def tables(record: dict[str, Any], language: str) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Every table of the report, as header and rows of text or whole numbers."""
    L = labels(language)
    zone = record["event"]["timezone"]
    slot_rows, turn_rows, note_rows, ledger_rows, question_rows, speaking_rows = (
        [],
        [],
        [],
        [],
        [],
        [],
    )
    for slot in record["slots"]:
        slot_rows.append([
            slot["title"], L.get(f"kind_{slot['kind']}", slot["kind"]), clock(slot["planned_start"], zone),
            clock(slot["planned_end"], zone), round(slot["planned_seconds"]), clock(slot["actual_start"], zone, True),
            clock(slot["actual_end"], zone, True),
            round(slot["actual_seconds"]) if slot["actual_seconds"] is not None else "",
            duration(slot["actual_seconds"]), late_or_early(slot["start_drift_seconds"], L),
            late_or_early(slot["end_drift_seconds"], L),
            round(slot["paused_seconds"]) if slot["paused_seconds"] is not None else "",
            L.get(f"status_{slot['status']}", slot["status"]),
        ])  # fmt: skip
        for turn in slot["turns"]:
            turn_rows.append([
                slot["title"], turn["speakers"], "1" if turn["ad_hoc"] else "0", clock(turn["started_at"], zone, True),
                clock(turn["ended_at"], zone, True), round(turn["seconds"]), duration(turn["seconds"]),
                round(turn["allotted_seconds"]), over_or_under(turn["over_seconds"], L),
            ])  # fmt: skip
        for note in slot["notes"]:
            note_rows.append([slot["title"], clock(note["at"], zone, True), note["text"]])
        q = slot["questions"]
        ledger_rows.append(
            [
                slot["title"],
                q["received"],
                q["approved"],
                q["rejected"],
                q["merged"],
                q["answered"],
                q["pending"],
            ]
        )
        for item in q["approved_questions"]:
            question_rows.append(_question_row(slot["title"], item, zone, L))
        for person in slot["speaking"]["people"]:
            speaking_rows.append(
                [
                    slot["title"],
                    person["name"],
                    person["organisation"],
                    person["gender"],
                    round(person["seconds"]),
                    duration(person["seconds"]),
                ]
            )
    outside = record["outside_slots"]
    reason_rows = [
        [title, r["reason"] or L["no_reason"], r["count"]]
        for title, q in [(s["title"], s["questions"]) for s in record["slots"]]
        + [(L["outside"], outside)]
        for r in q["rejection_reasons"]
    ]
    # Notes written between slots are the morning's too.
    note_rows += [
        [L["outside"], clock(n["at"], zone, True), n["text"]]
        for n in record["notes"]
        if n["slot_id"] is None
    ]
    if outside["received"]:
        ledger_rows.append(
            [L["outside"], outside["received"], outside["approved"], outside["rejected"], outside["merged"],
             outside["answered"], outside["pending"]]
        )  # fmt: skip
        question_rows += [
            _question_row(L["outside"], item, zone, L) for item in outside["approved_questions"]
        ]
    for person in record["speaking"]["people"]:
        speaking_rows.append(
            [
                L["whole_event"],
                person["name"],
                person["organisation"],
                person["gender"],
                round(person["seconds"]),
                duration(person["seconds"]),
            ]
        )
    organisations = [
        [o["name"], round(o["seconds"]), duration(o["seconds"]), f"{o['share'] * 100:.0f} %"]
        for o in record["speaking"]["organisations"]
    ]
    genders = [
        [g["name"], round(g["seconds"]), duration(g["seconds"]), f"{g['share'] * 100:.0f} %"]
        for g in record["speaking"]["genders"]
    ]
    seconds = f"({'secondes' if language == 'fr' else 'seconds'})"
    return {
        "slots": (
            [L["slot"], L["kind"], f"{L['planned']} {L['start']}", f"{L['planned']} {L['end']}", f"{L['planned']} {seconds}",
             f"{L['actual']} {L['start']}", f"{L['actual']} {L['end']}", f"{L['duration']} {seconds}", L["duration"],
             L["start_drift"], L["end_drift"], f"{L['paused']} {seconds}", L["status"]],
            slot_rows,
        ),
        "turns": (
            [L["slot"], L["speaker"], L["from_floor"], L["start"], L["end"], f"{L['spoken']} {seconds}", L["spoken"],
             f"{L['allotted']} {seconds}", L["over"]],
            turn_rows,
        ),
        "speaking_time": ([L["slot"], L["person"], L["organisation"], L["gender"], seconds.strip("()"), L["duration"]], speaking_rows),
        "speaking_by_organisation": ([L["organisation"], seconds.strip("()"), L["duration"], L["share"]], organisations),
        "speaking_by_gender": ([L["gender"], seconds.strip("()"), L["duration"], L["share"]], genders),
        "moderation": ([L["slot"], *ledger_header(L)], ledger_rows),
        "questions": (
            [L["slot"], L["question"], L["edited"].capitalize(), L["author"], L["votes"], L["status"],
             L["received"].capitalize(), L["shown"], L["answered"].capitalize(), L["addressed_to"]],
            question_rows,
        ),
        "rejection_reasons": ([L["slot"], L["reasons"], L["count"]], reason_rows),
        "notes": ([L["slot"], L["at"], L["note"]], note_rows),
    }  # fmt: skip


def to_csv(record: dict[str, Any], folder: Path, language: str) -> list[Path]:
    """One file per table, separated by semicolons with a BOM: Excel in a French locale and
    LibreOffice open them with accents and columns right."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (header, rows) in tables(record, language).items():
        path = folder / f"{name}.csv"
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, **CSV_DIALECT)
            writer.writerow(header)
            writer.writerows([[_csv_cell(c) for c in row] for row in rows])
        written.append(path)
    return written


def over_or_under(seconds: float, L: dict[str, str]) -> str:
    """ "2:30 de trop", "0:30 de moins": words, so that no spreadsheet reads "+2:30" as a formula."""
    if round(seconds) == 0:
        return "0:00"
    return L["over_by" if seconds > 0 else "under_by"].format(duration=duration(abs(seconds)))


def late_or_early(seconds: float | None, L: dict[str, str]) -> str:
    if seconds is None:
        return ""
    whole = round(seconds / 60)
    if whole == 0:
        return L["on_time"]
    return L["late_by" if whole > 0 else "early_by"].format(minutes=abs(whole))


def _csv_cell(value: Any) -> Any:
    """A spreadsheet runs a cell that starts with = + - @ as a formula: questions and names
    come from the room, so such text is marked as text (a leading apostrophe)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


_MD_SPECIAL = re.compile(r"([\\`*_\[\]()<>#!|~])")


def _md_cell(value: Any) -> str:
    """Markdown renders HTML and links: text from the room is escaped to stay text."""
    return _MD_SPECIAL.sub(r"\\\1", str(value)).replace("&", "&amp;").replace("\n", " ")


def to_markdown(record: dict[str, Any], language: str) -> str:
    L = labels(language)
    event = record["event"]
    zone = event["timezone"]
    out = io.StringIO()
    out.write(
        f"# {L['report']} — {event['title']}\n\n{long_date(event['date'], language)} · {event['venue']}\n\n"
    )
    if event["in_progress"]:
        out.write(f"> {L['in_progress']}\n\n")
    q = record["questions"]
    out.write(f"## {L['summary']}\n\n")
    out.write(
        f"- {L['started']} : {clock(event['started_at'], zone)}\n"
        if language == "fr"
        else f"- {L['started']}: {clock(event['started_at'], zone)}\n"
    )
    sep = " : " if language == "fr" else ": "
    out.write(f"- {L['ended']}{sep}{clock(event['ended_at'], zone)}\n")
    out.write(
        f"- {L['drift']}{sep}{minutes(event['final_drift_seconds']) if event['final_drift_seconds'] is not None else ''}\n"
    )
    out.write(f"- {L['speaking_total']}{sep}{duration(record['speaking']['total_seconds'])}\n")
    out.write(
        f"- {L['questions']}{sep}{q['received']} {L['received']}, {q['approved']} {L['approved']}, "
        f"{q['rejected']} {L['rejected']}, {q['merged']} {L['merged']}, {q['answered']} {L['answered']}\n\n"
    )
    all_tables = tables(record, language)

    def table(name: str) -> None:
        header, rows = all_tables[name]
        if not rows:
            out.write(f"_{L['none']}_\n\n")
            return
        out.write("| " + " | ".join(_md_cell(h) for h in header) + " |\n")
        out.write("|" + "---|" * len(header) + "\n")
        for row in rows:
            out.write("| " + " | ".join(_md_cell(c) for c in row) + " |\n")
        out.write("\n")

    for title, name in (
        (L["timeline"], "slots"), (L["turns"], "turns"), (L["speaking"], "speaking_time"),
        (f"{L['speaking']} — {L['organisation']}", "speaking_by_organisation"),
        (f"{L['speaking']} — {L['gender']}", "speaking_by_gender"), (L["ledger"], "moderation"),
        (L["approved_questions"], "questions"), (L["rejection_reasons"], "rejection_reasons"),
        (L["notes"], "notes"),
    ):  # fmt: skip
        out.write(f"## {title}\n\n")
        table(name)
    out.write(f"---\n{L['generated']}\n")
    return out.getvalue()


# --- HTML ------------------------------------------------------------------------------------

PDF_QUESTIONS = 100
STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b1f23; margin: 2rem auto; max-width: 60rem; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #1f5fae; padding-bottom: .2rem; }
h3 { margin-top: 1.5rem; } .muted { color: #555; } .warning { background: #fff4d6; padding: .6rem 1rem; border-left: 4px solid #b07600; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1.2rem; font-size: .92rem; }
th, td { border: 1px solid #c9ced4; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; } td.num { text-align: right; white-space: nowrap; }
.figures { display: flex; flex-wrap: wrap; gap: .8rem; } .figure { background: #eef2f6; border-radius: .5rem; padding: .6rem 1rem; }
.figure b { display: block; font-size: 1.3rem; } .chart { margin: .5rem 0 1rem; }
"""


def _table(header: list[str], rows: list[list[Any]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td class='num'>{escape(str(c))}</td>"
            if i in numeric
            else f"<td>{escape(str(c))}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    # The attributes are for Qt's rich text (the PDF), which ignores table widths in CSS.
    return (
        f"<table width='100%' cellspacing='0' cellpadding='4' border='1'><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _questions_html(
    sq: dict[str, Any], L: dict[str, str], zone: str, sep: str, limit: int | None = None
) -> str:
    """The moderation ledger of a slot (or of the questions asked outside any), with the
    reasons for rejection and every approved question verbatim."""
    parts = [f"<h3>{escape(L['ledger'])}</h3>"]
    counts = [
        [
            sq["received"],
            sq["approved"],
            sq["rejected"],
            sq["merged"],
            sq["answered"],
            sq["pending"],
        ]
    ]
    parts.append(_table(ledger_header(L), counts, {0, 1, 2, 3, 4, 5}))
    if sq["rejection_reasons"]:
        reasons = [[r["reason"] or L["no_reason"], r["count"]] for r in sq["rejection_reasons"]]
        parts.append(
            f"<p><b>{escape(L['reasons'])}</b></p>"
            + _table([L["reasons"], L["count"]], reasons, {1})
        )
    if sq["approved_questions"]:
        rows = [
            [a["text"] + (f" [{L['edited']}{sep}{a['original_text']}]" if a["original_text"] else ""),
             a["author"] or L["anonymous"], a["votes"], clock(a["shown_at"], zone), clock(a["answered_at"], zone),
             a["addressed_to"] or ""]
            for a in sq["approved_questions"][:limit]
        ]  # fmt: skip
        header = [
            L["question"],
            L["author"],
            L["votes"],
            L["shown"],
            L["answered"].capitalize(),
            L["addressed_to"],
        ]
        parts.append(f"<h3>{escape(L['approved_questions'])}</h3>" + _table(header, rows, {2}))
        left = len(sq["approved_questions"]) - len(rows)
        if left > 0:
            parts.append(f"<p class='muted'>{escape(L['more_questions'].format(n=left))}</p>")
    return "".join(parts)


def to_html(record: dict[str, Any], language: str, images: dict[str, str] | None = None) -> str:
    """A page that needs nothing else: styles and SVG charts inside.

    `images` replaces the inline SVG charts by <img> sources (for the PDF, drawn by Qt).
    """
    L = labels(language)
    event = record["event"]
    zone = event["timezone"]
    q = record["questions"]
    # On paper, the most supported questions of each slot; every one is in the HTML and the data.
    limit = PDF_QUESTIONS if images is not None else None
    sep = " : " if language == "fr" else ": "
    timeline_svg = charts.timeline(record["slots"], zone, L)
    bars_svg = charts.speaking_bars(record["speaking"]["people"])

    def chart(name: str, svg: str) -> str:
        if not svg:
            return ""
        if images is not None:
            return f"<p class='chart'><img src='{escape(images[name])}' width='560'></p>"
        return f"<div class='chart'>{svg}</div>"

    parts = [
        f"<!doctype html><html lang='{language}'><head><meta charset='utf-8'>",
        f"<title>{escape(L['report'])} — {escape(event['title'])}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(L['report'])} — {escape(event['title'])}</h1>",
        f"<p class='muted'>{escape(long_date(event['date'], language))} · {escape(event['venue'])}</p>",
    ]
    if event["in_progress"]:
        parts.append(f"<p class='warning'>{escape(L['in_progress'])}</p>")
    figures = [
        (L["started"], clock(event["started_at"], zone)),
        (L["ended"], clock(event["ended_at"], zone)),
        (
            L["drift"],
            minutes(event["final_drift_seconds"])
            if event["final_drift_seconds"] is not None
            else "",
        ),
        (L["speaking_total"], duration(record["speaking"]["total_seconds"])),
        (
            L["questions"],
            f"{q['received']} {L['received']} · {q['approved']} {L['approved']} · {q['answered']} {L['answered']}",
        ),
    ]
    parts.append(f"<h2>{escape(L['summary'])}</h2>")
    if images is None:
        parts.append("<div class='figures'>")
        parts += [
            f"<div class='figure'>{escape(name)}<b>{escape(value or '—')}</b></div>"
            for name, value in figures
        ]
        parts.append("</div>")
    else:  # Qt's rich text has no flex boxes: a plain table reads as well on paper
        parts.append(_table([L["summary"], ""], [[name, value or "—"] for name, value in figures]))
    parts.append(f"<h2>{escape(L['timeline'])}</h2>{chart('timeline', timeline_svg)}")
    parts.append(f"<h2>{escape(L['speaking_chart'])}</h2>{chart('speaking', bars_svg)}")
    all_tables = tables(record, language)
    for slot in record["slots"]:
        parts.append(f"<h2>{escape(slot['title'])}</h2>")
        if slot["subtitle"]:
            parts.append(f"<p><i>{escape(slot['subtitle'])}</i></p>")
        if slot["actual_start"] is None:
            parts.append(
                f"<p class='muted'>{escape(L['not_held'])} ({escape(L['planned'])} {clock(slot['planned_start'], zone)})</p>"
            )
            continue
        line = (
            f"{L['planned']}{sep}{clock(slot['planned_start'], zone)}–{clock(slot['planned_end'], zone)} "
            f"({duration(slot['planned_seconds'])}) · {L['actual']}{sep}{clock(slot['actual_start'], zone)}–"
            f"{clock(slot['actual_end'], zone)} ({duration(slot['actual_seconds'])}) · {L['start_drift']}{sep}"
            f"{late_or_early(slot['start_drift_seconds'], L)}"
        )
        parts.append(f"<p>{escape(line)}</p>")
        if slot["moderators"]:
            parts.append(
                f"<p>{escape(L['moderators'])}{sep}{escape(', '.join(slot['moderators']))}</p>"
            )
        if slot["guests"]:
            parts.append(f"<p>{escape(L['guests'])}{sep}{escape(', '.join(slot['guests']))}</p>")
        header = [L["speaker"], L["start"], L["end"], L["spoken"], L["allotted"], L["over"]]
        rows = [
            [t["speakers"] + (f" ({L['from_floor']})" if t["ad_hoc"] else ""), clock(t["started_at"], zone, True),
             clock(t["ended_at"], zone, True), duration(t["seconds"]), duration(t["allotted_seconds"]),
             over_or_under(t["over_seconds"], L)]
            for t in slot["turns"]
        ]  # fmt: skip
        parts.append(
            f"<h3>{escape(L['turns'])}</h3>"
            + (_table(header, rows, {3, 4, 5}) if rows else f"<p>{escape(L['none'])}</p>")
        )
        people = [
            [p["name"], p["organisation"], duration(p["seconds"]), f"{p['share'] * 100:.0f} %"]
            for p in slot["speaking"]["people"]
        ]
        if people:
            parts.append(
                f"<h3>{escape(L['speaking'])}</h3>"
                + _table([L["person"], L["organisation"], L["spoken"], L["share"]], people, {2, 3})
            )
        if slot["notes"]:
            parts.append(f"<h3>{escape(L['notes'])}</h3><ul>")
            parts += [
                f"<li><b>{clock(n['at'], zone)}</b> — {escape(n['text'])}</li>"
                for n in slot["notes"]
            ]
            parts.append("</ul>")
        if slot["questions"]["received"]:
            parts.append(_questions_html(slot["questions"], L, zone, sep, limit))
    outside = record["outside_slots"]
    if outside["received"]:
        parts.append(f"<h2>{escape(L['questions'])} — {escape(L['outside'])}</h2>")
        parts.append(_questions_html(outside, L, zone, sep, limit))
    parts.append(f"<h2>{escape(L['speaking'])} — {escape(L['whole_event'])}</h2>")
    for name, numeric in (("speaking_by_organisation", {1, 3}), ("speaking_by_gender", {1, 3})):
        header, rows = all_tables[name]
        if rows:
            parts.append(_table(header, rows, numeric))
    parts.append(f"<p class='muted'>{escape(L['generated'])}</p></body></html>")
    return "".join(parts)
