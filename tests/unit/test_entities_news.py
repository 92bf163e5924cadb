"""News reports: entity steps on sentences written for these tests, in the shapes real news articles showed.

The model's mentions are built by hand (``mention``), so each test states what
the steps do with a given model output, not what the model happens to find.
"""

from __future__ import annotations

from tests.unit.entity_mentions import refined

#: A sentence that makes a page one about sport (two sport words), for the lines below it.
SPORT = "Harriers kept top place in the league after the weekend's games."


def test_a_persons_possessive_ends_the_name_before_what_is_theirs():
    texts = ["Investor Mara Quill’s Velbury Labs and Tom Berg's Orchard Works both bid."]
    got = refined(texts, [("Mara Quill’s Velbury Labs", "PERSON", 0), ("Tom Berg's Orchard Works", "PERSON", 0)])
    assert ("Mara Quill", "PERSON") in got and ("Tom Berg", "PERSON") in got, got
    assert not [t for t, _ in got if "Labs" in t or "Works" in t], got


def test_a_town_or_state_beside_a_results_verb_is_its_club_everywhere_on_the_page():
    texts = [SPORT, "Ana Lima scored twice and Harbourton beat Kestrelford 3-1.", "Tom Berg also scored for Harbourton.",
             "Kestrelford is on a three-game skid."]
    got = refined(texts, [("Harbourton", "GPE", 1), ("Kestrelford", "GPE", 1), ("Ana Lima", "PERSON", 1),
                          ("Harbourton", "GPE", 2), ("Tom Berg", "PERSON", 2), ("Kestrelford", "GPE", 3)])
    assert got.count(("Harbourton", "ORG")) == 2 and got.count(("Kestrelford", "ORG")) == 2, got
    assert ("Ana Lima", "PERSON") in got and ("Tom Berg", "PERSON") in got


def test_a_results_verb_leaves_persons_countries_and_pages_not_about_sport_alone():
    texts = [SPORT, "Ana Lima beat Eva Berg in straight sets, and Norway beat Denmark in the final."]
    got = refined(texts, [("Ana Lima", "PERSON", 1), ("Eva Berg", "PERSON", 1), ("Norway", "GPE", 1), ("Denmark", "GPE", 1)])
    assert ("Ana Lima", "PERSON") in got and ("Eva Berg", "PERSON") in got, got
    assert ("Norway", "GPE") in got and ("Denmark", "GPE") in got, got
    prose = ["The storm beat Harbourton hard last winter, and the town rebuilt its pier."]
    assert ("Harbourton", "GPE") in refined(prose, [("Harbourton", "GPE", 0)])


def test_the_town_after_a_persons_age_is_a_place_even_where_the_model_saw_a_person():
    texts = ["Police arrested Tom Berg, 41, of Kestrelford and Ana Lima, 29, of Glen Varra on Monday."]
    got = refined(texts, [("Tom Berg", "PERSON", 0), ("Kestrelford", "PERSON", 0), ("Ana Lima", "PERSON", 0)])
    assert ("Kestrelford", "GPE") in got and ("Glen Varra", "GPE") in got, got
    assert ("Tom Berg", "PERSON") in got and ("Ana Lima", "PERSON") in got


def test_the_town_after_a_titled_person_and_of_before_a_past_verb_is_a_place():
    texts = ["Mayor Eirik Holmvar of Skarvo called the deal the first of its kind."]
    got = refined(texts, [("Eirik Holmvar", "PERSON", 0), ("Skarvo", "PERSON", 0)])
    assert ("Skarvo", "GPE") in got and ("Eirik Holmvar", "PERSON") in got, got


def test_a_body_after_a_person_and_of_stays_a_body():
    texts = ["Ana Lima of Brastow warned that prices would rise."]
    got = refined(texts, [("Ana Lima", "PERSON", 0), ("Brastow", "ORG", 0)])
    assert ("Brastow", "ORG") in got, got


def test_an_age_before_a_nationality_or_an_address_gives_no_town():
    texts = ["A man, 45, of Irish descent was named, as was Ana Lima, 29, of 1119 Main Street."]
    got = refined(texts, [("Irish", "NORP", 0), ("Ana Lima", "PERSON", 0)])
    assert ("Irish", "NORP") in got and not [t for t, label in got if label == "GPE"], got


def test_a_name_after_a_noun_for_a_kind_of_organisation_is_one_even_named_once():
    texts = ["Beauty company Vantora rose 2%, said Ana Lima of the research firm Quillon, and record label Bright Tide agreed."]
    got = refined(texts, [("Ana Lima", "PERSON", 0), ("Quillon", "ORG", 0), ("Bright Tide", "PERSON", 0)])
    assert ("Vantora", "ORG") in got and ("Quillon", "ORG") in got and ("Bright Tide", "ORG") in got, got
    assert ("Ana Lima", "PERSON") in got


def test_a_person_or_a_known_place_after_a_kind_noun_stays_what_it_is():
    texts = ["The company Ana Lima founded grew, and the airline Norway chose was cheaper than a firm in Oslo."]
    got = refined(texts, [("Ana Lima", "PERSON", 0), ("Norway", "GPE", 0), ("Oslo", "GPE", 0)])
    assert ("Ana Lima", "PERSON") in got and ("Norway", "GPE") in got and ("Oslo", "GPE") in got, got
    assert not [t for t, label in got if label == "ORG"], got


def test_a_name_before_a_role_in_it_and_a_persons_name_is_an_organisation_even_named_once():
    texts = ["Shares fell after Quillon founder Mara Vell left, said Orchard Works chief executive Tom Berg."]
    got = refined(texts, [("Quillon founder Mara Vell", "PERSON", 0), ("Orchard Works", "GPE", 0), ("Tom Berg", "PERSON", 0)])
    assert ("Quillon", "ORG") in got and ("Orchard Works", "ORG") in got, got
    assert ("Mara Vell", "PERSON") in got and ("Tom Berg", "PERSON") in got, got


def test_a_role_says_nothing_of_a_place_a_nationality_or_a_name_with_no_person_after_it():
    texts = ["Texas economist Ana Lima and Kestrel analysts disagreed, as did English captain Tom Berg and Eva Stone."]
    got = refined(texts, [("Texas", "GPE", 0), ("Ana Lima", "PERSON", 0), ("English", "NORP", 0), ("Tom Berg", "PERSON", 0),
                          ("Eva Stone", "PERSON", 0)])
    assert ("Texas", "GPE") in got and ("English", "NORP") in got, got
    assert not [t for t, label in got if label == "ORG"], got


def test_on_a_page_about_sport_a_players_position_names_the_team_before_it():
    texts = [SPORT, "Kestrels quarterback Ana Lima threw for 300 yards, and Harbourton linebacker Tom Berg made ten tackles."]
    got = refined(texts, [("Ana Lima", "PERSON", 1), ("Harbourton", "GPE", 1), ("Tom Berg", "PERSON", 1)])
    assert ("Kestrels", "ORG") in got and ("Harbourton", "ORG") in got, got
    prose = ["Kestrels quarterback Ana Lima spoke at the library."]  # no sport on the page: a position is no role in a firm
    assert not [t for t, label in refined(prose, [("Ana Lima", "PERSON", 0)]) if label == "ORG"]


def test_a_one_word_organisation_named_once_stays_when_it_speaks():
    texts = ["Shares of the mill rose on Monday. Brelmont said demand was strong, and the Herald reported the same."]
    got = refined(texts, [("Brelmont", "ORG", 0), ("Herald", "ORG", 0)])
    assert ("Brelmont", "ORG") in got and ("Herald", "ORG") in got, got


def test_a_one_word_organisation_named_once_stays_in_a_list_with_one_that_stays():
    texts = ["Its clients include Vantora, Duvane’s, BNX and Orchard Works, and the list grows."]
    got = refined(texts, [("Vantora", "ORG", 0), ("Duvane", "ORG", 0), ("BNX", "ORG", 0), ("Orchard Works", "ORG", 0)])
    assert ("Vantora", "ORG") in got and ("Duvane", "ORG") in got, got


def test_a_lone_word_is_still_dropped_beside_and_alone_or_before_more_of_its_item():
    # "and" alone joins parts of one name too often; "Lantern rigs" is an item that only opens with the word.
    texts = ["Permits and Border Works checked the boats. Crews carried Lantern rigs, Harbour Tools and nets."]
    got = refined(texts, [("Permits", "ORG", 0), ("Border Works", "ORG", 0), ("Lantern", "ORG", 0), ("Harbour Tools", "ORG", 0)])
    assert ("Permits", "ORG") not in got and ("Lantern", "ORG") not in got, got
    assert ("Border Works", "ORG") in got and ("Harbour Tools", "ORG") in got, got


def test_a_town_or_region_a_result_verb_names_is_its_club_everywhere_on_the_page():
    texts = [SPORT, "Kestrelford rolled past Upper Harbourton, 45-17, on Tuesday.",
             "Upper Harbourton also lost its kicker.", "Ana Lima had two goals to lift Selwick."]
    got = refined(texts, [("Kestrelford", "GPE", 1), ("Upper Harbourton", "LOC", 1), ("Upper Harbourton", "LOC", 2),
                          ("Ana Lima", "PERSON", 3), ("Selwick", "GPE", 3)])
    assert ("Kestrelford", "ORG") in got and got.count(("Upper Harbourton", "ORG")) == 2, got
    assert ("Selwick", "ORG") in got and ("Ana Lima", "PERSON") in got, got


def test_a_town_before_its_new_record_of_games_is_its_club():
    texts = [SPORT, "Ana Lima scored twice as Tarnby improved to 14-0-1 in its last 15 games."]
    got = refined(texts, [("Ana Lima", "PERSON", 1), ("Tarnby", "GPE", 1)])
    assert ("Tarnby", "ORG") in got, got


def test_a_region_is_a_club_by_a_result_verb_only_not_by_a_word_after_it():
    texts = [SPORT, "Fans drove in from the Varn Valley side of the ridge for the final."]
    got = refined(texts, [("Varn Valley", "LOC", 1)])
    assert ("Varn Valley", "LOC") in got, got


def test_a_state_before_a_players_position_or_sport_is_its_club_and_a_country_stays_a_place():
    texts = [SPORT, "Vermont QB Ana Lima threw twice, and Brazil soccer player Eva Berg scored for the visitors.",
             "The win kept Vermont top of the table."]
    got = refined(texts, [("Vermont", "GPE", 1), ("Ana Lima", "PERSON", 1), ("Brazil", "GPE", 1), ("Eva Berg", "PERSON", 1),
                          ("Vermont", "GPE", 2)])
    assert got.count(("Vermont", "ORG")) == 2, got
    assert ("Brazil", "GPE") in got and ("Ana Lima", "PERSON") in got, got


def test_a_service_people_post_on_or_have_accounts_with_is_an_organisation_wherever_the_page_names_it():
    texts = ["Ana Lima posted on Quillnet Tuesday, and some Quillnet users mocked it across Quillnet.",
             "Her Vidra account was closed, and Vidra said nothing."]
    got = refined(texts, [("Ana Lima", "PERSON", 0), ("Quillnet", "GPE", 0, 1), ("Quillnet", "GPE", 0, 2),
                          ("Vidra", "PERSON", 1), ("Vidra", "PERSON", 1, 1)])
    assert got.count(("Quillnet", "ORG")) == 3 and got.count(("Vidra", "ORG")) == 2, got
    assert ("Ana Lima", "PERSON") in got and not [t for t, _ in got if "Tuesday" in t and "Quillnet" in t], got


def test_a_posting_word_leaves_days_places_persons_and_kinds_of_body_alone():
    texts = ["Tom Berg posted on Monday that Boston users and Catholic users liked it.",
             "Bank accounts were frozen, and the Berg account was read out."]
    got = refined(texts, [("Tom Berg", "PERSON", 0), ("Monday", "DATE", 0), ("Boston", "GPE", 0), ("Catholic", "NORP", 0)])
    assert ("Monday", "DATE") in got and ("Boston", "GPE") in got and ("Catholic", "NORP") in got, got
    assert not [t for t, label in got if label == "ORG"], got


def test_each_name_listed_after_a_kind_of_organisation_in_the_plural_is_one():
    texts = ["The newspaper chains Quillon and Orvane Media merged, and Quillon cut jobs.",
             "Fares rose at the carriers Norway, Vantora Air and Ana Lima said so."]
    got = refined(texts, [("Quillon", "PERSON", 0), ("Quillon", "PERSON", 0, 1), ("Norway", "GPE", 1), ("Ana Lima", "PERSON", 1)])
    assert got.count(("Quillon", "ORG")) == 2 and ("Orvane Media", "ORG") in got, got
    assert ("Vantora Air", "ORG") in got and ("Norway", "GPE") in got and ("Ana Lima", "PERSON") in got, got


def test_a_surname_that_is_a_states_name_spreads_as_a_persons_unless_the_page_names_the_place():
    texts = [SPORT, "Kestin Nelson scored twice in the third period.", "Nelson won it in overtime with a wrist shot."]
    got = refined(texts, [("Kestin Nelson", "PERSON", 1), ("Nelson", "PERSON", 2)])
    assert got.count(("Nelson", "PERSON")) == 1 and ("Kestin Nelson", "PERSON") in got, got
    texts = ["Kestin Nelson runs the ferry office.", "Ferries to Nelson resume in May, and Nelson is busy then."]
    got = refined(texts, [("Kestin Nelson", "PERSON", 0), ("Nelson", "GPE", 1), ("Nelson", "PERSON", 1, 1)])
    assert ("Nelson", "PERSON") not in got, got


def test_one_given_name_set_apart_after_a_persons_place_is_that_persons():
    texts = ["The painter and his wife, Ingrid, moved to the coast, and the gallery's owner, Quillon, said so."]
    got = refined(texts, [("Ingrid", "ORG", 0), ("Quillon", "ORG", 0)])
    assert ("Ingrid", "PERSON") in got and ("Quillon", "PERSON") not in got, got


def test_a_possessive_inside_a_bodys_name_splits_the_owner_from_what_is_theirs():
    texts = ["She teaches at Harwick University’s Lane School of Design, and ORVEX’s Office of Audit wrote to her."]
    got = refined(texts, [("Harwick University’s Lane School of Design", "ORG", 0), ("ORVEX’s Office of Audit", "ORG", 0)])
    assert ("Harwick University", "ORG") in got and ("Lane School of Design", "ORG") in got, got
    assert ("ORVEX", "ORG") in got and ("Office of Audit", "ORG") in got, got


def test_a_common_noun_after_an_owners_possessive_is_dropped_and_a_known_place_stays_a_place():
    texts = ["The band joined the Harwick Hall of Fame’s Class of 2020 and toured Kenya’s Coral Coast."]
    got = refined(texts, [("Harwick Hall of Fame’s Class", "GPE", 0), ("Kenya’s Coral Coast", "GPE", 0)])
    assert ("Harwick Hall of Fame", "GPE") in got and not [t for t, _ in got if "Class" in t], got
    assert ("Kenya", "GPE") in got and ("Coral Coast", "FAC") in got, got


def test_a_possessive_that_is_part_of_the_name_stays_inside_it():
    texts = ["The Delta Women’s Savings Fund met at St Anne’s Church with the Council’s Working Group, Veshar’s Border Police and Hallam’s Nurseries."]
    whole = ["Delta Women’s Savings Fund", "St Anne’s Church", "Council’s Working Group", "Veshar’s Border Police", "Hallam’s Nurseries"]
    got = refined(texts, [(whole[0], "ORG", 0), (whole[1], "FAC", 0), (whole[2], "ORG", 0), (whole[3], "ORG", 0), (whole[4], "ORG", 0)])
    assert [t for t, _ in got] == whole, got


def test_a_service_that_makes_documentaries_and_specials_is_an_organisation_but_a_holiday_is_not():
    texts = ["She barred her songs from an upcoming Streamly documentary and her Streamly special.",
             "The Christmas special aired, and an Easter announcement followed."]
    got = refined(texts, [("Streamly", "GPE", 0), ("Streamly", "GPE", 0, 1), ("Christmas", "DATE", 1), ("Easter", "EVENT", 1)])
    assert got.count(("Streamly", "ORG")) == 2, got
    assert ("Christmas", "DATE") in got and not [t for t, label in got if label == "ORG" and t != "Streamly"], got


def test_a_name_a_report_gives_as_its_source_after_the_is_an_organisation():
    texts = ["Her lawyer told The Quill she would appeal, according to the Velbury Courier.",
             "Sales fell, as reported by the Harwick Argus Leader."]
    got = refined(texts, [("Velbury", "GPE", 0), ("Harwick Argus", "ORG", 1)])
    assert ("Quill", "ORG") in got and ("Velbury Courier", "ORG") in got and ("Harwick Argus Leader", "ORG") in got, got


def test_a_source_cue_leaves_a_law_a_place_a_person_and_one_everyday_word_after_the_alone():
    texts = ["He told the Court he was sorry, according to the Charter and according to the Netherlands.",
             "She told Ana Lima the news."]
    got = refined(texts, [("Charter", "LAW", 0), ("Netherlands", "GPE", 0), ("Ana Lima", "PERSON", 1)])
    assert got == [("Charter", "LAW"), ("Netherlands", "GPE"), ("Ana Lima", "PERSON")], got
