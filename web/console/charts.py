"""Server-rendered SVG charts for the activity page (pygal, the one module importing it).

No script and no external asset: pygal's JavaScript tooltips are turned off (``js=[]``), the
config script pygal writes anyway is taken out of the tree before serialising, its
stylesheet is written inside the SVG, and the SVG is served as an image (``<img src>``), so
nothing in it runs in the page; its own response allows only its inline style.
"""
from __future__ import annotations

import functools
from datetime import datetime

CSP = "default-src 'none'; style-src 'unsafe-inline'"  # an SVG image: its style, no script
MAX_SERIES = 8  # more lines than that are unreadable: the rest is summed as "others"


@functools.lru_cache(maxsize=1)
def _style():
    """The console's palette (web/static/relais.css), legible when printed in grey too.
    pygal (11 MB) is imported at the first chart, not by every web process."""
    from pygal.style import Style
    return Style(background="#ffffff", plot_background="#ffffff", foreground="#1d2a33",
                 foreground_strong="#1d2a33", foreground_subtle="#5c6770",
                 font_family="system-ui, sans-serif", opacity=".9", opacity_hover="1",
                 colors=("#1f6f5c", "#b5651d", "#3a5a98", "#8a2d5c", "#6b7d1a", "#444444",
                         "#c0392b", "#16808c"))


def _config(title: str, **options):
    return dict(title=title, style=_style(), js=[], disable_xml_declaration=True,
                width=800, height=320, explicit_size=False, show_dots=False,
                legend_at_bottom=True, legend_at_bottom_columns=3, x_label_rotation=0,
                truncate_legend=40, print_values=False, **options)


def _folded(series: dict[str, list[int]], others: str) -> dict[str, list[int]]:
    """The biggest series, the rest summed into one named ``others``."""
    names = list(series)
    if len(names) <= MAX_SERIES:
        return series
    kept = {name: series[name] for name in names[:MAX_SERIES - 1]}
    rest = [sum(values) for values in zip(*(series[name] for name in names[MAX_SERIES - 1:]))]
    kept[others] = rest
    return kept


def weekly(title: str, weeks: list[datetime], series: dict[str, list[int]],
           others: str = "…") -> bytes:
    """A line per series of weekly counts, weeks along the bottom (an SVG document)."""
    import pygal
    chart = pygal.Line(**_config(title, fill=False, min_scale=1))
    chart.x_labels = [week.strftime("%d/%m") for week in weeks]
    chart.x_labels_major_every = max(1, len(weeks) // 6)
    chart.show_minor_x_labels = False
    for name, values in _folded(series, others).items():
        chart.add(name, values)
    if not series:
        chart.add("", [0] * len(weeks))
    return _svg(chart)


def _svg(chart) -> bytes:
    """The chart's SVG without any <script> element (pygal always writes its config one)."""
    from pygal.etree import etree
    tree = chart.render_tree()
    for parent in list(tree.iter()):
        for child in list(parent):
            if str(child.tag).rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return etree.tostring(tree, encoding="utf-8")


def bars(title: str, values: dict[str, int]) -> bytes:
    """One horizontal bar per name (an SVG document)."""
    import pygal
    chart = pygal.HorizontalBar(**_config(title, show_legend=True))
    for name, value in list(values.items())[:MAX_SERIES]:
        chart.add(name, value)
    return _svg(chart)
