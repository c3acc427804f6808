import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/admin/snippets/catalog/institution/edit/999999/",
        "/api/v1/no-such-endpoint/",
        "/django-admin/portal/user/999999/change/nothing/",
    ],
)
def test_unknown_unprefixed_paths_answer_404_without_a_language_redirect(admin_client, site, path):
    response = admin_client.get(path)
    assert response.status_code == 404


@pytest.mark.django_db
def test_unknown_page_paths_still_go_to_the_polish_site(client, site):
    response = client.get("/no-such-page/")
    assert response.status_code == 302
    assert response["Location"] == "/pl/no-such-page/"
