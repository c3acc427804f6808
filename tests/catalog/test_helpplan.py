"""The help plan: adding services from the results and details (POST with CSRF, without
JavaScript), reordering, removing, the print view, the PDF read back, and the share link;
and that nothing about a family can be put into it."""

import io
import re

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from catalog import helpplan
from catalog.models import HelpPlan
from tests.factories.catalog import CatalogPageFactory, InstitutionFactory, ServiceFactory
from tests.utils import soup, text

PLAN = "/pl/uslugi/plan/"


def pl(message):
    with translation.override("pl"):
        return gettext(message)


@pytest.fixture
def services(site):
    CatalogPageFactory(parent=site.home_pl)
    gops = InstitutionFactory(
        name="GOPS w Oksie", phone="41 381 00 00", address="ul. Główna 2", postal_code="28-363"
    )
    ngo = InstitutionFactory(name="Stowarzyszenie Razem", type="ngo")
    return [
        ServiceFactory(institution=gops, name="Usługi opiekuńcze", referral_required=True),
        ServiceFactory(institution=ngo, name="Świetlica dla dzieci"),
        ServiceFactory(institution=gops, name="Zasiłki", cost="partly"),
    ]


def add(client, service, next_url=""):
    return client.post(f"{PLAN}dodaj/", {"service": service.pk, "next": next_url})


def plan_names(client):
    return [text(h2.a) for h2 in soup(client.get(PLAN)).select(".plan-item__title")]


def test_adding_from_the_results_returns_to_them(services, client):
    results = soup(client.get("/pl/uslugi/?q=opiekuncze"))
    form = results.select_one(f"#service-{services[0].pk} form.plan-add")
    assert form["method"] == "post" and form["action"] == f"{PLAN}dodaj/"
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    next_url = form.select_one("input[name=next]")["value"]
    assert next_url == f"/pl/uslugi/?q=opiekuncze#service-{services[0].pk}"
    response = add(client, services[0], next_url)
    assert response.status_code == 302 and response["Location"] == next_url
    after = soup(client.get("/pl/uslugi/?q=opiekuncze"))
    card = after.select_one(f"#service-{services[0].pk}")
    assert card.select_one("form.plan-add") is None
    assert pl("In your help plan") in text(card.select_one(".plan-state"))
    assert "„Usługi opiekuńcze”" in text(after.select_one(".catalog-messages"))
    assert "(1 usługa)" in text(after.select_one(".catalog-tools a"))


def test_adding_from_a_detail_page(services, client):
    url = f"/pl/uslugi/usluga/{services[1].pk}/"
    form = soup(client.get(url)).select_one("form.plan-add")
    add(client, services[1], form.select_one("input[name=next]")["value"])
    assert plan_names(client) == ["Świetlica dla dzieci"]


def test_order_up_down_remove_and_empty(services, client):
    for service in services:
        add(client, service)
    assert plan_names(client) == ["Usługi opiekuńcze", "Świetlica dla dzieci", "Zasiłki"]
    html = soup(client.get(PLAN))
    first, last = html.select(".plan-item")[0], html.select(".plan-item")[-1]
    # no "up" for the first, no "down" for the last: every button does something
    assert not first.select("input[name=direction][value=up]")
    assert not last.select("input[name=direction][value=down]")
    response = client.post(f"{PLAN}przesun/", {"service": services[2].pk, "direction": "up"})
    assert response["Location"] == f"{PLAN}#plan-item-{services[2].pk}"
    assert plan_names(client) == ["Usługi opiekuńcze", "Zasiłki", "Świetlica dla dzieci"]
    client.post(f"{PLAN}przesun/", {"service": services[0].pk, "direction": "down"})
    assert plan_names(client) == ["Zasiłki", "Usługi opiekuńcze", "Świetlica dla dzieci"]
    client.post(f"{PLAN}przesun/", {"service": services[1].pk, "direction": "down"})  # last
    client.post(f"{PLAN}przesun/", {"service": services[1].pk, "direction": "sideways"})
    assert plan_names(client) == ["Zasiłki", "Usługi opiekuńcze", "Świetlica dla dzieci"]
    client.post(f"{PLAN}usun/", {"service": services[0].pk})
    assert plan_names(client) == ["Zasiłki", "Świetlica dla dzieci"]
    emptied = client.post(f"{PLAN}wyczysc/", follow=True)
    assert pl("Your help plan is empty now.") in text(soup(emptied).select_one(".catalog-messages"))
    assert plan_names(client) == []


@pytest.mark.parametrize(
    "posted",
    [{"service": "abc"}, {"service": "999999"}, {}, {"service": "1" * 40}, {"service": "-1"}],
)
def test_adding_something_that_is_not_a_public_service(services, client, posted):
    response = client.post(f"{PLAN}dodaj/", posted)
    assert response.status_code == 302
    assert plan_names(client) == []


def test_hidden_services_cannot_be_added_and_leave_a_note(services, client):
    hidden = ServiceFactory(institution=services[0].institution, name="Szkic", live=False)
    add(client, hidden)
    add(client, services[0])
    assert plan_names(client) == ["Usługi opiekuńcze"]
    services[0].status = "ended"
    services[0].save()
    html = soup(client.get(PLAN))
    assert html.select(".plan-item") == []
    assert html.select_one(".plan-missing") is not None


def test_adding_twice_keeps_one_and_the_plan_has_a_limit(services, client, monkeypatch):
    monkeypatch.setattr(helpplan, "MAX_ITEMS", 2)
    add(client, services[0])
    add(client, services[0])
    add(client, services[1])
    add(client, services[2])
    assert plan_names(client) == ["Usługi opiekuńcze", "Świetlica dla dzieci"]


def test_only_local_addresses_are_followed(services, client):
    for next_url in ["https://example.com/", "//example.com/", "javascript:alert(1)"]:
        response = add(client, services[0], next_url)
        assert response["Location"] == PLAN


def test_changes_need_post_and_a_csrf_token(services):
    client = Client(enforce_csrf_checks=True)
    for action in ["dodaj", "usun", "przesun", "wyczysc", "udostepnij"]:
        assert client.get(f"{PLAN}{action}/").status_code == 405
    assert client.post(f"{PLAN}dodaj/", {"service": services[0].pk}).status_code == 403
    page = client.get("/pl/uslugi/")
    token = soup(page).select_one("form.plan-add input[name=csrfmiddlewaretoken]")["value"]
    response = client.post(
        f"{PLAN}dodaj/", {"service": services[0].pk, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert plan_names(client) == ["Usługi opiekuńcze"]


def test_the_plan_has_no_field_for_the_family(services, client):
    add(client, services[0])
    html = soup(client.get(PLAN))
    assert pl("Only services, nothing about the family.") in text(html.select_one(".plan-privacy"))
    typed = html.select("main textarea, main input:not([type=hidden]):not([type=search])")
    assert typed == []
    stored = {field.name for field in HelpPlan._meta.get_fields()}
    assert stored == {"id", "token", "service_ids", "created_at"}


def test_print_view(services, client):
    add(client, services[2])
    add(client, services[0])
    response = client.get(f"{PLAN}druk/")
    html = soup(response)
    assert [text(h2.a) for h2 in html.select(".plan-item__title")] == [
        "Zasiłki",
        "Usługi opiekuńcze",
    ]
    assert html.select_one(".plan-privacy")
    assert "41 381 00 00" in text(html.select_one(".plan-list"))
    assert html.select_one("button[data-print]").has_attr("hidden")  # shown by the script
    assert html.select(".plan-item form") == []


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_pdf_lists_the_services_in_order(services, client):
    add(client, services[1])
    add(client, services[0])
    response = client.get(f"{PLAN}pdf/")
    assert 'filename="plan-pomocy.pdf"' in response["Content-Disposition"]
    reader, content = pdf_text(response)
    assert reader.metadata.title == "Plan pomocy"
    assert content.index("Świetlica dla dzieci") < content.index("Usługi opiekuńcze")
    assert "GOPS w Oksie" in content and "Stowarzyszenie Razem" in content
    assert "ul. Główna 2, 28-363 Oksa, gmina Oksa" in content
    assert "wymagane skierowanie" in content
    assert pl("The plan lists services only and holds no data about any person.") in content


def test_pdf_in_english(services):
    with translation.override("en"):
        pdf = helpplan.build_pdf([services[0]])
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Help plan"
    assert "free of charge" in reader.pages[0].extract_text()


def test_share_link_is_read_only_and_fixed(services, client):
    add(client, services[2])
    add(client, services[0])
    response = client.post(f"{PLAN}udostepnij/")
    shared = HelpPlan.objects.get()
    assert shared.service_ids == [services[2].pk, services[0].pk]
    assert response["Location"] == f"{PLAN}{shared.token}/"
    html = soup(client.get(response["Location"]))
    assert [text(h2.a) for h2 in html.select(".plan-item__title")] == [
        "Zasiłki",
        "Usługi opiekuńcze",
    ]
    assert html.select("main form") == []
    assert html.select_one("#plan-share-url")["value"] == f"http://testserver{PLAN}{shared.token}/"
    assert html.select_one("meta[name=robots]")["content"] == "noindex"
    # a later change of the session's plan does not change what was shared
    client.post(f"{PLAN}wyczysc/")
    stranger = Client()
    html = soup(stranger.get(f"{PLAN}{shared.token}/"))
    assert len(html.select(".plan-item")) == 2
    reader, content = pdf_text(stranger.get(f"{PLAN}{shared.token}/pdf/"))
    assert f"{PLAN}{shared.token}/" in content
    assert content.index("Zasiłki") < content.index("Usługi opiekuńcze")


def test_an_empty_plan_is_not_shared(services, client):
    client.post(f"{PLAN}udostepnij/")
    assert not HelpPlan.objects.exists()


@pytest.mark.parametrize("token", ["nie-ma-takiego", "x" * 40, "%00"])
def test_unknown_share_links_are_not_found(services, client, token):
    assert client.get(f"{PLAN}{token}/").status_code == 404
    assert client.get(f"{PLAN}{token}/pdf/").status_code == 404


def test_tokens_are_not_guessable(services, client):
    add(client, services[0])
    client.post(f"{PLAN}udostepnij/")
    client.post(f"{PLAN}udostepnij/")
    first, second = HelpPlan.objects.values_list("token", flat=True)
    assert first != second
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{16,}", token) for token in (first, second))
