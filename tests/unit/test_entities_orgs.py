"""Organisation, event and person rules on sentences written for these tests (model output built by hand)."""

from __future__ import annotations

import pytest

from workers.knowledge.names import KnownNames
from workers.knowledge.words import is_common
from tests.unit.entity_mentions import KNOWN, labelled, mention, refined
from workers.stages.entities.rules import refine


# --- known organisations and products


def test_well_known_organisation_taken_for_a_person_is_an_organisation_everywhere_on_the_page():
    texts = ["She wrote about it on Velmora last night.", "By morning the post had spread beyond Velmora and into the news."]
    ms = [mention(texts, "Velmora", "PERSON")]
    out = labelled(refine(ms, texts, known=KNOWN), texts)
    assert out.count(("Velmora", "ORG")) == 2
    assert ("Velmora", "PERSON") not in out


def test_well_known_product_is_no_person():
    texts = ["Most readers opened the page in Lumenfox while a few kept to older browsers."]
    ms = [mention(texts, "Lumenfox", "PERSON")]
    assert labelled(refine(ms, texts, known=KNOWN), texts) == []


def test_short_capital_organisation_name_is_not_searched_for_in_running_text():
    texts = ["KBC AND FRIENDS: a small team of volunteers."]
    assert labelled(refine([], texts, known=KNOWN), texts) == []


def test_known_organisation_is_found_however_its_apostrophe_is_written():
    texts = ["Fighters of Sha’veth shelled the town; S’haveth later withdrew, and O’Neill reported it."]
    out = labelled(refine([], texts, known=KNOWN), texts)
    assert ("Sha’veth", "ORG") in out and ("S’haveth", "ORG") in out
    assert not [t for t, lab in out if lab == "ORG" and "Neill" in t]


def test_known_name_is_found_as_a_whole_name_and_word_only():
    texts = ["The Tarn Valley Water Board's report came out; the Velmora-funded study and Velmoran notes did not.",
             "Write to Velmora.",
             "A fee of @Velmora and #Velmora tags."]
    out = labelled(refine([], texts, known=KNOWN), texts)
    # the longest known name, the possessive left out; a name glued to a hyphen, a longer word, a handle or a tag is none
    assert out == [("Tarn Valley Water Board", "ORG"), ("Velmora", "ORG")]


def test_a_known_name_is_not_found_with_an_empty_list():
    texts = ["She wrote about it on Velmora last night."]
    ms = [mention(texts, "Velmora", "PERSON")]
    assert ("Velmora", "ORG") not in labelled(refine(ms, texts, known=KnownNames()), texts)


def test_name_span_that_runs_into_an_open_bracket_stops_before_it_and_the_acronym_is_its_own_name():
    texts = ["The Coastal Fisheries Agency (CFA) issued a warning."]
    out = labelled(refine([mention(texts, "Coastal Fisheries Agency (CFA", "ORG")], texts), texts)
    assert ("Coastal Fisheries Agency", "ORG") in out and ("CFA", "ORG") in out


def test_award_taken_for_an_organisation_is_dropped_but_a_body_named_after_one_stays():
    texts = ["She won the Harbour Prize for Poetry and was named Best Newcomer; the Harbour Prize Committee praised her."]
    ms = [mention(texts, "Harbour Prize for Poetry", "ORG"), mention(texts, "Best Newcomer", "ORG"),
          mention(texts, "Harbour Prize Committee", "ORG")]
    out = labelled(refine(ms, texts), texts)
    assert ("Harbour Prize Committee", "ORG") in out
    assert not [t for t, lab in out if lab == "ORG" and t != "Harbour Prize Committee"], out


def test_two_organisations_joined_by_and_are_two_but_a_name_with_and_inside_stays_one():
    texts = ["Funding came from the Harbour Foundation and Blue Sky Africa, and the Department of Health and Human Services approved it."]
    out = labelled(refine([mention(texts, "Blue Sky Africa", "ORG")], texts), texts)
    assert ("Harbour Foundation", "ORG") in out and ("Blue Sky Africa", "ORG") in out
    assert not [t for t, _ in out if "Foundation" in t and "Africa" in t], out
    assert ("Department of Health and Human Services", "ORG") in out


# --- acronyms of lower-case terms


def test_acronym_defined_by_lower_case_words_is_a_term_not_an_organisation():
    texts = ["We measured the peak bone strain (PBS) of each bird. PBS rose with age, and PBS fell after rest."]
    ms = [mention(texts, "PBS", "ORG", nth=1), mention(texts, "PBS", "ORG", nth=2)]
    assert [lab for _, lab in labelled(refine(ms, texts), texts)] == []


def test_acronym_defined_by_a_named_body_keeps_its_label():
    texts = ["The Western Rivers Authority (WRA) met on Monday. The WRA will publish its plan."]
    ms = [mention(texts, "Western Rivers Authority", "ORG"), mention(texts, "WRA", "ORG", nth=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("WRA", "ORG") in out and ("Western Rivers Authority", "ORG") in out


def test_acronym_defined_by_capitalised_everyday_words_is_a_term_and_so_is_its_long_form():
    texts = ["Schools will expand Digital Learning Tools (DLT) at once. DLT budgets rise, and DLT trainers are hired."]
    ms = [mention(texts, "Digital Learning Tools", "ORG"), mention(texts, "DLT", "ORG", nth=1), mention(texts, "DLT", "ORG", nth=2)]
    assert labelled(refine(ms, texts), texts) == []


def test_acronym_of_capitalised_everyday_words_that_name_a_body_stays_an_organisation():
    texts = ["The Federal Bureau of Investigation (FBI) opened a case. The FBI said little."]
    ms = [mention(texts, "Federal Bureau of Investigation", "ORG"), mention(texts, "FBI", "ORG", nth=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("FBI", "ORG") in out and ("Federal Bureau of Investigation", "ORG") in out



def test_a_community_or_an_international_of_everyday_words_is_a_body_not_a_term():
    # ("Community" and "International" end bodies' names: "the Coastal States Community", "Open Water International")
    texts = ["The Coastal States Community (CSC) met in May. Open Water International (OWI) sent two boats."]
    ms = [mention(texts, "Coastal States Community", "ORG"), mention(texts, "CSC", "ORG"),
          mention(texts, "Open Water International", "ORG"), mention(texts, "OWI", "ORG")]
    out = labelled(refine(ms, texts), texts)
    assert {("Coastal States Community", "ORG"), ("CSC", "ORG"), ("Open Water International", "ORG"), ("OWI", "ORG")} <= set(out)

# --- joined and run-on organisation spans


def test_two_organisations_joined_by_a_slash_are_split():
    texts = ["The latest Harbour Gazette / Midland Polling survey put her ahead."]
    ms = [mention(texts, "Harbour Gazette / Midland Polling", "ORG")]
    assert labelled(refine(ms, texts), texts) == [("Harbour Gazette", "ORG"), ("Midland Polling", "ORG")]


def test_two_coded_groups_joined_by_and_are_split():
    texts = ["Ministers will meet again before the G5 and G15 summits next spring."]
    ms = [mention(texts, "G5 and G15", "ORG")]
    out = labelled(refine(ms, texts), texts)
    assert ("G5", "ORG") in out and ("G15", "ORG") in out


def test_person_name_run_on_after_an_organisation_is_cut_off():
    texts = ["A spokeswoman for the Riverside Tenants Association Laura Fenwick said the rent rise was unfair."]
    ms = [mention(texts, "Riverside Tenants Association Laura Fenwick", "ORG")]
    out = labelled(refine(ms, texts), texts)
    assert ("Riverside Tenants Association", "ORG") in out
    assert ("Laura Fenwick", "PERSON") in out


# --- names built on an organisation word


def test_capitalised_run_ending_in_an_organisation_word_is_an_organisation():
    texts = ["The findings were first printed in the Lakeside Evening News on Friday."]
    out = labelled(refine([], texts), texts)
    assert ("Lakeside Evening News", "ORG") in out


def test_organisation_word_before_of_takes_the_whole_name_and_absorbs_the_models_pieces():
    texts = ["He worked for the Institute of Marine Biology and Oceanography of Northland for years."]
    ms = [mention(texts, "Institute of Marine Biology", "ORG"), mention(texts, "Northland", "GPE")]
    out = labelled(refine(ms, texts), texts)
    assert ("Institute of Marine Biology and Oceanography of Northland", "ORG") in out


def test_a_person_before_of_the_party_is_not_swallowed_by_the_party():
    texts = ["Yesterday Peter Brown of the Green Valley Party spoke first."]
    ms = [mention(texts, "Peter Brown", "PERSON")]
    out = labelled(refine(ms, texts), texts)
    assert ("Peter Brown", "PERSON") in out
    assert ("Green Valley Party", "ORG") in out


def test_country_at_the_start_of_an_agency_name_stays_a_place():
    texts = ["Funding came from the France National Heritage Agency last year."]
    ms = [mention(texts, "France", "GPE")]
    out = labelled(refine(ms, texts), texts)
    assert ("France", "GPE") in out
    assert ("National Heritage Agency", "ORG") in out


def test_a_name_does_not_run_across_a_sentence_end():
    texts = ["She studied at the Northern School of Design. There she met her partner."]
    out = labelled(refine([], texts), texts)
    assert ("Northern School of Design", "ORG") in out


def test_capitalised_institution_word_inside_a_sentence_is_an_organisation():
    texts = ["The bill passed after Parliament voted twice. Parliament rose for the summer."]
    out = labelled(refine([], texts), texts)
    assert out == [("Parliament", "ORG")]  # the sentence-initial one is not trusted alone


def test_long_organisation_in_a_title_line_is_dropped_but_kept_in_running_text():
    title = ["Statement On Fresh Measures For Regional Recovery Plans"]
    ms = [mention(title, "Fresh Measures For Regional Recovery", "ORG")]
    assert labelled(refine(ms, title), title) == []


# --- events


def test_capitalised_name_ending_in_an_event_word_is_an_event_with_its_year():
    texts = ["Leaders met at the Anglo-Dutch Summit 2019 in the spring."]
    ms = [mention(texts, "2019", "DATE")]
    out = labelled(refine(ms, texts), texts)
    assert ("Anglo-Dutch Summit 2019", "EVENT") in out


def test_event_word_followed_by_a_place_is_part_of_the_event_name():
    texts = ["Crowds queued for hours at Comic Expo Canada on the first day."]
    ms = [mention(texts, "Comic Expo Canada", "ORG")]
    out = labelled(refine(ms, texts), texts)
    assert ("Comic Expo Canada", "EVENT") in out


def test_an_award_or_a_series_is_not_found_as_an_event():
    texts = ["She received the Golden Quill Award for the Animated Series she wrote."]
    out = labelled(refine([], texts), texts)
    assert not any(lab == "EVENT" for _, lab in out)


# --- persons


def test_unmarked_rare_name_after_a_title_is_a_person():
    texts = ["Talks ended when President Obrenovar left the room."]
    out = labelled(refine([], texts), texts)
    assert ("Obrenovar", "PERSON") in out


def test_common_word_after_a_title_is_no_person():
    texts = ["The General Assembly met after the Chief Executive spoke."]
    out = labelled(refine([], texts), texts)
    assert not any(lab == "PERSON" for _, lab in out)


def test_common_word_taken_for_a_person_in_a_book_title_is_dropped():
    texts = ["His book Grammar was widely read; grammar, he said, is a living thing."]
    ms = [mention(texts, "Grammar", "PERSON")]
    assert labelled(refine(ms, texts), texts) == []
    assert is_common("grammar") and not is_common("Obrenovar")


def test_world_region_taken_for_an_organisation_is_a_place():
    texts = ["The Minister for Southeast Asia travelled on. Southeast Asia matters to trade."]
    ms = [mention(texts, "Southeast Asia", "ORG"), mention(texts, "Southeast Asia", "ORG", nth=1)]
    out = labelled(refine(ms, texts), texts)
    assert out.count(("Southeast Asia", "LOC")) == 2


def test_name_the_page_calls_a_language_is_no_organisation_or_person():
    texts = ["Most speakers of Kalundi live by the coast.", "Kalundi has five vowels, and Kalundi verbs agree with the subject."]
    ms = [mention(texts, "Kalundi", "ORG", seg=1), mention(texts, "Kalundi", "PERSON", seg=1, nth=1)]
    assert labelled(refine(ms, texts), texts) == []


def test_known_organisation_named_once_is_kept_even_when_the_model_called_it_a_place():
    texts = ["Forces made progress against Orvane in the north."]
    ms = [mention(texts, "Orvane", "GPE")]
    assert labelled(refine(ms, texts, known=KNOWN), texts) == [("Orvane", "ORG")]


def test_consulate_taken_for_a_place_is_an_organisation():
    texts = ["Apply in person at the Latvian Consulate in good time."]
    ms = [mention(texts, "Latvian Consulate", "FAC")]
    assert ("Latvian Consulate", "ORG") in labelled(refine(ms, texts), texts)


def test_one_word_organisation_after_in_is_a_place_but_an_institution_is_not():
    texts = ["Fighting went on in Darvan for a week. Darvan was retaken.", "The vote in Parliament was close."]
    ms = [mention(texts, "Darvan", "ORG"), mention(texts, "Darvan", "ORG", nth=1), mention(texts, "Parliament", "ORG", seg=1)]
    out = labelled(refine(ms, texts), texts)
    assert out.count(("Darvan", "GPE")) == 2
    assert ("Parliament", "ORG") in out


def test_common_word_taken_for_an_organisation_is_dropped_but_a_known_one_is_kept():
    texts = ["Their Group met twice; the group then split. Later the Coalition took the town."]
    ms = [mention(texts, "Group", "ORG"), mention(texts, "Coalition", "ORG")]
    out = labelled(refine(ms, texts), texts)
    assert ("Group", "ORG") not in out
    assert ("Coalition", "ORG") in out


def test_common_word_of_a_place_is_no_organisation_but_house_of_is():
    texts = ["Visas are free for Citizens of Norway and Peru.", "She spoke in the House of Lords on Monday."]
    ms = [mention(texts, "Citizens of Norway and Peru", "ORG"), mention(texts, "House of Lords", "ORG", seg=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("Citizens of Norway and Peru", "ORG") not in out
    assert ("Norway", "GPE") in out and ("Peru", "GPE") in out
    assert ("House of Lords", "ORG") in out


def test_person_in_a_title_line_does_not_end_in_a_common_word():
    texts = ["Envoy Peter Halvorsen Returns To Oslo After Talks"]
    ms = [mention(texts, "Peter Halvorsen Returns", "PERSON")]
    assert ("Peter Halvorsen", "PERSON") in labelled(refine(ms, texts), texts)


def test_caption_word_before_a_credit_is_cut_from_an_organisation():
    texts = ["The Orbital Survey Probe Image: archive"]
    ms = [mention(texts, "Orbital Survey Probe Image", "ORG")]
    assert ("Orbital Survey Probe", "ORG") in labelled(refine(ms, texts), texts)


def test_title_of_a_work_after_film_or_series_is_no_organisation():
    texts = ["He starred in the film Harbour of Glass in 2004, and Harbour of Glass made money."]
    ms = [mention(texts, "Harbour of Glass", "ORG"), mention(texts, "Harbour of Glass", "ORG", nth=1)]
    assert [lab for _, lab in labelled(refine(ms, texts), texts) if lab == "ORG"] == []


def test_title_before_its_year_in_running_text_is_no_organisation():
    texts = ["Her first lead was in the comedy Paper Lanterns (2011), and Paper Lanterns toured widely."]
    ms = [mention(texts, "Paper Lanterns", "ORG"), mention(texts, "Paper Lanterns", "ORG", nth=1)]
    assert labelled(refine(ms, texts), texts) == []


def test_event_body_or_season_heading_before_a_year_keeps_its_label():
    texts = ["He flew helicopters in the Kestrel Strait War (1982) and later taught at Harbourton University (1998).",
             "Selwick Rovers (2012)"]
    ms = [mention(texts, "Kestrel Strait War", "EVENT"), mention(texts, "Harbourton University", "ORG"),
          mention(texts, "Selwick Rovers", "ORG", seg=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("Kestrel Strait War", "EVENT") in out
    assert ("Harbourton University", "ORG") in out
    assert ("Selwick Rovers", "ORG") in out


def test_contest_and_meeting_names_are_events():
    texts = ["She won the Young Singers Contest and spoke at the Pacific Leaders Meeting in May."]
    out = labelled(refine([], texts), texts)
    assert ("Young Singers Contest", "EVENT") in out
    assert ("Pacific Leaders Meeting", "EVENT") in out


def test_two_names_joined_by_ampersand_are_persons_when_one_is_a_person_on_the_page():
    texts = ["Okafor described the gait first.", "In Okafor & Halloran's study the birds ran."]
    ms = [mention(texts, "Okafor", "PERSON"), mention(texts, "Okafor & Halloran", "ORG", seg=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("Okafor", "PERSON") in out and ("Halloran", "PERSON") in out
    assert ("Okafor & Halloran", "ORG") not in out


def test_given_name_the_model_called_a_place_is_a_person():
    texts = ["I asked Rebecca to wait outside."]
    ms = [mention(texts, "Rebecca", "GPE")]
    assert labelled(refine(ms, texts), texts) == [("Rebecca", "PERSON")]


def test_no_name_runs_across_an_email_address():
    texts = ["Laura Fenwick laura.fenwick@example.org Universidade Nova de Lisboa"]
    ms = [mention(texts, "Laura Fenwick laura.fenwick@example.org Universidade Nova", "ORG")]
    out = labelled(refine(ms, texts), texts)
    assert ("Laura Fenwick", "PERSON") in out
    assert not any("@" in t for t, _ in out)


def test_a_link_without_its_scheme_or_a_handle_is_no_name():
    texts = ["Crowds filled the pier. pic.harbourherald.com/x7Q2", "Follow the minister on Twitter (@AnaLimaMP) for news."]
    ms = [mention(texts, "pic.harbourherald.com/x7Q2", "PERSON", seg=0), mention(texts, "@AnaLimaMP", "ORG", seg=1)]
    assert labelled(refine(ms, texts), texts) == []
    # nor a name another step finds there: a person's given name inside their handle
    texts = ["A man threatened Rep. Ilse Marwick (D-Minn.), officials said.", "— Rep. Ilse Marwick (@Ilse) November 19, 2019"]
    ms = [mention(texts, "Ilse Marwick", "PERSON", seg=0), mention(texts, "Ilse Marwick", "PERSON", seg=1),
          mention(texts, "@Ilse", "ORG", seg=1)]
    got = labelled(refine(ms, texts), texts)
    assert got == [("Ilse Marwick", "PERSON"), ("Ilse Marwick", "PERSON")], got


def test_a_very_long_token_is_handled_in_linear_time():
    import time

    refine([], ["Warm up in Paris."])  # loads the gazetteer and word lists once
    texts = ["A" * 60000, "x" * 60000 + "@"]
    t0 = time.perf_counter()
    refine([], texts)
    assert time.perf_counter() - t0 < 1.0


def test_stadium_and_museum_of_are_places_not_organisations():
    texts = ["The final was held at Rivermouth Stadium, near the Harbour Museum of Maritime History."]
    ms = [mention(texts, "Rivermouth Stadium", "ORG"), mention(texts, "Harbour Museum of Maritime History", "ORG")]
    out = labelled(refine(ms, texts), texts)
    assert ("Rivermouth Stadium", "FAC") in out
    assert ("Harbour Museum of Maritime History", "FAC") in out


def test_capitalised_government_word_inside_a_sentence_is_an_organisation():
    texts = ["Officials said the Department would publish the figures."]
    assert labelled(refine([], texts), texts) == [("Department", "ORG")]


def test_event_that_is_a_region_name_is_a_place():
    texts = ["Trade with the Caucasus grew quickly."]
    ms = [mention(texts, "Caucasus", "EVENT")]
    assert labelled(refine(ms, texts), texts) == [("Caucasus", "LOC")]


# --- acronyms used as common nouns


def test_acronym_the_page_counts_or_puts_in_the_plural_is_no_organisation():
    texts = ["He ran for 12 TDs that season and added 3 TD in the final.",
             "Outliers sit more than 1.5 × MQD beyond the quartiles; the MQD is easy to compute.",
             "A visa costs 20 KRD, and KRD notes are accepted everywhere."]
    ms = [mention(texts, "TD", "ORG"), mention(texts, "MQD", "ORG", seg=1, nth=1), mention(texts, "KRD", "ORG", seg=2, nth=1)]
    assert labelled(refine(ms, texts), texts) == []


def test_acronym_after_a_year_or_before_the_noun_it_modifies_stays_an_organisation():
    texts = ["At the 2011 NATO summit, 300 NATO troops were promised, and NATO agreed."]
    ms = [mention(texts, "NATO", "ORG", nth=k) for k in range(3)]
    assert labelled(refine(ms, texts), texts).count(("NATO", "ORG")) == 3


def test_acronym_with_version_numbers_on_the_page_is_a_product():
    texts = ["Users of XB6 were told to move to a newer XB within the month."]
    ms = [mention(texts, "XB", "ORG", nth=1)]
    assert labelled(refine(ms, texts), texts) == []



def test_a_country_opening_a_body_s_name_stays_in_the_name():
    # Gold pages and news mark "U.S. Capitol Police" as one name far more often than as a place and a body.
    texts = ["Staff of the Czech Republic Border Office met the US National Forest Service and the US Army."]
    ms = [mention(texts, "Czech Republic Border Office", "ORG"), mention(texts, "US National Forest Service", "ORG"),
          mention(texts, "US Army", "ORG")]
    out = labelled(refine(ms, texts), texts)
    assert ("Czech Republic Border Office", "ORG") in out and ("US National Forest Service", "ORG") in out, out
    assert ("US Army", "ORG") in out, out



def test_organisation_span_holding_several_names_is_cut_into_them_but_a_possessive_holds_one():
    texts = ["Units of the Veshar Armed Forces, Coastal Mobilization Forces and the University of Alta, Norden met.",
             "Veshar’s Security Forces posted it.",
             "The statement was read by Anna Corvell for Coastal Fisheries Authority on the radio."]
    ms = [mention(texts, "Veshar Armed Forces, Coastal Mobilization Forces", "ORG"), mention(texts, "University of Alta, Norden", "ORG"),
          mention(texts, "Veshar’s Security Forces", "ORG", seg=1),
          mention(texts, "Anna Corvell for Coastal Fisheries Authority", "ORG", seg=2)]
    out = labelled(refine(ms, texts), texts)
    assert ("Veshar Armed Forces", "ORG") in out and ("Coastal Mobilization Forces", "ORG") in out, out
    assert ("University of Alta, Norden", "ORG") in out, out
    assert ("Veshar’s Security Forces", "ORG") in out, out
    assert ("Anna Corvell", "PERSON") in out and ("Coastal Fisheries Authority", "ORG") in out, out


def test_abstract_noun_of_a_phrase_is_no_organisation_but_a_federation_of_is():
    texts = ["Both sides must respect the Cessation of Fishing, said the Federation of Harbour Workers."]
    ms = [mention(texts, "Cessation of Fishing", "ORG"), mention(texts, "Federation of Harbour Workers", "ORG")]
    assert labelled(refine(ms, texts), texts) == [("Federation of Harbour Workers", "ORG")]


def test_known_organisation_with_numbered_channels_stays_an_organisation():
    texts = ["The film aired on KBC2, and the KBC apologised."]
    ms = [mention(texts, "KBC", "ORG", nth=1)]
    assert labelled(refine(ms, texts, known=KNOWN), texts) == [("KBC", "ORG")]


def test_on_a_page_about_sport_a_city_and_a_plural_noun_are_a_team_and_so_is_the_noun_alone():
    texts = ["He was drafted by the Seattle Mariners and played 40 games that season.",
             "The Mariners sent him down to the minor league."]
    ms = [mention(texts, "Seattle", "GPE"), mention(texts, "Mariners", "PERSON"), mention(texts, "Mariners", "PERSON", seg=1)]
    out = labelled(refine(ms, texts), texts)
    assert ("Seattle Mariners", "ORG") in out and ("Mariners", "ORG") in out, out
    assert ("Seattle", "GPE") not in out, out


def test_a_city_and_a_plural_noun_off_a_sports_page_are_left_to_the_model():
    texts = ["Tourists admire the Seattle Bridges at night."]
    ms = [mention(texts, "Seattle", "GPE")]
    assert labelled(refine(ms, texts), texts) == [("Seattle", "GPE")]


def test_an_acronym_in_brackets_right_after_an_organisation_is_its_acronym_spelt_or_not():
    texts = ["Licences are issued by Fjordlag Nordvest (FJN) each spring.", "Catches go to Halvmåne Sjømat (HSM, 2019)."]
    out = refined(texts, [("Fjordlag Nordvest", "ORG", 0), ("FJN", "PERSON", 0), ("Halvmåne Sjømat", "ORG", 1)])
    assert ("FJN", "ORG") in out and ("FJN", "PERSON") not in out and ("HSM", "ORG") in out, out


def test_a_publisher_after_its_town_and_a_colon_in_a_reference_is_an_organisation():
    texts = ["Brandt, Ana (2009). Songs of the Valley. Selvik: Tarvo Ulmek Press.",
             "Holm T. Ferries and fares. Tarnby: Ediciones Marva; 2014.",
             "The quay was rebuilt in 1998. Image: Ana Tormen."]
    out = refined(texts, [("Tarvo Ulmek Press", "PERSON", 0), ("Ana Tormen", "PERSON", 2)])
    assert ("Tarvo Ulmek Press", "ORG") in out and ("Ediciones Marva", "ORG") in out, out
    # a credit's label is no town: the person stays one
    assert ("Ana Tormen", "PERSON") in out, out


def test_a_paper_cited_after_a_quoted_title_and_before_its_date_is_an_organisation():
    texts = ['1. Kerekes, Mihai (2013). "A river allowed to spill". Cronica Tur-Varni. Retrieved 2 March 2025.',
             '"Strike costs border commuters hours" — Tarnauer Abendpost, June 18, 2025',
             "“Artesanos que bajaron”. La Voz de Tambovar. 12 October 1999."]
    out = refined(texts, [("Cronica Tur-Varni", "PERSON", 0), ("Tambovar", "GPE", 2)])
    assert {("Cronica Tur-Varni", "ORG"), ("Tarnauer Abendpost", "ORG"), ("La Voz de Tambovar", "ORG")} <= set(out), out


def test_an_author_named_after_a_quoted_title_is_no_paper():
    texts = ['"Ferries and fares", Ana Tormen, 12 May 2019.']
    out = refined(texts, [("Ana Tormen", "PERSON", 0)])
    assert ("Ana Tormen", "PERSON") in out and ("Ana Tormen", "ORG") not in out, out


def test_a_municipality_named_so_is_the_local_authority_a_body():
    texts = ["Tarvik County Municipality has signed a ten-year contract for the ferries."]
    out = refined(texts, [("Tarvik County Municipality", "GPE", 0)])
    assert ("Tarvik County Municipality", "ORG") in out, out


@pytest.mark.parametrize("text, model, name", [
    ("Members of the Tarvo Valley Women's Orchard Association met.",
     [("Tarvo Valley Women", "ORG", 0), ("Orchard Association", "ORG", 0)], "Tarvo Valley Women's Orchard Association"),
    ("Yesterday Selby Fishermen's Society took us out.", [("Fishermen's Society", "ORG", 0)], "Selby Fishermen's Society"),
    ("Volunteers of the Orvik Tour Guides' Network read the meters.", [("Tour Guides' Network", "ORG", 0)],
     "Orvik Tour Guides' Network"),
    ("A Tarvo County Sheriff's Department canine was called.", [("Department", "ORG", 0)], "Tarvo County Sheriff's Department"),
])
def test_a_body_named_for_a_group_of_people_with_a_possessive_is_one_name(text, model, name):
    assert (name, "ORG") in refined([text], model)


@pytest.mark.parametrize("text, model, kept", [
    ("Officers of Norbay's Immigration Department met.", [("Norbay", "GPE", 0), ("Immigration Department", "ORG", 0)],
     ("Immigration Department", "ORG")),
    ("She studied at Harwick University's Lane School of Design.", [("Lane School of Design", "ORG", 0)],
     ("Lane School of Design", "ORG")),
    ("The Women's Association met on Monday.", [("Women's Association", "ORG", 0)], ("Women's Association", "ORG")),
])
def test_a_place_or_a_body_owning_a_body_stays_apart_from_it(text, model, kept):
    assert kept in refined([text], model)


@pytest.mark.parametrize("text, name", [
    ("The mill was run for years by Tarvek Oddsson Brimjo, who is now 79.", "Tarvek Oddsson Brimjo"),
    ("For Esperanka Nabintu, who grinds cassava for the village, the repair came late.", "Esperanka Nabintu"),
    ("Kiraboh Vashunde said the road was closed.", "Kiraboh Vashunde"),
])
def test_unknown_words_the_model_missed_before_who_or_said_are_a_person(text, name):
    assert (name, "PERSON") in refined([text], [])


@pytest.mark.parametrize("text, word", [
    ("The Harbour Council, who meet on Mondays, said no.", "Harbour Council"),  # English words
    ("The Council, who are meeting today, agreed.", "Council"),
    ("Tarvo Valley said the water was clean.", "Tarvo Valley"),  # a place's word
])
def test_english_or_place_words_before_who_or_said_make_no_unseen_person(text, word):
    assert (word, "PERSON") not in refined([text], [])


@pytest.mark.parametrize("text, name", [
    ('"We wait for the rains," said Kelvo Arrandi Sowe, president of the growers.', "Kelvo Arrandi Sowe"),
    ("I thank the Harbour Trust and its chair, Eilidh Tarvanen-Roos, for that promise.", "Eilidh Tarvanen-Roos"),
    ("Henrik van Strömvaka, fleet manager of the island ferries, spoke first.", "Henrik van Strömvaka"),
    ('"The rains were late," Tolvas de Velmira said.', "Tolvas de Velmira"),
])
def test_a_name_the_model_read_as_a_body_is_a_person_beside_a_verb_of_speech_or_a_role(text, name):
    assert (name, "PERSON") in refined([text], [(name, "ORG", 0)])


@pytest.mark.parametrize("text, name", [
    ("An insurgent source told Agence Tarvo-Presse that the men were freed.", "Agence Tarvo-Presse"),
    ("Kisima Quarries said it would appeal.", "Kisima Quarries"),  # English words
    ("Velmar Holdings SA, the owner of the mill, said no.", "Velmar Holdings SA"),  # a legal form
])
def test_a_body_beside_a_verb_of_speech_stays_a_body(text, name):
    assert (name, "ORG") in refined([text], [(name, "ORG", 0)])


@pytest.mark.parametrize("text, name, model_label", [
    ("The skills centre at Velmoa Polytechnic trains welders.", "Velmoa Polytechnic", "GPE"),
    ("She studied at the Tarvik Conservatoire in 1990.", "Tarvik Conservatoire", "PERSON"),
])
def test_a_polytechnic_or_a_conservatoire_is_an_organisation(text, name, model_label):
    assert (name, "ORG") in refined([text], [(name, model_label, 0)])


@pytest.mark.parametrize("text, name", [
    ("Volunteers walked the shore for the Great Crab Count on Saturday.", "Great Crab Count"),
    ("She won the choir prize at the Tarvo Valley Eisteddfod six times.", "Tarvo Valley Eisteddfod"),
])
def test_a_count_or_an_eisteddfod_is_an_event(text, name):
    assert (name, "EVENT") in refined([text], [])
