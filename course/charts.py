"""Charts shown in notebooks, as PNG images with alt text (matplotlib output has none by default).

Figures are drawn with matplotlib's object API (no global pyplot state) and embedded
in HTML as <img alt="..."> so screen readers describe them.
"""
from __future__ import annotations

import base64
import io

from .render import esc


def bar_chart_html(labels: list[str], values: list[float], *, title: str, xlabel: str, alt: str) -> str:
    """A horizontal bar chart of values from 0 to 1, as an <img> with alt text."""
    from matplotlib.figure import Figure

    height = 0.45 * max(3, len(labels)) + 1.0
    fig = Figure(figsize=(6.4, height), dpi=100)
    ax = fig.add_subplot()
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, values, color="#3a6ea5")
    ax.set_yticks(positions, labels)
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    for pos, value in zip(positions, values):
        ax.text(min(value + 0.02, 0.9), pos, f"{value:.0%}", va="center")
    fig.tight_layout()
    return figure_img_html(fig, alt)


def figure_img_html(fig, alt: str, dpi: int = 100) -> str:
    """Any matplotlib figure as an <img> with alt text, so screen readers and exported HTML describe it."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{esc(alt)}" style="max-width:100%">'
