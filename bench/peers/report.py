"""Figures of alternating runs: per-run ratios, medians and spreads, and the final table."""
from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Row:
    """One line of the table: a figure measured for a peer and for Relais, run after run."""

    figure: str
    peer: str
    relais: str
    lower_is_better: bool = False
    peer_values: list[float] = field(default_factory=list)
    relais_values: list[float] = field(default_factory=list)

    def ratios(self) -> list[float]:
        """Relais / peer of each run where both were measured."""
        return [r / p for p, r in zip(self.peer_values, self.relais_values) if p and r]

    def _values(self, side: list) -> list[float]:
        return [v for v in side if v is not None]


def _figure(values: list[float]) -> str:
    if not values:
        return "—"
    median = statistics.median(values)
    digits = 0 if median >= 100 else 1 if median >= 10 else 2
    text = f"{median:,.{digits}f}"
    if len(values) > 1:
        text += f" ({min(values):,.{digits}f}–{max(values):,.{digits}f})"
    return text


class Table:
    """Rows in the order of the issue's table, filled as the runs go."""

    def __init__(self):
        self.rows: dict[str, Row] = {}

    def row(self, key: str, figure: str, peer: str, relais: str,
            lower_is_better: bool = False) -> Row:
        if key not in self.rows:
            self.rows[key] = Row(figure, peer, relais, lower_is_better)
        return self.rows[key]

    def add(self, key: str, peer: float | None, relais: float | None) -> None:
        """One run's pair (None: not measured, e.g. the peer failed)."""
        row = self.rows[key]
        row.peer_values.append(peer)  # None kept: the runs stay paired for the ratios
        row.relais_values.append(relais)
        ratio = f"{relais / peer:.2f}" if peer and relais else "—"
        print(f"  {row.figure}: {row.peer} {peer if peer is None else round(peer, 2)} | "
              f"{row.relais} {relais if relais is None else round(relais, 2)} | "
              f"Relais/peer {ratio}", flush=True)

    def markdown(self) -> str:
        lines = ["| figure | peer | peer: median (min–max) | Relais | Relais: median (min–max) "
                 "| Relais / peer, median (per run) |", "|---|---|---|---|---|---|"]
        for row in self.rows.values():
            ratios = row.ratios()
            ratio = (f"**{statistics.median(ratios):.2f}** ("
                     + ", ".join(f"{r:.2f}" for r in ratios) + ")") if ratios else "—"
            if row.lower_is_better:
                ratio += " lower is better"
            lines.append(f"| {row.figure} | {row.peer} | {_figure(row._values(row.peer_values))} | "
                         f"{row.relais} | {_figure(row._values(row.relais_values))} | {ratio} |")
        return "\n".join(lines)

    @classmethod
    def load(cls, path: Path) -> tuple["Table", dict]:
        """A table saved by save() (after every run: an interrupted set still has its runs)."""
        saved = json.loads(path.read_text())
        table = cls()
        for key, r in saved["rows"].items():
            row = table.row(key, r["figure"], r["peer"], r["relais"], r.get("lower", r["figure"].endswith(("ms", "MB"))))
            row.peer_values, row.relais_values = r["peer_values"], r["relais_values"]
        return table, saved["meta"]

    def save(self, path: Path, meta: dict) -> None:
        path.write_text(json.dumps({"meta": meta, "rows": {
            key: {"figure": r.figure, "peer": r.peer, "relais": r.relais,
                  "peer_values": r.peer_values, "relais_values": r.relais_values,
                  "lower": r.lower_is_better}
            for key, r in self.rows.items()}}, indent=1, ensure_ascii=False))
