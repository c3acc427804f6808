"""The Model page (stages, steps and the 18-month timeline as a real table) and the pilot
figures page (tables and server-drawn SVG bar charts with accessible names)."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import translate
from tests.factories.content import (
    SCHEDULE,
    ModelPageFactory,
    PilotFigureFactory,
    PilotFiguresPageFactory,
    TrainingFigureFactory,
    territory,
)
from tests.utils import html_lang, soup, text

SITE_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"


@pytest.fixture
def model(site):
    return ModelPageFactory(parent=site.home_pl, slug="model-kooperacji")


def timeline_table(html):
    return html.find("table", class_="timeline__table")


def test_timeline_is_a_table_of_steps_by_month(model, client):
    html = soup(client.get(model.url))
    table = timeline_table(html)
    region = table.find_parent("div")
    assert region["role"] == "region" and region["tabindex"] == "0"
    caption = table.caption
    assert region["aria-labelledby"] == caption["id"]
    assert text(caption) == "Harmonogram pracy modelem, kwiecień 2019 – wrzesień 2020"

    header_cells = table.thead.find_all("th")
    assert all(cell["scope"] == "col" for cell in header_cells)
    months = header_cells[1:]
    assert len(months) == 18
    assert [cell.find(class_="timeline__number").get_text() for cell in months] == [
        str(number) for number in range(1, 19)
    ]
    # the calendar month under each number, in words for screen readers
    assert text(months[0].find(class_="visually-hidden")).endswith("2019")
    assert text(months[-1].find(class_="visually-hidden")).endswith("2020")

    rows = {}
    for body in table.find_all("tbody"):
        stage = body.tr.th
        assert stage["scope"] == "rowgroup" and stage["colspan"] == "19"
        for row in body.find_all("tr")[1:]:
            header = row.th
            assert header["scope"] == "row"
            code = header.a.get_text()
            cells = row.find_all("td")
            assert len(cells) == 18, code
            rows[code] = cells
    assert list(rows) == [f"K{number}" for number in range(1, 11)]
    assert len(table.find_all("tbody")) == 4
    for code, cells in rows.items():
        active = [number for number, cell in enumerate(cells, start=1) if cell.get_text()]
        assert active == SCHEDULE[code], code
        for number, cell in enumerate(cells, start=1):
            # marked with the step's code as text, not by colour alone
            if number in SCHEDULE[code]:
                assert cell.get_text() == code and "is-active" in cell["class"]
            else:
                assert cell.get_text() == "" and not cell.get("class")
    assert [n for n, cell in enumerate(rows["K8"], start=1) if cell.get_text() == "K8"] == [
        3,
        6,
        9,
        12,
        15,
        18,
    ]


def test_steps_are_described_below_the_table(model, client):
    html = soup(client.get(model.url))
    step = html.find(id="step-k7")
    assert step.name == "h3" and text(step) == "K7 Krok K7"
    # the row header links to the description
    assert timeline_table(html).find("a", href="#step-k7") is not None
    details = step.find_parent("div", class_="step")
    assert text(details.find("ul", class_="step__substeps")) == "7.1 Zadanie K7"
    facts = text(details.find("dl"))
    assert "ROPS, PCPR" in facts
    assert "5–17 (" in facts  # the run of months, with the calendar months
    k8 = text(html.find(id="step-k8").find_parent("div", class_="step").find("dl"))
    assert "3 (" in k8 and "), 6 (" in k8 and "), 18 (" in k8
    stages = [text(h2) for h2 in html.select("section.stage > h2")]
    assert len(stages) == 4 and "Upowszechnianie modelu" in stages[0]


def test_model_page_in_english(model, site, client):
    english = translate(
        model,
        site.locales.en,
        title="The Model of cooperation",
        slug="model",
        schedule_caption="Schedule, April 2019 – September 2020",
    )
    response = client.get(english.url)
    html = soup(response)
    assert html_lang(response) == "en"
    months = timeline_table(html).thead.find_all("th")[1:]
    assert text(months[0].find(class_="visually-hidden")) == "April 2019"
    assert text(months[0].find(class_="timeline__name")) == "Apr 2019"
    assert text(months[17].find(class_="visually-hidden")) == "September 2020"
    assert text(timeline_table(html).caption) == "Schedule, April 2019 – September 2020"


def test_schedule_follows_its_start_and_length(site, client):
    page = ModelPageFactory(
        parent=site.home_pl,
        schedule_start=datetime.date(2020, 11, 15),
        schedule_months=4,
        stages=[],
    )
    months = page.schedule()
    assert [month["date"] for month in months] == [
        datetime.date(2020, 11, 1),
        datetime.date(2020, 12, 1),
        datetime.date(2021, 1, 1),
        datetime.date(2021, 2, 1),
    ]
    # no stages: no empty table
    assert timeline_table(soup(client.get(page.url))) is None


def test_months_after_the_schedule_are_refused(model):
    model.schedule_months = 12
    with pytest.raises(ValidationError) as error:
        model.clean()
    assert "stages" in error.value.message_dict
    assert "K7" in error.value.message_dict["stages"][0]
    model.schedule_months = 18
    model.clean()


def test_timeline_prints_whole():
    css = SITE_CSS.read_text()
    print_rules = css[css.index("@media print", css.index("/* Content types */")) :]
    assert ".timeline { page: timeline; }" in print_rules
    assert ".block-table.timeline__scroll { overflow: visible; }" in print_rules
    assert "@page timeline { size: A4 landscape; }" in css


# --- pilot figures -----------------------------------------------------------------------

FIGURES = [("06", 35), ("14", 29), ("20", 33), ("18", 35), ("26", 39)]


@pytest.fixture
def figures(model):
    page = PilotFiguresPageFactory(parent=model, slug="pilotaz")
    for code, count in FIGURES:
        PilotFigureFactory(page=page, territory=territory(code), count=count)
    for form, events, hours, participants in [
        ("Warsztaty dwudniowe", 30, 480, 424),
        ("Spotkania jednodniowe", 5, 40, 84),
        ("Dialog motywujący", 4, 64, 73),
    ]:
        TrainingFigureFactory(
            page=page, form=form, events=events, hours=hours, participants=participants
        )
    return page


def number(value):
    # an SVG coordinate: a plain number, never "12,5" from the page's locale
    assert re.fullmatch(r"-?\d+(\.\d+)?", value), value
    return float(value)


def test_figures_table(figures, client):
    html = soup(client.get(figures.url))
    table = html.find("table", class_="figures-table")
    assert text(table.caption) == "Osoby i rodziny objęte współpracą, marzec 2020"
    rows = table.tbody.find_all("tr")
    assert [text(row.th) for row in rows] == [
        "lubelskie",
        "mazowieckie",
        "podlaskie",
        "podkarpackie",
        "świętokrzyskie",
    ]
    assert [text(row.td) for row in rows] == ["35", "29", "33", "35", "39"]
    total = table.tfoot.tr
    assert text(total.td) == "171"
    assert "150" in text(total)
    trainings = html.find_all("table", class_="figures-table")[1]
    assert [text(td) for td in trainings.tfoot.find_all("td")] == ["39", "584", "581"]
    assert [th["scope"] for th in trainings.thead.find_all("th")] == ["col"] * 4


def test_bar_charts_are_accessible_svg(figures, client):
    html = soup(client.get(figures.url))
    charts = html.find_all("svg", class_="chart__svg")
    assert len(charts) == 2
    for svg, rows in zip(charts, [FIGURES, [None] * 3], strict=True):
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title")["id"] == title_id and text(svg.find("title"))
        assert svg.find("desc")["id"] == desc_id
        bars = svg.find_all("rect", class_="chart__bar")
        assert len(bars) == len(rows)  # one bar per row of the table
        for attribute in ("x", "y", "width", "height"):
            for bar in bars:
                number(bar[attribute])
        assert number(svg["width"]) > 0 and svg.get("viewbox")
    persons = charts[0]
    assert text(persons.find("title")) == "Osoby i rodziny objęte współpracą, marzec 2020"
    assert "lubelskie: 35" in text(persons.find("desc"))
    labels = [text(label) for label in persons.find_all("text", class_="chart__label")]
    values = [text(value) for value in persons.find_all("text", class_="chart__value")]
    assert labels[0] == "lubelskie" and values == ["35", "29", "33", "35", "39"]
    widths = [number(bar["width"]) for bar in persons.find_all("rect")]
    assert max(widths) == widths[4]  # 39, the largest
    assert widths[1] == pytest.approx(widths[4] * 29 / 39, rel=0.01)
    trainings = charts[1]
    assert [text(v) for v in trainings.find_all("text", class_="chart__value")] == [
        "424",
        "84",
        "73",
    ]


def test_pilot_figures_in_english(figures, site, client):
    english_model = translate(figures.get_parent().specific, site.locales.en, slug="model")
    assert english_model.live
    english = translate(
        figures,
        site.locales.en,
        title="The pilot in figures",
        slug="pilot",
        figures_caption="Persons",
    )
    for figure in english.specific.figures.all():
        figure.name = figure.territory.name.capitalize()
        figure.save()
    response = client.get(english.url)
    html = soup(response)
    assert html_lang(response) == "en"
    assert [text(row.th) for row in html.find("table").tbody.find_all("tr")][0] == "Lubelskie"
    assert "Lubelskie: 35" in text(html.find("svg").find("desc"))


def test_a_row_needs_a_voivodeship_or_a_name(figures):
    row = figures.figures.first()
    row.territory = None
    row.name = " "
    with pytest.raises(ValidationError) as error:
        row.clean()
    assert "name" in error.value.message_dict


def test_model_page_links_to_the_figures(figures, model, client):
    html = soup(client.get(model.url))
    links = html.find("nav", class_="subpages").find_all("a")
    assert [(link.get_text(), link["href"]) for link in links] == [
        ("Pilotaż w liczbach", figures.url)
    ]
