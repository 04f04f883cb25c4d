"""Plans through the API: build, generate, import, edit sessions; and Today's tasks following the plan."""

from __future__ import annotations

import re
from datetime import date, timedelta

from flask import Flask

from tests.builders import Api, UserFactory, new_id, strength_body

TODAY = date.today()  # noqa: DTZ011
MONDAY = TODAY - timedelta(days=TODAY.weekday())


def template_plan(**overrides) -> dict:
    return {
        "race_name": "Test Marathon",
        "race_date": (MONDAY + timedelta(weeks=12, days=6)).isoformat(),
        "start_date": MONDAY.isoformat(),
        "template": ["easy"] * 6 + ["long"],
        "weekly_targets_m": [40_000, 44_000],
        "long_run_day": 6,
        **overrides,
    }


def test_no_plan_is_a_404_until_one_is_built(api: Api) -> None:
    assert api.get("/api/v1/plan").status_code == 404
    response = api.put("/api/v1/plan", template_plan())
    assert response.status_code == 200
    assert api.get("/api/v1/plan").get_json()["race_name"] == "Test Marathon"


def test_a_built_plan_keeps_the_template_and_ends_with_the_race(api: Api) -> None:
    api.put("/api/v1/plan", template_plan())
    end = (MONDAY + timedelta(weeks=13)).isoformat()
    items = api.get(f"/api/v1/plan/sessions?from={MONDAY.isoformat()}&to={end}").get_json()["items"]
    assert items[-1]["kind"] == "race"
    assert items[-1]["date"] == template_plan()["race_date"]
    first_week = [s for s in items if s["date"] < (MONDAY + timedelta(days=7)).isoformat()]
    assert [s["kind"] for s in first_week] == ["easy"] * 6 + ["long"]
    assert abs(sum(s["distance_m"] for s in first_week) - 40_000) <= 70  # each session rounded to 10 m


def test_bad_plan_fields_are_each_named(api: Api) -> None:
    body = template_plan(template=["easy"] * 3, weekly_targets_m=[-5], race_date="2001-01-01", long_run_day=9)
    errors = api.put("/api/v1/plan", body).get_json()["errors"]
    assert {"template", "weekly_targets_m.0", "long_run_day"} <= set(errors)


def test_a_generated_plan_tapers_into_the_race(api: Api) -> None:
    for n in range(1, 29, 2):  # four weeks of history, long runs up to 18 km
        body = {
            "date": (TODAY - timedelta(days=n)).isoformat(),
            "kind": "long" if n % 7 == 1 else "easy",
            "distance_m": 18_000 if n % 7 == 1 else 8_000,
            "duration_s": 3600,
        }
        api.put(f"/api/v1/runs/{new_id()}", body)
    race = MONDAY + timedelta(weeks=16, days=6)
    response = api.post(
        "/api/v1/plan/generate",
        {"race_date": race.isoformat(), "weekly_m": 40_000, "days_per_week": 5, "long_run_day": 6},
    )
    assert response.status_code == 200, response.get_json()
    items = api.get(f"/api/v1/plan/sessions?from={TODAY.isoformat()}&to={race.isoformat()}").get_json()[
        "items"
    ]
    weekly: dict[int, float] = {}
    for s in items:
        if s["kind"] != "race":
            weekly[s["week_index"]] = weekly.get(s["week_index"], 0) + s["distance_m"]
    totals = [weekly[i] for i in sorted(weekly)]
    peak = totals.index(max(totals))
    assert totals[-1] < totals[-2] < totals[peak]
    assert items[-1]["kind"] == "race"


def test_a_race_in_the_past_cannot_be_generated(api: Api) -> None:
    response = api.post("/api/v1/plan/generate", {"race_date": "2020-01-01", "weekly_m": 40_000})
    assert response.status_code == 422
    assert "race_date" in response.get_json()["errors"]


def test_a_csv_imports_whole_or_not_at_all(api: Api) -> None:
    later = (TODAY + timedelta(days=2)).isoformat()
    good = f"date,kind,distance_km,notes\n{TODAY.isoformat()},easy,8,\n{later},long,18,steady\n"
    bad = f"date,kind,distance_km,notes\n{TODAY.isoformat()},easy,8,\nnot-a-date,jog,-3,\n"
    response = api.client.post(
        "/api/v1/plan/import",
        data=bad,
        content_type="text/csv",
        headers={"Authorization": f"Bearer {api.token}"},
    )
    assert response.status_code == 422
    assert any(key.startswith("line 3") for key in response.get_json()["errors"])
    assert api.get("/api/v1/plan").status_code == 404
    response = api.client.post(
        "/api/v1/plan/import",
        data=good,
        content_type="text/csv",
        headers={"Authorization": f"Bearer {api.token}"},
    )
    assert response.status_code == 200
    items = api.get(
        f"/api/v1/plan/sessions?from={TODAY.isoformat()}&to={(TODAY + timedelta(days=7)).isoformat()}"
    ).get_json()["items"]
    assert [(s["kind"], s["distance_m"]) for s in items] == [("easy", 8000), ("long", 18000)]


def test_one_session_is_edited_or_moved(api: Api) -> None:
    api.put("/api/v1/plan", template_plan())
    first = api.get(f"/api/v1/plan/sessions?from={MONDAY.isoformat()}&to={MONDAY.isoformat()}").get_json()[
        "items"
    ][0]
    moved = (MONDAY + timedelta(days=1)).isoformat()
    response = api.put(
        f"/api/v1/plan/sessions/{first['id']}", {"date": moved, "kind": "tempo", "distance_m": 9000}
    )
    assert response.status_code == 200
    assert response.get_json()["edited"] is True
    assert api.put(f"/api/v1/plan/sessions/{new_id()}", {"date": moved, "kind": "easy"}).status_code == 404


def test_another_runners_session_is_a_404(api: Api, app, users) -> None:
    api.put("/api/v1/plan", template_plan())
    first = api.get(f"/api/v1/plan/sessions?from={MONDAY.isoformat()}").get_json()["items"][0]
    other = Api.for_new_user(app, users)
    assert (
        other.put(f"/api/v1/plan/sessions/{first['id']}", {"date": first["date"], "kind": "rest"}).status_code
        == 404
    )


def test_today_follows_the_plan_and_a_red_day_swaps_the_run(api: Api) -> None:
    api.put(
        "/api/v1/plan",
        template_plan(template=["easy"] * 7, start_date=(TODAY - timedelta(days=7)).isoformat()),
    )
    tasks = [t["kind"] for t in api.get("/api/v1/today").get_json()["tasks"]]
    assert tasks[:4] == ["profile", "checkin", "warmup", "run"]  # a new runner is first asked where they are
    api.put(
        f"/api/v1/pain/{new_id()}",
        {
            "date": TODAY.isoformat(),
            "context": "morning",
            "location": "knee_front",
            "side": "left",
            "score": 7,
        },
    )
    body = api.get("/api/v1/today").get_json()
    assert body["state"] == "red"
    kinds = [t["kind"] for t in body["tasks"]]
    assert "run" not in kinds
    assert "strides" not in kinds
    assert "cross_training" in kinds
    swap = next(t for t in body["tasks"] if t["kind"] == "cross_training")
    assert swap["planned"]["kind"] == "easy"


def test_strength_logged_earlier_in_the_week_counts_so_no_third_block_comes_the_day_after_the_second(
    api: Api,
) -> None:
    # Rest on Monday, Wednesday and Friday: a whole-week schedule would lift on Monday and Friday.
    last_monday = MONDAY - timedelta(days=7)
    template = ["rest", "easy", "rest", "easy", "rest", "easy", "long"]
    api.put("/api/v1/plan", template_plan(template=template, start_date=last_monday.isoformat()))

    def strength_on(day: date) -> bool:
        tasks = api.get(f"/api/v1/today?date={day.isoformat()}").get_json()["tasks"]
        return any(t["kind"] == "strength" for t in tasks)

    monday, tuesday, thursday, friday = (last_monday + timedelta(days=n) for n in (0, 1, 3, 4))
    assert strength_on(monday) and strength_on(friday)  # the plan as scheduled before anything was logged
    for day in (tuesday, thursday):  # the runner lifted on other days instead: two blocks, 48 h apart
        assert api.put(f"/api/v1/strength/{new_id()}", strength_body(date=day.isoformat())).status_code == 201
    assert not strength_on(friday)  # the week's two are done, and Friday is 24 h after Thursday's


def import_csv(api: Api, text: str) -> None:
    response = api.client.post(
        "/api/v1/plan/import",
        data=text,
        content_type="text/csv",
        headers={"Authorization": f"Bearer {api.token}"},
    )
    assert response.status_code == 200, response.get_json()


def test_a_planned_run_more_than_twice_the_longest_recent_one_is_refused_unless_the_runner_overrides(
    api: Api,
) -> None:
    """coach-rules.md S2: > 2.0 x the longest run of the last 30 days, the plan refuses it unless the runner
    overrides. An imported plan can ask for it; Today offers 1.10 x instead, and the override restores it."""
    for n, km in ((12, 8), (9, 10), (5, 8), (2, 6)):
        day = (TODAY - timedelta(days=n)).isoformat()
        run = {"date": day, "kind": "easy", "distance_m": km * 1000, "duration_s": km * 330}
        assert api.put(f"/api/v1/runs/{new_id()}", run).status_code == 201
    import_csv(api, f"date,kind,distance_km,notes\n{TODAY.isoformat()},long,22,long and steady\n")
    body = api.get("/api/v1/today").get_json()
    run_task = next(t for t in body["tasks"] if t["key"] == "run")
    assert run_task["prescribed"]["distance_m"] == 11_000, "1.10 x the 10.0 km reference"
    assert run_task["prescribed"]["refused_distance_m"] == 22_000
    assert run_task["prescribed"]["spike_override"] is False
    assert [(a["kind"], a["rule"]) for a in body["alerts"]] == [("spike_run", "S2")]
    assert "2.20 × your longest run of the last 30 days (10.0 km)" in body["alerts"][0]["message"]

    session_id = run_task["prescribed"]["session_id"]
    edit = {"date": TODAY.isoformat(), "kind": "long", "distance_m": 22_000, "spike_override": True}
    response = api.put(f"/api/v1/plan/sessions/{session_id}", edit)
    assert response.status_code == 200 and response.get_json()["spike_override"] is True
    body = api.get("/api/v1/today").get_json()
    run_task = next(t for t in body["tasks"] if t["key"] == "run")
    assert run_task["prescribed"]["distance_m"] == 22_000
    assert run_task["prescribed"]["refused_distance_m"] is None
    assert run_task["prescribed"]["spike_override"] is True
    assert "You chose to run the planned distance anyway" in body["alerts"][0]["message"]

    bad = api.put(f"/api/v1/plan/sessions/{session_id}", {**edit, "spike_override": "yes"})
    assert bad.status_code == 422 and "spike_override" in bad.get_json()["errors"]


def test_a_runner_short_of_the_base_gets_a_plan_a_plain_warning_and_two_alternatives(api: Api) -> None:
    body = {
        "race_date": (TODAY + timedelta(days=28)).isoformat(),
        "race_distance_m": 42_195.0,
        "weekly_m": 12_000.0,
        "days_per_week": 3,
    }
    made = api.post("/api/v1/plan/generate", body)
    assert made.status_code == 200, made.get_json()
    answer = made.get_json()
    [base] = [w["reason"] for w in answer["warnings"] if w["reason"].startswith("Your longest run peaks")]
    assert "Your longest run peaks at" in base
    assert "S2" in [w["rule"] for w in answer["warnings"]], "the race's size is still said"
    half, later = answer["alternatives"]
    assert half["race_distance_m"] == 21_097.5 and half["race_date"] == body["race_date"]
    assert later["race_distance_m"] == 42_195.0 and later["race_date"] > body["race_date"]
    assert answer["vdot"] is None and answer["paces"] is None and "effort" in answer["fitness_note"]


def test_a_runner_in_miles_gets_the_plan_generators_words_in_miles(app: Flask, users: UserFactory) -> None:
    api = Api.for_new_user(app, users, units="mi")
    body = {
        "race_date": (TODAY + timedelta(days=28)).isoformat(),
        "race_distance_m": 42_195.0,
        "weekly_m": 24_140.16,  # 15 mi
        "days_per_week": 4,
    }
    made = api.post("/api/v1/plan/generate", body).get_json()
    [base] = [w["reason"] for w in made["warnings"] if w["reason"].startswith("Your longest run peaks")]
    assert re.search(r"\d mi\b", base) and not re.search(r"\d km\b", base)
    end = (TODAY + timedelta(days=28)).isoformat()
    items = api.get(f"/api/v1/plan/sessions?from={TODAY.isoformat()}&to={end}").get_json()["items"]
    tempo = [s["notes"] for s in items if s["kind"] == "tempo"]
    assert tempo and all(re.search(r"then \d+ mi at", note) for note in tempo), tempo
    assert not any(re.search(r"\d km\b", s["notes"]) for s in items), "no note gives a distance in km"


def test_a_plan_the_runner_builds_is_told_in_their_paces_too(api: Api) -> None:
    race = {"distance_m": 10_000.0, "duration_s": 3000, "date": (TODAY - timedelta(days=10)).isoformat()}
    api.put("/api/v1/profile", {"runs_per_week": 4, "weekly_distance_m": 40_000.0, "recent_race": race})
    plan = api.put(
        "/api/v1/plan", template_plan(template=["rest", "easy", "rest", "tempo", "rest", "easy", "long"])
    )
    assert 39 <= plan.get_json()["vdot"] <= 41
    end = (MONDAY + timedelta(days=6)).isoformat()
    items = api.get(f"/api/v1/plan/sessions?from={MONDAY.isoformat()}&to={end}").get_json()["items"]
    easy = next(s for s in items if s["kind"] == "easy")
    tempo = next(s for s in items if s["kind"] == "tempo")
    assert 350 <= easy["target_pace"]["min_s_per_km"] <= 362 and easy["title"].startswith("Easy")
    assert 300 <= tempo["target_pace"]["min_s_per_km"] <= 310 and tempo["title"].startswith("Threshold")
    assert easy["duration_s"] > 0 and tempo["structure"][0]["kind"] == "warmup"
