"""Entity rules on mentions built by hand, so no model output is assumed."""

from __future__ import annotations

from workers.stages.entities.model import chunks
from tests.unit.entity_mentions import KNOWN, labelled, mention
from workers.stages.entities.rules import Mention, refine, resolve, trim_name


def test_trim_cuts_determiners_titles_and_possessives():
    t = "the Deputy Minister Helmut Brandt's visit"
    s, e = trim_name(t, 0, len("the Deputy Minister Helmut Brandt's"), "PERSON")
    assert t[s:e] == "Helmut Brandt"
    t2 = "these United Provinces"
    s, e = trim_name(t2, 0, len(t2), "GPE")
    assert t2[s:e] == "United Provinces"


def test_place_the_model_took_for_a_person_becomes_a_place():
    texts = ["We took the train to Łódź. Łódź has a fine old town and trams run all over Łódź."]
    ms = [mention(texts, "Łódź", "PERSON", nth=i) for i in range(3)]
    out = refine(ms, texts)
    assert labelled(out, texts) == [("Łódź", "GPE")] * 3
    assert out[0].country == "PL" or out[0].country is None


def test_surname_of_a_person_on_the_page_is_not_made_a_place():
    texts = ["Ludwig Norden lived in Fresno. Norden declared himself king."]
    ms = [mention(texts, "Ludwig Norden", "PERSON"), mention(texts, "Fresno", "GPE"),
          mention(texts, "Norden", "ORG", nth=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("Norden", "PERSON") in out


def test_surname_the_model_missed_is_added_as_a_person():
    texts = ["Maria Kowalczyk won the race.", "Kowalczyk thanked her coach; Kowalczyk's time was a record."]
    out = refine([mention(texts, "Maria Kowalczyk", "PERSON")], texts)
    assert labelled(out, texts).count(("Kowalczyk", "PERSON")) == 2
    assert len({m.ref for m in out if m.label == "PERSON"}) == 1


def test_lowercase_word_is_not_spread_as_a_name():
    texts = ["Will Turner sailed away.", "They will return. Turner said so."]
    out = labelled(refine([mention(texts, "Will Turner", "PERSON")], texts), texts)
    assert ("Turner", "PERSON") in out
    assert ("Will", "PERSON") not in out


def test_acronym_defined_in_brackets_takes_the_label_of_its_long_form():
    texts = ["The Organisation for Tidal Research (OTR) met today.", "Later the OTR published a report."]
    out = refine([mention(texts, "Organisation for Tidal Research", "ORG")], texts)
    got = labelled(out, texts)
    assert got.count(("OTR", "ORG")) == 2
    refs = {m.ref for m in out if m.label == "ORG"}
    assert len(refs) == 1


def test_acronym_the_model_called_a_place_is_an_organisation():
    texts = ["Fighters of the XYZF attacked the town."]
    out = labelled(refine([mention(texts, "XYZF", "GPE")], texts), texts)
    assert out == [("XYZF", "ORG")]


def test_name_ending_in_an_event_noun_is_an_event_with_its_ordinal():
    texts = ["She won a prize at the 33rd Tromso International Kite Festival."]
    out = labelled(refine([mention(texts, "Tromso International Kite Festival", "ORG")], texts), texts)
    assert out == [("33rd Tromso International Kite Festival", "EVENT")]


def test_congress_is_a_standing_body_unless_something_says_it_is_a_meeting():
    texts = ["The Peruvian Congress passed the bill, and the 12th Federal Congress and the World Congress met in May."]
    ms = [mention(texts, "Peruvian Congress", "EVENT"), mention(texts, "Federal Congress", "ORG"), mention(texts, "World Congress", "ORG")]
    out = labelled(refine(ms, texts), texts)
    assert ("Peruvian Congress", "ORG") in out
    assert ("12th Federal Congress", "EVENT") in out and ("World Congress", "EVENT") in out


def test_a_forum_spoken_at_or_held_in_a_place_is_a_meeting_and_one_that_speaks_a_body():
    texts = ["She spoke at the Tarvo Ports Forum in May, and delegates met at the Orvane Energy Forum in Lisbon.",
             "The Selvik Islands Forum said it would act."]
    ms = [mention(texts, "Tarvo Ports Forum", "ORG"), mention(texts, "Orvane Energy Forum", "ORG"),
          mention(texts, "Selvik Islands Forum", "ORG", seg=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("Tarvo Ports Forum", "EVENT") in out and ("Orvane Energy Forum", "EVENT") in out
    assert ("Selvik Islands Forum", "ORG") in out


def test_a_name_opened_by_a_word_for_a_fair_or_a_cup_in_another_language_is_an_event():
    texts = ["Crowds filled the square for the Pesta Laut Tarvo, and Selvik won the Cupa Orvane on Sunday."]
    ms = [mention(texts, "Pesta Laut Tarvo", "ORG"), mention(texts, "Cupa Orvane", "PERSON")]
    out = labelled(refine(ms, texts), texts)
    assert ("Pesta Laut Tarvo", "EVENT") in out and ("Cupa Orvane", "EVENT") in out, out


def test_storm_name_is_an_event():
    texts = ["Cyclone Amelie hit the coast."]
    out = labelled(refine([mention(texts, "Cyclone Amelie", "PERSON")], texts), texts)
    assert out == [("Cyclone Amelie", "EVENT")]


def test_given_name_and_surname_labelled_organisation_is_a_person():
    texts = ["The envoy Marta Kowalska spoke to reporters."]
    out = labelled(refine([mention(texts, "Marta Kowalska", "ORG")], texts), texts)
    assert out == [("Marta Kowalska", "PERSON")]


def test_name_introduced_with_its_birth_date_is_a_person_and_so_is_its_surname_later():
    # Neither "Torvald" nor "Quill" is in the given-name list; "(born ..." is what says person.
    texts = ["Torvald Quill (born 3 May 1971) is a Norwegian luthier.", "In 1990 Quill opened a workshop."]
    ms = [mention(texts, "Torvald Quill", "ORG"), mention(texts, "Quill", "ORG", seg=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("Torvald Quill", "PERSON") in out and ("Quill", "PERSON") in out
    assert not [t for t, lab in out if lab == "ORG"]


def test_organisation_followed_by_a_bracket_that_is_no_birth_note_stays_an_organisation():
    texts = ["Quill Brothers (founded 1971) makes guitars."]
    out = labelled(refine([mention(texts, "Quill Brothers", "ORG")], texts), texts)
    assert ("Quill Brothers", "ORG") in out


def test_organisation_with_an_organisation_head_stays_an_organisation():
    texts = ["He joined Maria Lopez University in 2001."]
    out = labelled(refine([mention(texts, "Maria Lopez University", "ORG")], texts), texts)
    assert ("Maria Lopez University", "ORG") in out


def test_citation_taken_for_an_organisation_gives_its_authors():
    texts = ["Muscles work as springs (Halvorsen & Berg, 1999)."]
    out = labelled(refine([mention(texts, "Halvorsen & Berg", "ORG")], texts), texts)
    assert ("Halvorsen", "PERSON") in out and ("Berg", "PERSON") in out
    assert not any(label == "ORG" for _, label in out)


def test_name_before_a_year_is_an_author_only_when_nothing_capitalised_runs_into_it():
    texts = ["As Okafor (2008) showed, springs store work.",
             "Her films include Quiet Harbour (2004) and the drama Winter Gallows (2009).",
             "The sociologist Ana Lindqvist (1971) disagreed."]
    ms = [mention(texts, "Quiet Harbour", "WORK_OF_ART", seg=1), mention(texts, "Winter Gallows", "WORK_OF_ART", seg=1),
          mention(texts, "Ana Lindqvist", "PERSON", seg=2)]
    out = labelled(refine(ms, texts), texts)
    assert ("Okafor", "PERSON") in out
    assert ("Harbour", "PERSON") not in out and ("Gallows", "PERSON") not in out
    assert ("Ana Lindqvist", "PERSON") in out and ("Lindqvist", "PERSON") not in out


def test_a_name_after_an_article_before_a_year_is_no_cited_author():
    texts = ["Her first role was in the Lanterns (2011), a ghost story.", "The method follows Okafor (2008) closely."]
    out = labelled(refine([], texts), texts)
    assert ("Lanterns", "PERSON") not in out
    assert ("Okafor", "PERSON") in out


def test_known_place_after_in_before_a_year_stays_a_place_but_a_cited_author_after_from_is_a_person():
    texts = ["She lectured at the university in Denmark (1925) and again in Portugal (1927).",
             "The figures come from Jordan (1989) and were checked again."]
    ms = [mention(texts, "Denmark", "GPE"), mention(texts, "Portugal", "GPE"), mention(texts, "Jordan", "GPE", seg=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("Denmark", "GPE") in out and ("Portugal", "GPE") in out
    assert ("Jordan", "PERSON") in out


def test_role_opening_a_transcript_line_is_no_person_but_a_named_speaker_is():
    texts = ["MODERATOR: Next, please.\nSECRETARY OKAFOR: Thank you all.\nQuestion : Will the talks go on?"]
    ms = [mention(texts, "MODERATOR", "PERSON"), mention(texts, "OKAFOR", "PERSON"), mention(texts, "Question", "PERSON")]
    out = labelled(refine(ms, texts), texts)
    assert ("MODERATOR", "PERSON") not in out and ("Question", "PERSON") not in out
    assert ("OKAFOR", "PERSON") in out


def test_role_word_inside_a_sentence_keeps_the_model_label():
    texts = ["Thanks to Operator: the band from Kestrelford played last."]
    ms = [mention(texts, "Operator", "PERSON")]
    assert ("Operator", "PERSON") in labelled(refine(ms, texts), texts)


def test_place_noun_at_the_end_makes_a_place():
    texts = ["We stayed at the Seaview Hotel near Kingston Harbour."]
    out = labelled(refine([mention(texts, "Seaview Hotel", "PERSON"), mention(texts, "Kingston Harbour", "ORG")], texts), texts)
    assert out == [("Seaview Hotel", "FAC"), ("Kingston Harbour", "LOC")]


def test_secretary_of_state_holds_no_organisation_but_department_of_justice_is_one():
    texts = ["The Secretary of State spoke.", "The Department of Justice agreed."]
    out = labelled(refine([mention(texts, "State", "ORG"), mention(texts, "Justice", "ORG", seg=1)], texts), texts)
    assert out == [("Department of Justice", "ORG")]


def test_big_city_and_country_the_model_missed_are_found():
    texts = ["Flights leave for Istanbul twice a week, and for Peru once."]
    out = labelled(refine([], texts), texts)
    assert ("Istanbul", "GPE") in out and ("Peru", "GPE") in out


def test_untagged_today_and_era_dates_are_found():
    texts = ["The site was settled around 3200 BCE and is still visited today."]
    out = refine([mention(texts, "BCE", "ORG")], texts)
    got = labelled(out, texts)
    assert ("3200 BCE", "DATE") in got and ("today", "DATE") in got


def test_date_range_is_split_into_its_dates():
    texts = ["The season runs from April to October."]
    out = refine([mention(texts, "April to October", "DATE")], texts)
    assert [(m.text(texts), m.value) for m in out] == [("April", None), ("October", None)]


def test_bare_time_noun_and_age_are_dropped():
    texts = ["The year was hard for the 14-year-old."]
    out = refine([mention(texts, "year", "DATE"), mention(texts, "14-year-old", "DATE")], texts)
    assert out == []


def test_part_of_day_joins_its_weekday():
    texts = ["We met on Sunday evening."]
    out = labelled(refine([mention(texts, "Sunday", "DATE")], texts), texts)
    assert out == [("Sunday evening", "DATE")]


def test_name_never_runs_across_a_line_break():
    texts = ["2.\nSoutheast Asia"]
    out = labelled(refine([Mention(0, 0, len(texts[0]), "LOC")], texts), texts)
    assert out == [("Southeast Asia", "LOC")]


def test_overlaps_keep_the_longer_mention():
    a, b = Mention(0, 0, 10, "ORG"), Mention(0, 4, 8, "GPE")
    assert resolve([b, a]) == [a]


def test_chunks_cover_the_text_and_respect_the_size():
    text = ("A sentence of words. " * 50_000) + "tail"
    cs = chunks(text, 20_000)
    assert "".join(p for _, p in cs) == text
    assert all(len(p) <= 20_000 for _, p in cs)
    assert all(text[o:o + len(p)] == p for o, p in cs)
    hard = "x" * 50_001
    assert [len(p) for _, p in chunks(hard, 20_000)] == [20_000, 20_000, 10_001]


def test_surname_links_to_the_full_name_even_when_an_organisation_shares_it():
    texts = ["The Tanaka Administration began in May.", "Tanaka spoke first.", "Later Hiro Tanaka left."]
    ms = [mention(texts, "Tanaka Administration", "PERSON"), mention(texts, "Tanaka", "PERSON", seg=1),
          mention(texts, "Hiro Tanaka", "PERSON", seg=2)]
    out = refine(ms, texts)
    got = {(m.text(texts), m.label) for m in out}
    assert ("Tanaka Administration", "ORG") in got
    persons = [m for m in out if m.label == "PERSON"]
    assert len(persons) == 2 and persons[0].ref == persons[1].ref


def test_battle_of_a_place_is_an_event():
    texts = ["He fought at the Battle of Hastings."]
    out = labelled(refine([mention(texts, "Battle of Hastings", "ORG")], texts), texts)
    assert out == [("Battle of Hastings", "EVENT")]


def test_given_name_next_to_a_person_joins_it_but_an_interjection_does_not():
    texts = ["Hey Frank, meet Paolo Rossi and William Graham Harper."]
    ms = [mention(texts, "Frank", "PERSON"), mention(texts, "Paolo", "PERSON"),
          mention(texts, "Graham Harper", "PERSON")]
    out = labelled(refine(ms, texts), texts)
    assert ("Frank", "PERSON") in out
    assert ("Paolo Rossi", "PERSON") in out
    assert ("William Graham Harper", "PERSON") in out


def test_name_before_a_state_is_a_town():
    texts = ["She grew up in Tulsa, Oklahoma, and later moved."]
    out = labelled(refine([mention(texts, "Tulsa", "PERSON"), mention(texts, "Oklahoma", "GPE")], texts), texts)
    assert ("Tulsa", "GPE") in out


def test_place_name_cut_short_by_the_model_is_made_whole():
    texts = ["They flew to New Delhi on Monday."]
    out = labelled(refine([mention(texts, "Delhi", "PERSON")], texts), texts)
    assert ("New Delhi", "GPE") in out


def test_name_after_mount_or_lake_is_a_place_wherever_it_stands_but_a_persons_name_is_not():
    texts = ["Families fled up Mount Veshar. The liberation of Veshar was welcomed.",
             "Anna Corvell spoke at Cape Corvell, and Corvell smiled."]
    ms = [mention(texts, "Veshar", "ORG", nth=1), mention(texts, "Anna Corvell", "PERSON", seg=1),
          mention(texts, "Corvell", "ORG", seg=1, nth=2)]
    out = labelled(refine(ms, texts), texts)
    assert ("Veshar", "GPE") in out
    assert ("Corvell", "PERSON") in out and not [t for t, lab in out if "Corvell" in t and lab == "GPE"], out


def test_one_name_before_regime_is_a_person_everywhere_on_the_page_but_a_known_group_is_not():
    texts = ["The Dorvan regime has failed its people.", "Dorvan must go, said the minister.",
             "The Varnak regime fell in 2001."]
    ms = [mention(texts, "Dorvan", "ORG"), mention(texts, "Dorvan", "ORG", seg=1), mention(texts, "Varnak", "ORG", seg=2)]
    out = labelled(refine(ms, texts, known=KNOWN), texts)
    assert out.count(("Dorvan", "PERSON")) == 2
    assert ("Varnak", "ORG") in out


def test_title_word_alone_is_no_organisation():
    texts = ["I thank you, Madam Chair, for your leadership, and the Rewards for Justice programme."]
    ms = [mention(texts, "Chair", "ORG"), mention(texts, "Justice", "ORG")]
    assert labelled(refine(ms, texts), texts) == []


def test_single_letter_is_no_organisation():
    texts = ["The adjusted F statistic was reported."]
    assert labelled(refine([mention(texts, "F", "ORG")], texts), texts) == []


def test_one_word_after_in_is_a_place_only_when_no_noun_follows_it():
    texts = ["She lived in Tarvesh for years.", "He rose in Koluma circles and left Koluma later."]
    ms = [mention(texts, "Tarvesh", "ORG"), mention(texts, "Koluma", "ORG", seg=1), mention(texts, "Koluma", "ORG", seg=1, nth=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("Tarvesh", "GPE") in out
    assert out.count(("Koluma", "ORG")) == 2, out


def test_town_the_model_calls_an_organisation_is_a_place_except_on_a_page_about_sport():
    news = ["The minister welcomed the liberation of Kalmar.", "Kalmar is free again."]
    ms = [mention(news, "Kalmar", "ORG"), mention(news, "Kalmar", "ORG", seg=1)]
    assert labelled(refine(ms, news), news).count(("Kalmar", "GPE")) == 2
    sport = ["He hit .300 that season and played 40 games for Hamar.", "Hamar won the league title."]
    ms = [mention(sport, "Hamar", "ORG"), mention(sport, "Hamar", "ORG", seg=1)]
    assert labelled(refine(ms, sport), sport).count(("Hamar", "ORG")) == 2


def test_compass_part_of_a_known_place_is_a_place():
    texts = ["Rents in North Fresno rose, and the North Harbour Trust complained."]
    ms = [mention(texts, "North Fresno", "ORG"), mention(texts, "North Harbour Trust", "ORG")]
    out = labelled(refine(ms, texts), texts)
    assert ("North Fresno", "GPE") in out and ("North Harbour Trust", "ORG") in out, out


def test_a_found_run_takes_the_place_of_mentions_inside_it_but_not_of_one_it_cuts_across():
    from workers.stages.entities.core import Runs

    texts = ["Delegates of the Norvik Fisheries Board met at the Tarnby Kite Festival."]
    inner, across = mention(texts, "Norvik", "GPE"), mention(texts, "Board met", "ORG")
    runs = Runs([inner, across])
    s = texts[0].index("Norvik")
    assert runs.inside(0, s, s + len("Norvik Fisheries Board")) is None  # "Board met" sticks out of the run
    fest = texts[0].index("Tarnby Kite Festival")
    inside = runs.inside(0, fest, fest + len("Tarnby Kite Festival"))
    assert inside == []
    runs.take(0, fest, fest + len("Tarnby Kite Festival"), "EVENT", inside)
    runs2 = Runs([inner])
    runs2.take(0, s, s + len("Norvik Fisheries Board"), "ORG", runs2.inside(0, s, s + len("Norvik Fisheries Board")))
    assert labelled(runs2.result(), texts) == [("Norvik Fisheries Board", "ORG")]  # the place inside gave way
    assert labelled(runs.result(), texts) == [("Norvik", "GPE"), ("Board met", "ORG"), ("Tarnby Kite Festival", "EVENT")]
    # a run taken is in the index: a later run must not cut across it either
    assert runs.inside(0, fest, fest + len("Tarnby")) is None
