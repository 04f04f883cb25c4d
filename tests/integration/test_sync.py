"""POST /api/v1/sync: each op is answered exactly as the single request would be, and applied on its own."""

from __future__ import annotations

from tests.builders import BODIES, Api, new_id


def test_a_batch_creates_each_entry_and_answers_in_order(api: Api) -> None:
    ids = [new_id() for _ in range(3)]
    ops = [
        {"method": "PUT", "path": f"/runs/{ids[0]}", "body": BODIES["runs"]()},
        {"method": "PUT", "path": f"/pain/{ids[1]}", "body": BODIES["pain"]()},
        {"method": "PUT", "path": f"/strength/{ids[2]}", "body": BODIES["strength"]()},
    ]
    results = api.post("/api/v1/sync", {"ops": ops}).get_json()["results"]
    assert [r["status"] for r in results] == [201, 201, 201]
    assert [r["body"]["id"] for r in results] == ids


def test_replaying_a_batch_duplicates_nothing(api: Api) -> None:
    ops = [{"method": "PUT", "path": f"/runs/{new_id()}", "body": BODIES["runs"]()} for _ in range(5)]
    api.post("/api/v1/sync", {"ops": ops})
    again = api.post("/api/v1/sync", {"ops": ops}).get_json()["results"]
    assert {r["status"] for r in again} == {200}
    assert len(api.get("/api/v1/runs").get_json()["items"]) == 5


def test_one_bad_op_does_not_undo_the_others(api: Api) -> None:
    good, bad = new_id(), new_id()
    ops = [
        {"method": "PUT", "path": f"/runs/{good}", "body": BODIES["runs"]()},
        {"method": "PUT", "path": f"/runs/{bad}", "body": BODIES["runs"](distance_m=-1)},
        {"method": "PATCH", "path": f"/runs/{bad}"},
        {"method": "PUT", "path": "/shoes/1", "body": {}},
        "nonsense",
    ]
    results = api.post("/api/v1/sync", {"ops": ops}).get_json()["results"]
    assert [r["status"] for r in results] == [201, 422, 422, 422, 422]
    assert "distance_m" in results[1]["body"]["errors"]
    assert api.get(f"/api/v1/runs/{good}").status_code == 200
    assert api.get(f"/api/v1/runs/{bad}").status_code == 404


def test_each_result_is_what_the_single_request_answers(api: Api) -> None:
    entry_id = new_id()
    api.put(f"/api/v1/runs/{entry_id}", BODIES["runs"]())
    ops = [
        {"method": "PUT", "path": f"/runs/{entry_id}", "body": BODIES["runs"](distance_m=9999)},
        {
            "method": "PUT",
            "path": f"/runs/{entry_id}",
            "if_match": "1",
            "body": BODIES["runs"](distance_m=9999),
        },
        {"method": "DELETE", "path": f"/runs/{entry_id}"},
        {"method": "DELETE", "path": f"/runs/{new_id()}"},
    ]
    results = api.post("/api/v1/sync", {"ops": ops}).get_json()["results"]
    assert [r["status"] for r in results] == [412, 200, 204, 404]
    assert results[0]["body"]["distance_m"] == 8000
    assert results[1]["body"]["version"] == 2


def test_more_than_500_ops_is_refused_whole(api: Api) -> None:
    ops = [{"method": "PUT", "path": f"/runs/{new_id()}", "body": BODIES["runs"]()} for _ in range(501)]
    response = api.post("/api/v1/sync", {"ops": ops})
    assert response.status_code == 422
    assert api.get("/api/v1/runs").get_json()["items"] == []


def test_a_batch_without_ops_is_a_422(api: Api) -> None:
    assert api.post("/api/v1/sync", {"op": []}).status_code == 422
