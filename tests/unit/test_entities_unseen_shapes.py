"""Shapes of entity mistakes seen on pages nobody tuned on: each on lines written for these tests.

Every name, place and organisation here is invented. The model's mentions are
built by hand (``refined``), so each test states what the steps do with a
given model output: sentence openers, places whose first word is a given
name, wire datelines, rows of tables, names run across a line break, and
credit lines.
"""

from __future__ import annotations

from tests.unit.entity_mentions import refined

# --- a capitalised preposition opening a sentence


def test_one_word_name_after_a_capitalised_place_preposition_is_a_place():
    texts = ["Towards Kelvmoor the road narrows.", "Beyond Drennoch the hills are bare."]
    got = refined(texts, [("Kelvmoor", "PERSON", 0), ("Drennoch", "PERSON", 1)])
    assert ("Kelvmoor", "GPE") in got and ("Drennoch", "GPE") in got, got


def test_in_opening_a_sentence_says_nothing_of_a_place():
    texts = ["In Quillnet, each frame has a name.", "Quillnet stores the frames in a table."]
    assert ("Quillnet", "ORG") in refined(texts, [("Quillnet", "ORG", 0), ("Quillnet", "ORG", 1)])


def test_preposition_opening_a_sentence_is_cut_from_an_organisation():
    texts = ["Despite Ministry of Roads warnings, drivers used the pass.", "Across Brenmoor the roads were shut."]
    got = refined(texts, [("Across Brenmoor", "ORG", 1)])
    assert ("Ministry of Roads", "ORG") in got, got
    assert ("Brenmoor", "GPE") in got, got
    assert not [t for t, _ in got if t.startswith(("Despite", "Across"))], got


def test_organisation_the_page_names_with_its_preposition_in_mid_sentence_keeps_it():
    texts = ["Beyond Words Trust opened a shop.", "Staff at Beyond Words Trust were pleased."]
    got = refined(texts, [("Beyond Words Trust", "ORG", 0), ("Beyond Words Trust", "ORG", 1)])
    assert got.count(("Beyond Words Trust", "ORG")) == 2, got


# --- places whose first word is a given name or a title


def test_place_opened_by_a_given_name_stays_a_place():
    texts = ["The mayor of San Teodoro met officials from Santa Lucerna on Monday."]
    got = refined(texts, [("San Teodoro", "GPE", 0), ("Santa Lucerna", "GPE", 0)])
    assert ("San Teodoro", "GPE") in got and ("Santa Lucerna", "GPE") in got, got


def test_newspaper_named_after_such_a_place_is_not_cut_into_a_person():
    texts = ["The story ran in the San Teodoro Bulletin last week."]
    got = refined(texts, [("San Teodoro Bulletin", "ORG", 0)])
    assert not [t for t, label in got if label == "PERSON"], got


# --- wire datelines in capitals


def test_dateline_in_capitals_is_one_place_however_the_model_cut_it():
    texts = ["PORTO VELMAR 1997-03-02 - Ferry crews went on strike, the union said."]
    got = refined(texts, [("PORTO", "ORG", 0)])
    assert ("PORTO VELMAR", "GPE") in got and ("PORTO", "ORG") not in got, got


def test_dateline_with_an_agency_names_a_town_the_gazetteer_does_not_know():
    texts = ["HARLOWBY, Norway (Wirecall) - Police arrested two men on Friday."]
    got = refined(texts, [("Norway", "GPE", 0), ("Wirecall", "ORG", 0)])
    assert ("HARLOWBY", "GPE") in got, got


def test_dateline_place_with_a_full_stop_is_one_place():
    texts = ["ST. KELVIN, Norway - Shipyard workers walked out on Monday."]
    got = refined(texts, [("ST", "GPE", 0), ("KELVIN", "GPE", 0), ("Norway", "GPE", 0)])
    assert ("ST. KELVIN", "GPE") in got and ("KELVIN", "GPE") not in got, got


def test_sport_slug_and_headline_in_capitals_are_no_dateline():
    texts = ["SOCCER - KELBY WIN AGAIN .", "CRICKET -- Selwick beat Tarnby on Sunday."]
    got = refined(texts, [])
    assert not [t for t, _ in got if t in {"SOCCER", "CRICKET"}], got


def test_name_run_over_a_datelines_date_and_dash_is_a_date_and_a_country():
    texts = ["KESTRELTON, Oct 2 - Norway's fish exports fell in September."]
    got = refined(texts, [("Oct 2 - Norway", "PERSON", 0)])
    assert ("Norway", "GPE") in got, got
    assert not [t for t, label in got if label == "PERSON"], got


def test_names_either_side_of_a_spaced_dash_are_two():
    texts = ["The talks were led by Ilse Varnay - Teodor Brask came later."]
    got = refined(texts, [("Ilse Varnay - Teodor Brask", "PERSON", 0)])
    assert ("Ilse Varnay", "PERSON") in got and ("Teodor Brask", "PERSON") in got, got


# --- rows of tables


GOLF = "Leading scores after the second round of the golf tournament on Friday :"


def test_player_opening_a_score_row_is_a_person_whatever_place_noun_the_surname_is():
    texts = [GOLF, "Edwin Hall 71 70", "Lionel Park 72 68"]
    got = refined(texts, [("Edwin Hall 71", "PERSON", 1), ("Lionel Park", "PERSON", 2)])
    assert ("Edwin Hall", "PERSON") in got and ("Lionel Park", "PERSON") in got, got


def test_park_named_in_prose_is_still_a_place():
    texts = ["Crowds filled Lionel Park on Sunday for the concert."]
    assert ("Lionel Park", "FAC") in refined(texts, [("Lionel Park", "PERSON", 0)])


def test_standings_under_a_sport_slug_in_capitals_name_clubs():
    texts = ["BASKETBALL - STANDINGS", "W L PCT GB", "Harlow Hawks 40 12 .769 -", "Selby Storm 35 17 .673 5"]
    got = refined(texts, [("Harlow Hawks", "PERSON", 2)])
    assert ("Harlow Hawks", "ORG") in got and ("Selby Storm", "ORG") in got, got


def test_side_after_v_in_a_scores_row_is_a_club():
    texts = ["Scores on the first day of the four-day county championship match :",
             "Tarnford 245 ( Edwin Drew 41 ) v Westbury 150 for 6"]
    got = refined(texts, [("Tarnford", "ORG", 1), ("Edwin Drew", "PERSON", 1), ("Westbury", "ORG", 1)])
    assert ("Tarnford", "ORG") in got and ("Westbury", "ORG") in got and ("Edwin Drew", "PERSON") in got, got


# --- names either side of a line break


def test_organisation_words_on_the_next_line_do_not_join_a_byline():
    texts = ["By Marek Osling\nHarlow Daily Courier"]
    got = refined(texts, [("Marek Osling", "PERSON", 0)])
    assert ("Marek Osling", "PERSON") in got and ("Harlow Daily Courier", "ORG") in got, got


def test_word_after_a_line_break_is_no_part_of_the_person_before_it():
    texts = ["Reported by Ilse Varnay\nKELBYTOWN", "Ferry crews went on strike."]
    got = refined(texts, [("Ilse Varnay\nKELBYTOWN", "PERSON", 0)])
    assert ("Ilse Varnay", "PERSON") in got and ("KELBYTOWN", "PERSON") not in got, got


def test_word_after_a_line_break_opening_a_dateline_is_its_place():
    texts = ["Reported by Ilse Varnay\nKELBYTOWN (Wirecall) - Ferry crews went on strike."]
    got = refined(texts, [("Ilse Varnay\nKELBYTOWN", "PERSON", 0)])
    assert ("Ilse Varnay", "PERSON") in got and ("KELBYTOWN", "GPE") in got, got


def test_a_name_broken_over_two_lines_keeps_both_pieces():
    texts = ["She thanked Teodor\nBrask for the loan."]
    got = refined(texts, [("Teodor\nBrask", "PERSON", 0)])
    assert ("Brask", "PERSON") in got, got


# --- bylines, photo credits, contacts


def test_person_of_a_photo_credit_and_the_agency_after_the_slash():
    texts = ["(Photo by Ravi Mensah/Kestrel Images)", "Farmers said the harvest was late."]
    got = refined(texts, [("Ravi Mensah/Kestrel Images", "PERSON", 0)])
    assert ("Ravi Mensah", "PERSON") in got and ("Kestrel Images", "ORG") in got, got


def test_posted_by_and_contact_lines_name_persons():
    texts = ["Posted by Ilse Varnay on March 4, 2021", "Contact: Pavel Dursk\nHarlow Valley Trust"]
    got = refined(texts, [])
    assert ("Ilse Varnay", "PERSON") in got and ("Pavel Dursk", "PERSON") in got, got


def test_by_before_a_time_or_a_possessive_is_no_byline():
    texts = ["By Tuesday Evening the pass was open.", "By Ilse Varnay's account, nobody came."]
    got = refined(texts, [])
    assert not [t for t, label in got if label == "PERSON"], got


def test_role_opening_a_sentence_is_cut_from_the_person_the_model_called_an_organisation():
    texts = ["Striker Pavel Dursk scored twice in the league match."]
    got = refined(texts, [("Striker Pavel Dursk", "ORG", 0)])
    assert ("Pavel Dursk", "PERSON") in got, got


def test_notice_opening_with_capitals_and_a_dash_is_no_dateline():
    texts = ["BREAKING NEWS -- Police say the pass is closed.", "FAQ - How do I reset my password?",
             "UPDATE (Wirecall) - Talks resumed on Monday."]
    got = refined(texts, [])
    assert not [t for t, label in got if label in {"GPE", "LOC"}], got


def test_date_the_model_ran_into_a_datelines_place_keeps_the_date():
    texts = ["PORTO VELMAR 1997-03-02 - Ferry crews went on strike."]
    got = refined(texts, [("VELMAR 1997-03-02", "DATE", 0)])
    assert ("PORTO VELMAR", "GPE") in got and ("1997-03-02", "DATE") in got, got


# --- cells of a table, names of places and bodies on pages of other kinds


def test_a_name_never_runs_across_a_cell_gap_and_a_cell_of_one_common_word_is_no_name():
    texts = ["Country\tNorway\nDistrict\tKelvmoor", "Doors open   Kelby Hall   Free"]
    got = refined(texts, [("Country\tNorway", "ORG", 0), ("Kelby Hall   Free", "ORG", 1)])
    assert not [t for t, _ in got if "\t" in t or "   " in t], got
    assert ("Norway", "GPE") in got and ("Kelby Hall", "FAC") in got, got
    assert not [t for t, _ in got if t in {"Country", "Free"}], got


def test_a_band_named_as_a_quartet_is_an_organisation():
    texts = ["Tickets for the Ellis Varn Quartet sold out within a day."]
    assert ("Ellis Varn Quartet", "ORG") in refined(texts, [("Ellis Varn Quartet", "ORG", 0)])


def test_a_square_the_model_called_a_person_lends_no_surname_to_the_town():
    texts = ["The market fills Place Dorvel every Sunday morning.", "Dorvel is a quiet town on the river."]
    got = refined(texts, [("Place Dorvel", "PERSON", 0), ("Dorvel", "GPE", 1)])
    assert ("Dorvel", "GPE") in got, got


def test_a_given_name_after_the_is_no_person():
    texts = ["Ferries on the Clyde were cancelled after the storm."]
    assert ("Clyde", "GPE") in refined(texts, [("Clyde", "GPE", 0)])


def test_the_words_before_and_in_a_committees_name_are_part_of_it():
    texts = ["Members of the Harbour Towns and Rural Affairs Committee met on Monday."]
    got = refined(texts, [("Rural Affairs Committee", "ORG", 0)])
    assert ("Harbour Towns and Rural Affairs Committee", "ORG") in got, got


def test_a_known_name_or_a_whole_name_before_and_stays_a_body_of_its_own():
    texts = ["Envoys of the Velmora and Harbour Council met.", "Staff of the Kelby Trust and Harbour Council met."]
    got = refined(texts, [("Velmora", "ORG", 0), ("Harbour Council", "ORG", 0), ("Kelby Trust", "ORG", 1),
                          ("Harbour Council", "ORG", 1, 0)])
    assert got.count(("Harbour Council", "ORG")) == 2 and ("Kelby Trust", "ORG") in got, got


def test_a_double_barrelled_surname_after_a_given_name_is_a_person():
    texts = ["The prize went to Ines Varga-Holm of the glacier institute."]
    assert ("Ines Varga-Holm", "PERSON") in refined(texts, [("Ines Varga-Holm", "ORG", 0)])


def test_a_surname_the_model_read_as_a_town_stays_with_the_name_before_it():
    texts = ["The minister met her counterpart, Marta Osling Velde, in the capital."]
    got = refined(texts, [("Marta Osling", "PERSON", 0), ("Velde", "GPE", 0)])
    assert ("Marta Osling Velde", "PERSON") in got, got


def test_a_big_citys_name_after_a_person_is_still_the_city():
    texts = ["A letter from Marta Osling London office staff arrived."]
    got = refined(texts, [("Marta Osling", "PERSON", 0), ("London", "GPE", 0)])
    assert ("Marta Osling", "PERSON") in got and ("London", "GPE") in got, got


def test_a_quarter_of_a_big_city_is_no_person_but_a_given_name_before_the_citys_name_is():
    texts = ["Walks through Vieux Marseille start at the old port.", "Tom Jackson led the first walk in Marseille.",
             "Fans cheered Brock Nelson in Nelson."]
    got = refined(texts, [("Vieux Marseille", "PERSON", 0), ("Tom Jackson", "PERSON", 1), ("Marseille", "GPE", 1),
                          ("Brock Nelson", "PERSON", 2)])
    assert ("Vieux Marseille", "LOC") in got and ("Tom Jackson", "PERSON") in got, got
    assert ("Brock Nelson", "PERSON") in got, got  # (no given name on the list, and no city named alone as a place)


def test_a_long_name_ending_in_a_big_city_lends_the_city_no_surname():
    texts = ["The Théâtre Nouveau Kelby Ballet Marseille reopened.", "Marseille is busy in summer."]
    # (the page names the city as a place; "Browns DL Sheldon Richardson" on a page with no town Richardson keeps it)
    got = refined(texts, [("Théâtre Nouveau Kelby Ballet Marseille", "PERSON", 0), ("Marseille", "GPE", 1)])
    assert ("Marseille", "GPE") in got, got


def test_an_abbey_is_a_place():
    texts = ["Pilgrims walk to Kelby Abbey every spring."]
    assert ("Kelby Abbey", "FAC") in refined(texts, [("Kelby Abbey", "PERSON", 0)])


def test_no_step_joins_a_name_across_a_cell_gap_again():
    texts = ["Applicant\tKelby Homes Ltd", "Agent\tFenwick Varn Architects"]
    got = refined(texts, [("Kelby Homes Ltd", "ORG", 0), ("Fenwick Varn Architects", "ORG", 1)])
    assert ("Kelby Homes Ltd", "ORG") in got and not [t for t, _ in got if "\t" in t], got


def test_a_lane_a_mill_and_a_terrace_are_places():
    texts = ["The footpath runs from Gorsey Lane past Holby Mill to Kestrel Terrace."]
    got = refined(texts, [("Gorsey Lane", "PERSON", 0), ("Holby Mill", "PERSON", 0), ("Kestrel Terrace", "ORG", 0)])
    assert {("Gorsey Lane", "FAC"), ("Holby Mill", "FAC")} <= set(got) and not [l for _, l in got if l in {"PERSON", "ORG"}], got


def test_a_small_town_listed_after_places_is_a_place():
    got = refined(["Storms will hit Hue, Da Nang and Hoi An this week."], [("Hue", "GPE", 0), ("Da Nang", "GPE", 0)])
    assert ("Hoi An", "GPE") in got, got
    got = refined(["The talk by Marta Osling and Hoi An ended."], [("Marta Osling", "PERSON", 0)])
    assert ("Hoi An", "GPE") not in got, got  # (listed after a person: no evidence of a place)


def test_a_one_word_name_after_the_is_a_place_unless_it_is_an_english_word():
    texts = ["Mills lined the east bank of the Varnitz until 1900.", "Children dressed as the Hermit and a witch."]
    got = refined(texts, [("Varnitz", "PERSON", 0), ("Hermit", "PERSON", 1)])
    assert ("Varnitz", "GPE") in got and ("Hermit", "PERSON") in got, got


def test_a_given_name_that_is_a_towns_too_before_a_surname_in_s_is_no_team():
    texts = ["Cricket: the league table after the weekend's matches.", "Posted by Martin Greaves on Sunday.",
             "Martin Foxes beat Holby Rovers by six wickets."]
    got = refined(texts, [("Martin Greaves", "PERSON", 1)])
    assert ("Martin Greaves", "PERSON") in got and ("Martin Foxes", "ORG") in got, got


# --- dates written short, quarters, ranges of years


def test_a_tables_short_dates_with_weekday_and_month_abbreviated_are_dates():
    texts = ["Fri 7 Nov\tHarbourton\t24–25\tKelvmoor", "The return leg is on Sat 15 Nov 2025 at the Quay Hall."]
    got = refined(texts, [])
    assert ("Fri 7 Nov", "DATE") in got and ("Sat 15 Nov 2025", "DATE") in got, got
    # An abbreviated month is a date only as a date writes it, capitalised.
    assert not [t for t, lab in refined(["They met 7 mar halls in the county."], []) if lab == "DATE"]


def test_a_quarter_of_a_year_is_a_date():
    got = refined(["Sales in Q3 2025 rose by a tenth against Q3 2024."], [])
    assert ("Q3 2025", "DATE") in got and ("Q3 2024", "DATE") in got, got


def test_a_range_of_two_years_is_two_dates_the_model_missed():
    got = refined(["The harbour plan for 2024–2028 was agreed in the spring."], [])
    assert ("2024", "DATE") in got and ("2028", "DATE") in got, got
    # A year and its short end is one date, and a run of figures is none.
    assert ("2024", "DATE") not in refined(["Fares for 2024–25 rise; call 0161 555 2024-2028."], []), "range in figures"


# --- companies by their legal form, titles and honours around a person


def test_a_name_with_a_companys_legal_form_is_one_organisation():
    texts = [
        "The appeal was argued by Mwenda Karisa LLP for the shipper.",
        "Shares of Velmar Embalagens Ltda. rose, and Velmar Packaging México, S.A. de C.V. opened a plant.",
        "The order went to Orvane Shipping and Trading Pvt Ltd in the spring.",
    ]
    got = refined(texts, [("Mwenda Karisa LLP", "PERSON", 0), ("Embalagens Ltda", "PERSON", 1), ("Packaging México", "PERSON", 1)])
    assert ("Mwenda Karisa LLP", "ORG") in got, got
    assert ("Velmar Embalagens Ltda", "ORG") in got and ("Velmar Packaging México, S.A. de C.V", "ORG") in got, got
    assert ("Orvane Shipping and Trading Pvt Ltd", "ORG") in got, got
    # A state's short name after a town is no legal form.
    assert not [t for t, lab in refined(["The team flew home to Velmar Falls, NV and rested."], []) if lab == "ORG"]


def test_a_rector_is_a_title_and_senior_counsel_an_honour_after_the_name():
    got = refined(["Rector Aino Rautakoski opened the hall.", "Mr Otieno Karisa SC argued for the owner."],
                  [("Rector Aino Rautakoski", "PERSON", 0), ("Otieno Karisa SC", "PERSON", 1)])
    assert ("Aino Rautakoski", "PERSON") in got and ("Otieno Karisa", "PERSON") in got, got


def test_the_short_name_a_page_gives_an_organisation_is_the_organisations_wherever_it_stands():
    texts = ['In 2019 Orvane Sugar Company Limited ("Orvane Sugar") chartered two ships.', "Orvane Sugar appealed in 2023.",
             "The buyer, Tarnek Opakowania Sp. z o.o., paid in cash.", "Tarnek Opakowania joined the group in August."]
    got = refined(texts, [("Orvane Sugar Company Limited", "ORG", 0), ("Orvane Sugar", "PERSON", 1),
                          ("Tarnek Opakowania", "PERSON", 3)])
    assert got.count(("Orvane Sugar", "ORG")) == 2 and ("Tarnek Opakowania", "ORG") in got, got
    assert ("Orvane Sugar", "PERSON") not in got and ("Tarnek Opakowania", "PERSON") not in got, got
    # A short name English uses as a word is left alone.
    got = refined(['Harbour Holdings plc ("the Company") met.', "The Company said sales rose."], [("Harbour Holdings plc", "ORG", 0)])
    assert ("Company", "ORG") not in got, got


def test_a_title_opens_no_name_with_particles():
    # (the model finds the surname with its particles; titled_names, before surname_particles, makes the given name
    # after the title a person's)
    got = refined(["The show is curated by Dr Marloes van den Akker, head of collections."],
                  [("van den Akker", "PERSON", 0)])
    assert ("Marloes van den Akker", "PERSON") in got, got
