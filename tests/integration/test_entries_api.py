"""The idempotent entry API of api.md: PUT by client UUID, If-Match edits, tombstones, lists."""

from __future__ import annotations

import pytest

from tests.builders import BODIES, Api, days_ago, new_id

KINDS = list(BODIES)


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_id_is_created_with_201_and_etag_1(api: Api, kind: str) -> None:
    entry_id = new_id()
    response = api.put(f"/api/v1/{kind}/{entry_id}", BODIES[kind]())
    assert response.status_code == 201
    assert response.headers["ETag"] == '"1"'
    body = response.get_json()
    assert body["id"] == entry_id
    assert body["version"] == 1
    assert body["deleted"] is False
    assert body["created_at"].endswith("+00:00")


@pytest.mark.parametrize("kind", KINDS)
def test_a_second_identical_put_does_not_duplicate_the_entry(api: Api, kind: str) -> None:
    entry_id = new_id()
    first = api.put(f"/api/v1/{kind}/{entry_id}", BODIES[kind]())
    again = api.put(f"/api/v1/{kind}/{entry_id}", BODIES[kind]())
    assert again.status_code == 200
    assert again.get_json() == first.get_json()
    items = api.get(f"/api/v1/{kind}").get_json()["items"]
    assert [item["id"] for item in items] == [entry_id]


def test_a_changed_body_without_if_match_is_refused_with_the_stored_entry(api: Api) -> None:
    entry_id = new_id()
    api.put(f"/api/v1/runs/{entry_id}", BODIES["runs"](distance_m=8000))
    response = api.put(f"/api/v1/runs/{entry_id}", BODIES["runs"](distance_m=9000))
    assert response.status_code == 412
    assert response.get_json()["distance_m"] == 8000
    assert api.get(f"/api/v1/runs/{entry_id}").get_json()["distance_m"] == 8000


def test_an_edit_with_the_current_version_updates_and_bumps_the_version(api: Api) -> None:
    entry_id = new_id()
    api.put(f"/api/v1/runs/{entry_id}", BODIES["runs"]())
    response = api.put(f"/api/v1/runs/{entry_id}", BODIES["runs"](distance_m=10_000), if_match="1")
    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'
    assert response.get_json()["distance_m"] == 10_000
    stale = api.put(f"/api/v1/runs/{entry_id}", BODIES["runs"](distance_m=11_000), if_match="1")
    assert stale.status_code == 412
    assert stale.get_json()["version"] == 2


def test_unknown_fields_are_ignored(api: Api) -> None:
    response = api.put(f"/api/v1/runs/{new_id()}", {**BODIES["runs"](), "colour": "blue"})
    assert response.status_code == 201
    assert "colour" not in response.get_json()


@pytest.mark.parametrize("kind", KINDS)
def test_delete_leaves_a_tombstone_and_is_idempotent(api: Api, kind: str) -> None:
    entry_id = new_id()
    api.put(f"/api/v1/{kind}/{entry_id}", BODIES[kind]())
    assert api.delete(f"/api/v1/{kind}/{entry_id}").status_code == 204
    assert api.delete(f"/api/v1/{kind}/{entry_id}").status_code == 204
    assert api.get(f"/api/v1/{kind}/{entry_id}").status_code == 404
    assert api.get(f"/api/v1/{kind}").get_json()["items"] == []
    changed = api.get(f"/api/v1/{kind}?updated_since=2000-01-01T00:00:00%2B00:00").get_json()["items"]
    assert [(i["id"], i["deleted"]) for i in changed] == [(entry_id, True)]


def test_a_stale_edit_cannot_resurrect_a_deleted_entry(api: Api) -> None:
    entry_id = new_id()
    api.put(f"/api/v1/runs/{entry_id}", BODIES["runs"]())
    api.delete(f"/api/v1/runs/{entry_id}")
    response = api.put(f"/api/v1/runs/{entry_id}", BODIES["runs"](distance_m=5000), if_match="1")
    assert response.status_code == 412
    assert response.get_json()["deleted"] is True


def test_deleting_an_unknown_id_is_404(api: Api) -> None:
    assert api.delete(f"/api/v1/runs/{new_id()}").status_code == 404


def test_lists_are_newest_first_and_filter_by_date(api: Api) -> None:
    ids = {}
    for n in (5, 1, 3):
        ids[n] = new_id()
        api.put(f"/api/v1/runs/{ids[n]}", BODIES["runs"](date=days_ago(n)))
    items = api.get("/api/v1/runs").get_json()["items"]
    assert [i["id"] for i in items] == [ids[1], ids[3], ids[5]]
    window = api.get(f"/api/v1/runs?from={days_ago(4)}&to={days_ago(2)}").get_json()["items"]
    assert [i["id"] for i in window] == [ids[3]]


def test_the_cursor_walks_every_entry_exactly_once(api: Api) -> None:
    made = set()
    for n in range(7):
        entry_id = new_id()
        made.add(entry_id)
        api.put(f"/api/v1/pain/{entry_id}", BODIES["pain"](date=days_ago(n % 3)))
    seen: list[str] = []
    url = "/api/v1/pain?limit=3"
    while True:
        page = api.get(url).get_json()
        seen += [i["id"] for i in page["items"]]
        if not page["next_cursor"]:
            break
        url = f"/api/v1/pain?limit=3&cursor={page['next_cursor']}"
    assert len(seen) == 7
    assert set(seen) == made


def test_updated_since_lists_changes_after_the_given_time(api: Api) -> None:
    first = new_id()
    api.put(f"/api/v1/runs/{first}", BODIES["runs"]())
    stamp = api.get(f"/api/v1/runs/{first}").get_json()["updated_at"]
    second = new_id()
    api.put(f"/api/v1/runs/{second}", BODIES["runs"]())
    changed = api.get("/api/v1/runs", query_string={"updated_since": stamp}).get_json()["items"]
    assert [i["id"] for i in changed] == [second]


def test_two_runners_may_use_the_same_uuid_without_seeing_each_other(api: Api, app, users) -> None:
    other = Api.for_new_user(app, users)
    entry_id = new_id()
    assert api.put(f"/api/v1/runs/{entry_id}", BODIES["runs"](distance_m=5000)).status_code == 201
    assert other.put(f"/api/v1/runs/{entry_id}", BODIES["runs"](distance_m=7000)).status_code == 201
    assert api.get(f"/api/v1/runs/{entry_id}").get_json()["distance_m"] == 5000
    assert other.get(f"/api/v1/runs/{entry_id}").get_json()["distance_m"] == 7000


def test_a_pain_entry_keeps_its_flags_and_link_to_a_run(api: Api) -> None:
    run_id = new_id()
    api.put(f"/api/v1/runs/{run_id}", BODIES["runs"]())
    body = BODIES["pain"](
        context="during_run", flags=["swelling", "sharp"], run_id=run_id, settled_within_60min=False
    )
    stored = api.put(f"/api/v1/pain/{new_id()}", body).get_json()
    assert stored["flags"] == ["sharp", "swelling"]
    assert stored["run_id"] == run_id
    assert stored["settled_within_60min"] is False


def test_an_older_schema_version_is_accepted(api: Api) -> None:
    response = api.put(f"/api/v1/runs/{new_id()}", {**BODIES["runs"](), "schema_version": 1})
    assert response.status_code == 201
