"""Indicator trend charts: the values measured, the target and the straight line between.

Drawn with matplotlib (imported only here, only when a chart is drawn), on its object API (no
pyplot, no global backend), in the bundled Arimo font so æøå show everywhere. Readable in black
and white: the measured values are a solid line with filled dots, the straight line is dashed
grey, the target a hollow diamond. The output is byte-for-byte the same for the same input
(fixed SVG ids, no dates in the files).
"""

from __future__ import annotations

import io
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from maltrace.analysis.status import IndicatorStatus
from maltrace.i18n import Lang, t

if TYPE_CHECKING:
    from matplotlib.axes import Axes

ChartFormat = Literal["svg", "png"]
FONT_FAMILY = "Arimo"
_registered = False


def _register_font() -> None:
    global _registered
    if _registered:
        return
    from matplotlib import font_manager

    fonts = resources.files("maltrace.render") / "fonts"
    for name in ("Arimo-Regular.ttf", "Arimo-Bold.ttf"):
        with resources.as_file(fonts / name) as path:
            font_manager.fontManager.addfont(str(path))
    _registered = True


def format_number(value: float, lang: Lang) -> str:
    """``1 250,5`` in Norwegian, ``1,250.5`` in English; no decimals on whole numbers."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if lang == "en":
        return text
    return text.replace(",", "\u00a0").replace(".", ",")


def indicator_chart(ind: IndicatorStatus, lang: Lang, fmt: ChartFormat = "svg") -> bytes:
    """A small chart of ``ind`` as SVG or PNG bytes."""
    import matplotlib

    _register_font()
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    rc: dict[Any, Any] = {
        # DejaVu Sans (shipped with matplotlib) for the odd glyph Arimo lacks (CO₂).
        "font.family": [FONT_FAMILY, "DejaVu Sans"],
        "font.size": 9,
        "svg.hashsalt": "maltrace",
        "svg.fonttype": "path",
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
    with matplotlib.rc_context(rc):
        compare = bool(ind.comparisons)
        fig = Figure(figsize=(5.0, 3.4 if compare else 2.8), dpi=150 if fmt == "png" else 72)
        ax: Axes = fig.add_subplot()
        (y0, v0), (y1, v1) = ind.baseline, ind.target
        _comparison_lines(ax, ind, lang)
        measured = [(y, v) for y, v in ind.values if y >= y0]
        if not measured or measured[0][0] != y0:
            measured.insert(0, ind.baseline)
        ax.plot(
            [y0, y1],
            [v0, v1],
            linestyle=(0, (5, 3)),
            color="#777777",
            linewidth=1.2,
            label=t("st.chart.line", lang),
        )
        ax.plot(
            [y for y, _ in measured],
            [v for _, v in measured],
            linestyle="-",
            marker="o",
            markersize=4,
            color="black",
            label=t("st.chart.values", lang),
            # Over the regions' lines, bold, when there are any; else the chart as it was.
            **_own_line(compare),
        )
        ax.plot(
            [y1],
            [v1],
            linestyle="none",
            marker="D",
            markersize=7,
            markerfacecolor="white",
            markeredgecolor="black",
            label=t("st.chart.target", lang),
        )
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, lang)))
        title = f"{ind.id} {ind.title}"
        ax.set_title(title if len(title) <= 70 else title[:69] + "…", loc="left", fontsize=9)
        if ind.unit:
            ax.set_ylabel(ind.unit)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        if compare:
            # Below the plot: with the regions there are too many entries to sit on the lines.
            ax.legend(
                loc="upper center",
                bbox_to_anchor=(0.5, -0.12),
                ncol=3,
                fontsize=7,
                frameon=False,
            )
        else:
            ax.legend(loc="best", fontsize=7, frameon=False)
        fig.tight_layout()
        out = io.BytesIO()
        if fmt == "svg":
            fig.savefig(out, format="svg", metadata={"Date": None})
        else:
            fig.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()


def _own_line(compare: bool) -> dict[str, Any]:
    return {"linewidth": 2.6, "zorder": 4} if compare else {"linewidth": 1.6}


# How KOSTRA's own charts set regions apart, readable in black and white: the country and the
# KOSTRA group as reference lines of their own style, other kommunar thin and light.
_REFERENCE: dict[str, dict[str, Any]] = {
    "country": {"linestyle": (0, (1, 1.5)), "color": "#222222", "linewidth": 1.6},
    "kostra": {"linestyle": (0, (6, 2, 1, 2)), "color": "#555555", "linewidth": 1.4},
}
_LIGHT: dict[str, Any] = {"linestyle": "-", "color": "#b8b8b8", "linewidth": 0.8}


def _comparison_lines(ax: Axes, ind: IndicatorStatus, lang: Lang) -> None:
    """The other regions' series under the indicator's own line; one legend entry for all the
    other kommunar."""
    light_named = False
    for label, group, values in ind.comparisons:
        if not values:
            continue
        style = _REFERENCE.get(group)
        if style is None:
            name = None if light_named else t("st.chart.neighbours", lang)
            light_named = True
            style = {**_LIGHT, "label": name}
        else:
            style = {**style, "label": label}
        years = [y for y, _ in values]
        ax.plot(years, [v for _, v in values], zorder=2 if group in _REFERENCE else 1, **style)
