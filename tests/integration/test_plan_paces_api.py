"""Plans as a runner follows them, through the API (api.md): paces, VDOT, the predicted time, what each
session says, and the 422s that name their field."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.builders import Api, new_id, run_body

TODAY = date.today()  # noqa: DTZ011


def body(**overrides: object) -> dict[str, object]:
    return {
        "race_date": (TODAY + timedelta(weeks=16)).isoformat(),
        "race_distance_m": 42_195.0,
        "weekly_m": 40_000.0,
        "runs_per_week": 5,
        "long_run_day": 6,
        "recent_race": {
            "distance_m": 10_000.0,
            "duration_s": 3000,
            "date": (TODAY - timedelta(days=5)).isoformat(),
        },
        **overrides,
    }


def test_a_generated_plan_carries_paces_vdot_and_the_predicted_race_time(api: Api) -> None:
    made = api.post("/api/v1/plan/generate", body())
    assert made.status_code == 200, made.get_json()
    answer = made.get_json()
    assert 39.5 <= answer["vdot"] <= 40.5
    assert 3 * 3600 + 48 * 60 <= answer["predicted_race_s"] <= 3 * 3600 + 51 * 60
    assert set(answer["paces"]) == {"easy", "marathon", "threshold", "interval", "repetition"}
    easy = answer["paces"]["easy"]
    assert abs(easy["min_s_per_km"] - 356) <= 3 and abs(easy["max_s_per_km"] - 398) <= 3
    assert api.get("/api/v1/plan").get_json()["vdot"] == answer["vdot"]


def test_every_planned_session_says_its_title_structure_duration_and_pace(api: Api) -> None:
    api.post("/api/v1/plan/generate", body())
    end = (TODAY + timedelta(weeks=20)).isoformat()
    items = api.get(f"/api/v1/plan/sessions?from={TODAY.isoformat()}&to={end}").get_json()["items"]
    assert items
    for item in items:
        assert item["title"] and item["structure"] and item["duration_s"] > 0
        assert item["target_pace"]["min_s_per_km"] <= item["target_pace"]["max_s_per_km"]
        for step in item["structure"]:
            assert step["kind"] in {"warmup", "run", "recovery", "cooldown", "strides"}
            assert step["pace"] in {"easy", "marathon", "threshold", "interval", "repetition"}
            assert ("distance_m" in step) != ("duration_s" in step) and step["repeat"] >= 1
    assert any(item["title"].startswith("Threshold") for item in items)


def test_weekly_m_is_not_needed_when_the_profile_gives_it(api: Api) -> None:
    profile = {"runs_per_week": 4, "weekly_distance_m": 40_000.0, "longest_run_m": 14_000.0}
    assert api.put("/api/v1/profile", profile).status_code in (200, 201)
    made = api.post("/api/v1/plan/generate", body(weekly_m=None, recent_race=None, days_per_week=4))
    assert made.status_code == 200, made.get_json()
    sessions = api.get(
        f"/api/v1/plan/sessions?from={TODAY.isoformat()}&to={(TODAY + timedelta(days=13)).isoformat()}"
    )
    items = sessions.get_json()["items"]
    assert any(s["kind"] == "long" and s["distance_m"] >= 14_000 for s in items), items


def test_without_history_profile_or_weekly_m_the_answer_names_weekly_m(api: Api) -> None:
    refused = api.post("/api/v1/plan/generate", body(weekly_m=None))
    assert refused.status_code == 422 and "weekly_m" in refused.get_json()["errors"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"runs_per_week": 0}, "runs_per_week"),
        ({"race_date": (TODAY - timedelta(days=1)).isoformat()}, "race_date"),
        ({"race_date": "2027-02-30"}, "race_date"),
        (
            {"recent_race": {"distance_m": 10_000.0, "duration_s": 1200, "date": TODAY.isoformat()}},
            "recent_race",
        ),
        (
            {
                "recent_race": {
                    "distance_m": 10_000.0,
                    "duration_s": 3000,
                    "date": (TODAY + timedelta(days=3)).isoformat(),
                }
            },
            "recent_race.date",
        ),
        ({"rest_days": [6]}, "long_run_day"),
        ({"rest_days": [0, 1, 2], "runs_per_week": 5}, "rest_days"),
    ],
)
def test_impossible_inputs_are_a_422_naming_the_field(
    api: Api, changes: dict[str, object], field: str
) -> None:
    refused = api.post("/api/v1/plan/generate", body(**changes))
    assert refused.status_code == 422, refused.get_json()
    errors = refused.get_json()["errors"]
    assert any(key == field or key.startswith(field) for key in errors), errors
    assert api.get("/api/v1/plan").status_code == 404, "nothing made"


def test_a_logged_race_sets_the_paces_of_every_session_after_it_with_a_note(api: Api) -> None:
    api.post("/api/v1/plan/generate", body())
    end = (TODAY + timedelta(weeks=20)).isoformat()
    before = api.get(f"/api/v1/plan/sessions?from={TODAY.isoformat()}&to={end}").get_json()["items"]
    race = run_body(date=TODAY.isoformat(), kind="race", distance_m=10_000.0, duration_s=2700, rpe=9)
    logged = api.put(f"/api/v1/runs/{new_id()}", race)
    assert logged.status_code in (200, 201), logged.get_json()
    plan = api.get("/api/v1/plan").get_json()
    assert 44.0 <= plan["vdot"] <= 45.5 and "Paces updated from your 10K race" in plan["fitness_note"]
    after = api.get(f"/api/v1/plan/sessions?from={TODAY.isoformat()}&to={end}").get_json()["items"]
    old = {s["id"]: s for s in before}
    later = [s for s in after if s["date"] > TODAY.isoformat()]
    assert later and all(
        s["target_pace"]["min_s_per_km"] < old[s["id"]]["target_pace"]["min_s_per_km"] for s in later
    )
