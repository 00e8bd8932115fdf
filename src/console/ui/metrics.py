"""Optional measurements for the benchmarks (TRIBUNE_METRICS=FILE): when each question became
visible in the moderator's model, and how late each clock tick was. Off unless asked for."""

from __future__ import annotations

import json
import time
from typing import TextIO

from PySide6.QtCore import QModelIndex, QObject, QTimer

from .questions_model import QuestionsModel


class Metrics(QObject):
    def __init__(self, path: str, model: QuestionsModel, timer: QTimer, parent=None) -> None:
        super().__init__(parent)
        self.file: TextIO = open(path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115
        self.model = model
        self.interval = timer.interval() / 1000
        self.last_tick: float | None = None
        model.rowsInserted.connect(self._inserted)
        timer.timeout.connect(self._ticked)

    def _write(self, **record: object) -> None:
        self.file.write(json.dumps(record) + "\n")

    def _inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        wall = time.time()
        keys = {qid: client for (_, client), qid in self.model.state.question_keys.items()}
        for row in range(first, last + 1):
            self._write(kind="visible", client_id=keys.get(self.model.id_at(row)), at=wall)

    def _ticked(self) -> None:
        now = time.monotonic()
        if self.last_tick is not None:
            self._write(
                kind="tick", late=max(0.0, now - self.last_tick - self.interval), at=time.time()
            )
        self.last_tick = now
