"""One module registers the app's error handlers: API paths answer problem+json, pages their HTML template."""

from __future__ import annotations


def test_an_unknown_api_path_answers_a_problem_and_an_unknown_page_the_html_template(client) -> None:
    api = client.get("/api/v1/no-such-thing")
    page = client.get("/no-such-page")
    assert api.status_code == 404 and api.mimetype == "application/problem+json"
    assert api.get_json()["status"] == 404
    assert page.status_code == 404 and page.mimetype == "text/html"


def test_a_wrong_method_on_an_api_path_names_the_allowed_ones(client) -> None:
    response = client.post("/api/v1/today")
    assert response.status_code == 405 and response.mimetype == "application/problem+json"
    assert "GET" in response.headers["Allow"]
