"""Time expressions: date or duration, and their ISO 8601 values."""

from __future__ import annotations

import pytest

from workers.stages.entities import timex as dates


@pytest.mark.parametrize("text", ["March 1987", "2011", "the 1960s", "the 19th century", "last year", "today",
                                  "two years ago", "Thursday", "3 May 1950", "this weekend", "3200 BCE"])
def test_calendar_expressions_are_dates(text):
    assert dates.kind(text) == "DATE"


@pytest.mark.parametrize("text", ["more than 60 years", "three months", "90 days", "several years", "the past 24 hours",
                                  "decades", "a year"])
def test_lengths_of_time_are_durations(text):
    assert dates.kind(text) == "DURATION"


@pytest.mark.parametrize("text", ["year", "the season", "daily", "14-year-old", "first half", "10"])
def test_time_nouns_ages_and_plain_numbers_are_not_entities(text):
    assert dates.kind(text) is None


@pytest.mark.parametrize("text,value", [
    ("March 1987", "1987-03"), ("3 May 1950", "1950-05-03"), ("May 3, 1950", "1950-05-03"), ("2011", "2011"),
    ("the 1960s", "1960/1969"), ("the 19th century", "1801/1900"), ("the twentieth century", "1901/2000"),
    ("June 3", "--06-03"), ("last year", None), ("today", None), ("500 BC", "-0499"),
])
def test_iso_values(text, value):
    assert dates.value(text) == value


@pytest.mark.parametrize("text,value", [("three years", "P3Y"), ("90 days", "P90D"), ("two decades", "P20Y"),
                                        ("six hours", "PT6H"), ("several months", None)])
def test_duration_values(text, value):
    assert dates.duration_value(text) == value


def test_range_splits_only_when_each_side_is_a_date():
    t = "1922 - 2013"
    assert [t[a:b] for a, b in dates.split_range(t)] == ["1922", "2013"]
    t = "between April and October"
    assert [t[a:b] for a, b in dates.split_range(t)] == ["April", "October"]
    t = "June 3, 2010"
    assert dates.split_range(t) == [(0, len(t))]
    t = "two to three years"
    assert dates.split_range(t) == [(0, len(t))]


def test_trim_cuts_hedges_and_citation_names():
    assert dates.trim("c. 1818") == (3, 7)
    t = "Smith 2014"
    s, e = dates.trim(t)
    assert t[s:e] == "2014"


def test_a_past_period_without_a_count_is_a_date():
    assert dates.kind("the past century") == "DATE"
    assert dates.kind("the past 24 hours") == "DURATION"


def test_an_ordinal_day_with_a_year_gives_the_full_date_not_an_error():
    # "3rd" once reached int() whole and raised, failing the page.
    assert dates.value("October 2nd, 1997") == "1997-10-02"
    assert dates.value("the 21st of June 2004") == "2004-06-21"


def test_a_number_before_an_era_in_capitals_is_a_year_and_before_the_word_ad_is_not():
    from tests.unit.entity_mentions import refined

    assert ("410 AD", "DATE") in refined(["The hall was rebuilt in 410 AD by the town."], [])
    assert not refined(["The firm now serves over 300 ad networks and agencies."], [])
