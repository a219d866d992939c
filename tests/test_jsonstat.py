"""Indicator values from SSB's JSON-stat 2.0 datasets, tested on a real answer of SSB's API."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from maltrace import api
from maltrace.load import LoadFailed
from maltrace.load.jsonstat import JsonStatError, parse_dataset, series, transform
from maltrace.load.models import SsbSource

REAL = Path(__file__).parent / "fixtures" / "jsonstat" / "05300.json"
# Folkebibliotek (07) under 1 km (01), 1991-2021, as the answer holds them.
LIBRARY = {1991: 23, 1994: 23, 1997: 20, 2000: 18, 2004: 19, 2008: 20, 2012: 18, 2016: 17, 2021: 15}


def test_reads_the_real_dataset() -> None:
    ds = parse_dataset(REAL.read_bytes())
    assert ds.ids == ("Avstand1", "Kulturtilbud", "ContentsCode", "Tid")
    assert ds.categories["Tid"][-1] == "2021"
    src = SsbSource(
        table="05300", contents="Avstand", select={"Avstand1": "01", "Kulturtilbud": "07"}
    )
    assert series(ds, src) == LIBRARY


def test_a_transform_and_a_missing_value() -> None:
    ds = parse_dataset(REAL.read_bytes())
    src = SsbSource(
        table="05300",
        contents="Avstand",
        transform="100 - indikatorverdi",
        select={"Avstand1": "02", "Kulturtilbud": "01"},
    )
    got = series(ds, src)
    # null in the answer (status ".": not to be had) is no value, not 100.
    # 1-4,9 km to a cinema: 39 in 1991 (value 72 of the answer), null in 2021 (value 80).
    assert got[1991] == 100 - 39 and 2021 not in got
    assert transform("100 - x") == (100.0, -1.0) and transform(None) == (0.0, 1.0)
    with pytest.raises(JsonStatError):
        transform("log(x)")


def test_what_cannot_be_picked_is_named() -> None:
    ds = parse_dataset(REAL.read_bytes())
    with pytest.raises(JsonStatError) as info:
        series(ds, SsbSource(table="05300", contents="Avstand"))
    assert info.value.code == "choose-category" and info.value.params["dimension"] == "Avstand1"
    with pytest.raises(JsonStatError) as info:
        series(
            ds,
            SsbSource(
                table="05300", contents="Nope", select={"Avstand1": "01", "Kulturtilbud": "07"}
            ),
        )
    assert info.value.code == "no-category" and "Avstand" in info.value.params["codes"]
    with pytest.raises(JsonStatError) as info:
        series(ds, SsbSource(table="05300", contents="Avstand", region="1127"))
    assert info.value.code == "no-dimension"
    with pytest.raises(JsonStatError):
        parse_dataset(b'{"class": "collection"}')


PLAN = """\
plan: {id: KPS, type: samfunnsplan, title: Samfunnsdel, language: nb}
goals:
- id: M1
  title: Biblioteket nær folk
  indicators:
  - id: BIB
    title: Andel over 1 km fra folkebibliotek
    unit: '%'
    direction: up
    baseline: {year: 1991, value: 77}
    target: {year: 2030, value: 90}
    ssb:
      table: '05300'
      contents: Avstand
      transform: 100 - x
      select: {Avstand1: '01', Kulturtilbud: '07'}
"""


def test_status_reads_the_dataset_beside_the_plan(tmp_path: Path) -> None:
    (tmp_path / "kps.yaml").write_text(PLAN, encoding="utf-8")
    r = api.status(tmp_path, today=dt.date(2026, 1, 1), cache=False)
    assert r.indicators[0].values == ()  # not fetched yet: no values, and no error
    shutil.copy(REAL, tmp_path / "ssb-05300.json")
    (ind,) = api.status(tmp_path, today=dt.date(2026, 1, 1), cache=False).indicators
    assert dict(ind.values) == {y: 100 - v for y, v in LIBRARY.items()}
    assert ind.latest == (2021, 85.0)


def test_status_names_the_file_and_indicator_when_the_dataset_does_not_fit(tmp_path: Path) -> None:
    (tmp_path / "kps.yaml").write_text(PLAN.replace("'07'", "'99'"), encoding="utf-8")
    shutil.copy(REAL, tmp_path / "ssb-05300.json")
    with pytest.raises(LoadFailed) as info:
        api.status(tmp_path, today=dt.date(2026, 1, 1), cache=False)
    (err,) = info.value.errors
    text = err.message("en")
    assert "ssb-05300.json" in text and "BIB" in text and "Kulturtilbud = 99" in text
