"""Play the demo morning « IA : la voie citoyenne » through the core's commands, with a clock
that moves as the morning would, into an event database; then export its report.

    python scripts/demo_morning.py [--db demo.db] [--examples docs/examples]

The tests use `play` to check every export against what the script did.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from console.core import questions as q  # noqa: E402
from console.core import rundown, speakers  # noqa: E402
from console.core.session import Session  # noqa: E402

NINE = 1738915200.0  # 07/02/2025 09:00, Paris


class Clock:
    def __init__(self) -> None:
        self.now = NINE

    def __call__(self) -> float:
        return self.now

    def at(self, hh: int, mm: int, ss: int = 0) -> None:
        self.now = NINE + (hh - 9) * 3600 + mm * 60 + ss

    def wait(self, minutes: float) -> None:
        self.now += minutes * 60


QUESTIONS = [
    # (slot, text, author, votes, fate)
    (
        "ouverture",
        "Comment les avis du CESE seront-ils pris en compte au Sommet ?",
        "Claire",
        14,
        "answered",
    ),
    ("ouverture", "<b>Test</b> micro", "", 0, "rejected:hors sujet"),
    (
        "cycle-1",
        "Comment garantir que les citoyens tirés au sort soient entendus par les décideurs ?",
        "Claire",
        31,
        "answered",
    ),
    ("cycle-1", "Les algorithmes publics seront-ils tous publiés ?", "Karim", 22, "answered"),
    (
        "cycle-1",
        "Les algorithmes des administrations seront-ils rendus publics ?",
        "",
        5,
        "merged:cycle-1#1",
    ),
    ("cycle-1", "Quel budget pour la participation citoyenne ?", "", 9, "approved"),
    ("cycle-1", "Vous êtes tous vendus !!!", "", 0, "rejected:propos injurieux"),
    (
        "cycle-2",
        "Quelle place pour les syndicats dans le déploiement de l'IA au travail ?",
        "Nadia",
        18,
        "answered",
    ),
    (
        "cycle-2",
        "Faut-il un droit de regard des salariés sur les outils d'IA ?",
        "",
        12,
        "answered",
    ),
    ("cycle-2", "Et les travailleurs des plateformes ?", "Sam", 7, "approved"),
    (
        "cycle-2",
        "Quand aura lieu la prochaine réunion ?",
        "",
        0,
        "rejected:question pratique, réponse à l'accueil",
    ),
    ("conclusion", "Comment rester informé des suites ?", "", 4, "answered"),
]


def play(session: Session, clock: Clock) -> dict:
    """The morning; returns what the exports must show."""
    run = session.execute
    asked: dict[str, list[str]] = {}
    number = 0

    def ask(slot_id: str) -> None:
        nonlocal number
        for index, (slot, text, author, _votes, _fate) in enumerate(QUESTIONS):
            if slot != slot_id:
                continue
            number += 1
            qid = run(
                q.ReceiveQuestion(
                    text, author=author, device_id=f"phone-{number:03d}", client_id="1"
                )
            )[0].data["question_id"]
            asked.setdefault(slot_id, []).append(qid)
            QUESTION_IDS[index] = qid
            clock.wait(0.5)
        for index, (slot, _text, _author, votes, fate) in enumerate(QUESTIONS):
            if slot != slot_id:
                continue
            qid = QUESTION_IDS[index]
            if fate.startswith("rejected:"):
                run(q.RejectQuestion(qid, fate.split(":", 1)[1]))
                continue
            run(q.ApproveQuestion(qid))
            for voter in range(votes):
                run(q.VoteQuestion(qid, f"voter-{qid}-{voter:03d}"))

    # 09:04 — the opening starts four minutes late.
    clock.at(9, 4)
    run(speakers.CallNext("ouverture"))  # Thierry Beaudet
    clock.wait(6.5)
    run(speakers.CallNext())  # Jean Cattan
    clock.wait(7)
    run(speakers.CallNext())  # Clara Chappaz
    run(
        rundown.AddNote(
            "La ministre annonce une consultation publique sur l'IA dans les services publics."
        )
    )
    clock.wait(9.5)
    run(speakers.CallNext())  # Martine D
    ask("ouverture")
    clock.wait(5)
    run(q.ShowQuestion(QUESTION_IDS[0]))
    clock.wait(2)
    run(q.AnswerQuestion(QUESTION_IDS[0]))
    run(speakers.EndTurn())
    clock.at(9, 36)
    run(rundown.EndSlot())

    # 09:38 — first cycle: six turns, one of them a group, someone from the floor.
    clock.at(9, 38)
    run(speakers.CallNext("cycle-1"))
    for minutes in (11, 9.5, 10, 8):
        clock.wait(minutes)
        run(speakers.CallNext())
    ask("cycle-1")
    run(q.MergeQuestion(QUESTION_IDS[4], QUESTION_IDS[3]))
    clock.wait(12)  # the ODAP duo
    run(speakers.CallNext())
    clock.wait(7)
    run(
        speakers.AddAdHocSpeaker(
            "cycle-1", "Jeanne Martin", title="Citoyenne, depuis la salle", minutes=3
        )
    )
    run(speakers.CallNext())
    clock.wait(3.5)
    run(speakers.EndTurn())
    run(q.ShowQuestion(QUESTION_IDS[2]))
    run(q.RouteQuestion(QUESTION_IDS[2], person_id="dauchez"))
    clock.wait(6)
    run(q.AnswerQuestion(QUESTION_IDS[2]))
    run(q.ShowQuestion(QUESTION_IDS[3]))
    clock.wait(5)
    run(q.AnswerQuestion(QUESTION_IDS[3]))
    run(
        rundown.AddNote(
            "Engagement : publier la liste des algorithmes de la ville de Rennes d'ici juin."
        )
    )
    clock.at(11, 24)
    run(rundown.EndSlot())

    # 11:27 — second cycle, shortened by five minutes to catch up.
    clock.at(11, 27)
    run(speakers.CallNext("cycle-2"))
    run(rundown.AdjustSlotTime(-5 * 60))
    clock.wait(12)
    run(speakers.CallNext())  # Robinet & Gandouin
    clock.wait(14)
    run(speakers.CallNext())
    clock.wait(10)
    run(speakers.EndTurn())
    ask("cycle-2")
    for index in (7, 8):
        run(q.ShowQuestion(QUESTION_IDS[index]))
        clock.wait(6)
        run(q.AnswerQuestion(QUESTION_IDS[index]))
    clock.at(12, 36)
    run(rundown.EndSlot())

    # 12:37 — conclusion by the two moderators.
    clock.at(12, 37)
    run(rundown.StartSlot("conclusion"))
    run(speakers.AddTurn("conclusion", ("meyer",), minutes=10))
    run(speakers.AddTurn("conclusion", ("cattan",), minutes=10))
    run(speakers.CallNext())
    clock.wait(11)
    run(speakers.CallNext())
    ask("conclusion")
    clock.wait(9)
    run(q.ShowQuestion(QUESTION_IDS[11]))
    run(q.AnswerQuestion(QUESTION_IDS[11]))
    run(speakers.EndTurn())
    clock.at(13, 0)
    run(rundown.EndSlot())
    return {"asked": asked, "question_ids": dict(QUESTION_IDS)}


QUESTION_IDS: dict[int, str] = {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/tribune-demo-morning.db"))
    parser.add_argument("--examples", type=Path, default=ROOT / "docs" / "examples")
    args = parser.parse_args()
    from console.core.programme_file import load_programme
    from console.core.rundown import LoadProgramme
    from console.export.cli import export, load_record
    from console.paths import demo_programme
    from console.storage.database import EventDatabase
    from console.storage.journal import SqliteJournal

    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(args.db) + suffix).unlink(missing_ok=True)
    clock = Clock()
    database = EventDatabase(args.db)
    session = Session(SqliteJournal(database), clock)
    session.execute(LoadProgramme(load_programme(demo_programme())))
    play(session, clock)
    database.close()
    record = load_record(args.db)
    for language, stem in (
        ("fr", "compte-rendu-ia-la-voie-citoyenne"),
        ("en", "report-ia-la-voie-citoyenne"),
    ):
        for path in export(record, ["html", "pdf", "md"], args.examples, language, stem):
            print(path)


if __name__ == "__main__":
    main()
