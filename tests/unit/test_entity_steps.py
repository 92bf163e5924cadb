"""Every switchable entity step, on a sentence written for it: the step makes the difference.

Each example is a page (segment texts), the model's mentions built by hand
(text, label, segment, occurrence) and a mention the full list of steps gives
(or must not give). The same page with that one step left out must give a
different answer, so a step that stops doing anything fails here, and a new
step without an example fails :func:`test_every_switchable_step_has_an_example`.
"""

from __future__ import annotations

import pytest

from tests.unit.entity_mentions import KNOWN, labelled, mention
from workers.stages.entities.rules import SWITCHABLE, refine

#: step -> (texts, model mentions as (needle, label, seg, nth), (text, label), present?)
EXAMPLES: dict[str, tuple[list[str], list[tuple[str, str, int, int]], tuple[str, str], bool]] = {
    "trim_spans": (["We thanked the Deputy Minister Helmut Brandt's office."],
                   [("the Deputy Minister Helmut Brandt's", "PERSON", 0, 0)], ("Helmut Brandt", "PERSON"), True),
    "owned_names": (["She teaches at Harwick University’s Lane School of Design."],
                    [("Harwick University’s Lane School of Design", "ORG", 0, 0)], ("Lane School of Design", "ORG"), True),
    "fix_dates": (["The season runs from April to October."], [("April to October", "DATE", 0, 0)], ("April", "DATE"), True),
    "add_date_patterns": (["The hall was built around 3200 BCE and is still visited today."], [], ("today", "DATE"), True),
    "headline_words": (["MILL OWNER FINED OVER SMOKE .", "The owner was fined on Monday ."], [("FINED", "ORG", 0, 0)],
                       ("FINED", "ORG"), False),
    "nationality_prefixes": (["Swede Anders Brolin won the final ."], [("Swede Anders Brolin", "PERSON", 0, 0)],
                             ("Anders Brolin", "PERSON"), True),
    "org_short_forms": (["Shares in Brolin Motors fell .", "Brolin said sales were weak ."], [("Brolin Motors", "ORG", 0, 0)],
                        ("Brolin", "ORG"), True),
    "fix_names": (["We stayed at the Seaview Hotel last spring."], [("Seaview Hotel", "PERSON", 0, 0)], ("Seaview Hotel", "FAC"), True),
    "state_codes": (["The team flew to Austin, TX on Monday."], [("Austin", "GPE", 0, 0), ("TX", "ORG", 0, 0)],
                    ("TX", "ORG"), False),
    "title_line_orgs": (["Statement On Regional Fishing Quotas For Coastal Towns", "The minister spoke."],
                        [("Regional Fishing Quotas For Coastal Towns", "ORG", 0, 0)], ("Regional Fishing Quotas For Coastal Towns", "ORG"), False),
    "common_of_phrases": (["Both sides must respect the Cessation of Fishing, said the envoy."],
                          [("Cessation of Fishing", "ORG", 0, 0)], ("Cessation of Fishing", "ORG"), False),
    "split_orgs": (["The poll by Harbourpoll / Kestrel Research was published."],
                   [("Harbourpoll / Kestrel Research", "ORG", 0, 0)], ("Kestrel Research", "ORG"), True),
    "citations": (["Bone grows under load (Okafor, Halloran, & Berg, 2008)."], [], ("Halloran", "PERSON"), True),
    "reference_authors": (["2. ^ Tarnby, Alma; Orvik, Ola (4 May 2019). \"Ferries of the outer isles\". Harbour Notes."],
                          [("Tarnby", "PERSON", 0, 0), ("Alma", "PERSON", 0, 0)], ("Tarnby, Alma", "PERSON"), True),
    "inverted_names": (["Presiding judge\tTorsvik-Ahl, Marit"], [("Torsvik-Ahl", "PERSON", 0, 0), ("Marit", "PERSON", 0, 0)],
                       ("Torsvik-Ahl, Marit", "PERSON"), True),
    "bracketed_names": (["The North Isles Pilot Service (Loskontoret Tarnvik) will mark the new channel."],
                        [("North Isles Pilot Service", "ORG", 0, 0)], ("Loskontoret Tarnvik", "ORG"), True),
    "journals": (["Tarn, A. (2019). Ferries of the north. Island Commons Review 4(1): 3–19."], [],
                 ("Island Commons Review", "ORG"), True),
    "person_fixes": (["The envoy Marta Kowalska spoke to reporters."], [("Marta Kowalska", "ORG", 0, 0)], ("Marta Kowalska", "PERSON"), True),
    "title_line_trim": (["Anna Berg Visits The Harbour Today", "The visit was short."],
                        [("Anna Berg Visits", "PERSON", 0, 0)], ("Anna Berg", "PERSON"), True),
    "event_names": (["Crowds came to the Tromso International Kite Festival in May."], [], ("Tromso International Kite Festival", "EVENT"), True),
    "fix_events": (["Cyclone Amelie hit the coast."], [("Cyclone Amelie", "PERSON", 0, 0)], ("Cyclone Amelie", "EVENT"), True),
    "org_heads": (["He works for the Faroese Regional Government now."], [], ("Faroese Regional Government", "ORG"), True),
    "inner_breaks": (["Units of the Veshar Armed Forces, Coastal Mobilization Forces met."],
                     [("Veshar Armed Forces, Coastal Mobilization Forces", "ORG", 0, 0)], ("Coastal Mobilization Forces", "ORG"), True),
    "team_names": (["He was drafted by the Seattle Mariners and played 40 games that season in the league."],
                   [("Seattle", "GPE", 0, 0), ("Mariners", "PERSON", 0, 0)], ("Seattle Mariners", "ORG"), True),
    "marked_authors": (["Ruvani Telekwe (1), Mbeto de Quaraz (2) and Ola Brandvik (1)"],
                       [("Ruvani Telekwe", "ORG", 0, 0), ("Mbeto de Quaraz", "ORG", 0, 0), ("Ola Brandvik", "PERSON", 0, 0)],
                       ("Mbeto de Quaraz", "PERSON"), True),
    "joined_places": (["Ferries sail from Trinidad and Tobago to the Isle of Man each spring."],
                      [("Trinidad", "GPE", 0, 0), ("Tobago", "PERSON", 0, 0), ("Man", "PERSON", 0, 0)],
                      ("Trinidad and Tobago", "GPE"), True),
    "listed_places": (["Boats call at Bergen, Varnholm and Skelvik each week."], [("Bergen", "GPE", 0, 0)], ("Skelvik", "GPE"), True),
    "titled_names": (["The talks were opened by President Varkonyi in the hall."], [], ("Varkonyi", "PERSON"), True),
    "given_name_places": (["Rebecca walked home."], [("Rebecca", "GPE", 0, 0)], ("Rebecca", "PERSON"), True),
    "city_quarters": (["Walks through Vieux Marseille start at the port.", "Marseille is busy."],
                      [("Vieux Marseille", "PERSON", 0, 0), ("Marseille", "GPE", 1, 0)], ("Vieux Marseille", "LOC"), True),
    "ruler_names": (["The Dorvan regime has failed its people.", "Dorvan must go, said the minister."],
                    [("Dorvan", "ORG", 0, 0), ("Dorvan", "ORG", 1, 0)], ("Dorvan", "PERSON"), True),
    "results_rows": (["Linford Rovers kept top place in the league after the weekend's matches.", "Linford Rovers 14 9 3 2 30"],
                     [("Linford Rovers", "GPE", 0, 0)], ("Linford Rovers", "ORG"), True),
    "team_cues": (["Selwick coach Ana Lima praised her striker after the league match .", "Selwick won at home ."],
                  [("Selwick", "GPE", 0, 0), ("Selwick", "GPE", 1, 0)], ("Selwick", "ORG"), True),
    "team_nicknames": (["The Kestrels won the league match at home.", "Kestrels coach Ana Lima was pleased."],
                       [("Kestrels", "PERSON", 0, 0)], ("Kestrels", "ORG"), True),
    "org_kinds": (["Shares of the research firm Quillon rose."], [], ("Quillon", "ORG"), True),
    "sources": (["She spoke, according to the Velbury Quill."], [("Velbury", "GPE", 0, 0)], ("Velbury Quill", "ORG"), True),
    "place_kinds": (["Orvik, a small fishing village on the coast, has a pier."], [("Orvik", "PERSON", 0, 0)], ("Orvik", "GPE"), True),
    "platforms": (["Fans posted on Streamly all night."], [("Streamly", "GPE", 0, 0)], ("Streamly", "ORG"), True),
    "org_roles": (["Shares fell after Quillon founder Mara Vell left."], [("Mara Vell", "PERSON", 0, 0)], ("Quillon", "ORG"), True),
    "defined_names": (["Orvane Sugar Company Limited (“Orvane Sugar”) hired a ship.", "Orvane Sugar appealed in May."],
                      [("Orvane Sugar Company Limited", "ORG", 0, 0), ("Orvane Sugar", "PERSON", 1, 0)], ("Orvane Sugar", "ORG"), True),
    "company_forms": (["The buyer, Tarnek Opakowania Sp. z o.o., paid in cash."], [("Tarnek Opakowania Sp", "PERSON", 0, 0)],
                      ("Tarnek Opakowania Sp. z o.o", "ORG"), True),
    "propagate": (["Maria Kowalczyk won the race.", "Kowalczyk thanked her coach."],
                  [("Maria Kowalczyk", "PERSON", 0, 0)], ("Kowalczyk", "PERSON"), True),
    "person_pairs": (["Okafor described the gait first.", "In Okafor & Halloran's study the birds ran."],
                     [("Okafor", "PERSON", 0, 0), ("Okafor & Halloran", "ORG", 1, 0)], ("Halloran", "PERSON"), True),
    "term_acronyms": (["We measured the peak bone strain (PBS) of each bird. PBS rose with age."],
                      [("PBS", "ORG", 0, 1)], ("PBS", "ORG"), False),
    "counted_acronyms": (["He ran for 12 KRs that season and added 3 KR in the final."],
                         [("KR", "ORG", 0, 1)], ("KR", "ORG"), False),
    "works": (["She starred in the film House of Lanterns, and House of Lanterns won praise."],
              [("House of Lanterns", "ORG", 0, 0), ("House of Lanterns", "ORG", 0, 1)], ("House of Lanterns", "ORG"), False),
    "awards": (["She won the Harbour Prize for Poetry last year."], [("Harbour Prize for Poetry", "ORG", 0, 0)], ("Harbour Prize for Poetry", "ORG"), False),
    "known_names": (["She wrote about it on Velmora last night."], [("Velmora", "PERSON", 0, 0)], ("Velmora", "ORG"), True),
    "language_names": (["Few people speak the Vadrin language now; Vadrin has no script."],
                       [("Vadrin", "ORG", 0, 0), ("Vadrin", "ORG", 0, 1)], ("Vadrin", "ORG"), False),
    "institutions": (["The bill went to the Senate on Monday."], [], ("Senate", "ORG"), True),
    "field_keys": (["Case 1\nRespondent\tTarvik Harbour Board", "Case 2\nRespondent    Halden Quarries Ltd"],
                   [("Respondent", "ORG", 0, 0), ("Respondent", "ORG", 1, 0)], ("Respondent", "ORG"), False),
    "common_word_names": (["The grammar was hard.", "Grammar is taught early.", "Grammar comes first."],
                          [("Grammar", "PERSON", 1, 0), ("Grammar", "PERSON", 2, 0)], ("Grammar", "PERSON"), False),
    "everyday_orgs": (["Notes on Winter Markets and Old Roads", "The old roads led to the winter markets."],
                      [("Winter Markets", "ORG", 0, 0)], ("Winter Markets", "ORG"), False),
    "add_places": (["Flights leave for Istanbul twice a week, and for Peru once."], [], ("Peru", "GPE"), True),
    "holidays": (["The boats run from late June until Labour Day."], [], ("Labour Day", "DATE"), True),
    "unknown_places": (["The new clinic near the ferry at Tolvarn opens in May."], [], ("Tolvarn", "GPE"), True),
    "home_towns": (["Tom Berg, 41, of Kestrelford was charged on Monday."], [("Kestrelford", "PERSON", 0, 0)], ("Kestrelford", "GPE"), True),
    "foreign_places": (["We walked down Rua Velha to the beach."], [("Rua Velha", "PERSON", 0, 0)], ("Rua Velha", "FAC"), True),
    "surname_particles": (["The chart was drawn by Marit van der Hoek in 1826."], [("Hoek", "PERSON", 0, 0)],
                          ("Marit van der Hoek", "PERSON"), True),
    # (an initial between: name_edges, since session 45, adds middle names that are words itself)
    "middle_names": (["Jonas Lindqvist", "Jonas P. Lindqvist (born 1961) is a mapmaker."],
                     [("Jonas Lindqvist", "PERSON", 0, 0), ("Lindqvist", "PERSON", 1, 0)],
                     ("Jonas P. Lindqvist", "PERSON"), True),
    "speaker_names": (["A talk with Ilse Varnholm", "VARNHOLM: We drill in spring."], [("Ilse Varnholm", "PERSON", 0, 0),
                      ("VARNHOLM", "ORG", 1, 0)], ("VARNHOLM", "PERSON"), True),
    "opening_words": (["Across Brenmoor the roads were shut."], [("Across Brenmoor", "ORG", 0, 0)], ("Brenmoor", "GPE"), True),
    "dateline_places": (["VILA MARENTA 1998-04-02 - Ferry crews went on strike."], [("VILA", "ORG", 0, 0)],
                        ("VILA MARENTA", "GPE"), True),
    "dash_breaks": (["KESTRELTON, June 9 - Norway's fleet sailed."], [("June 9 - Norway", "PERSON", 0, 0)], ("Norway", "GPE"), True),
    "line_pieces": (["Ilse Varnay\nORVANE said so"], [("Ilse Varnay\nORVANE", "PERSON", 0, 0)], ("ORVANE", "PERSON"), False),
    "credit_lines": (["Posted by Teodor Brask on June 9"], [], ("Teodor Brask", "PERSON"), True),
    "opening_roles": (["Goalkeeper Teodor Brask saved twice."], [("Goalkeeper Teodor Brask", "ORG", 0, 0)],
                      ("Teodor Brask", "PERSON"), True),
    "ministry_portfolios": (["The Ministry of Education, Science, Culture and Sport will fund the school."],
                            [("Ministry of Education", "ORG", 0, 0)], ("Ministry of Education, Science, Culture and Sport", "ORG"), True),
    "appositions": (["Our village elder, Sithong Keomavar, called a meeting at the hall."], [("Sithong Keomavar", "ORG", 0, 0)],
                    ("Sithong Keomavar", "PERSON"), True),
    "honorific_names": (["The motion was put by Cllr Varga and carried."], [("Cllr Varga", "ORG", 0, 0)], ("Varga", "PERSON"), True),
    "date_edges": (["- Wednesday 4th June: sports day"], [("June", "DATE", 0, 0)], ("Wednesday 4th June", "DATE"), True),
    "places_after_prepositions": (["The firm repaired roofs in Upper Harwold last spring."],
                                  [("Upper Harwold", "PERSON", 0, 0)], ("Upper Harwold", "GPE"), True),
    "places_before_divisions": (["Farmers of Varnitz province sold their first crop."], [("Varnitz", "PERSON", 0, 0)],
                                ("Varnitz", "GPE"), True),
    "headed_places": (["Hives line the banks along the Tolmaso River."], [], ("Tolmaso River", "LOC"), True),
    "lone_names_after_the": (["Farms lie near the mouth of the Skarra."], [], ("Skarra", "LOC"), True),
    "possessive_bodies": (["Members of the Tarvo Valley Women's Orchard Association met."],
                          [("Tarvo Valley Women", "ORG", 0, 0), ("Orchard Association", "ORG", 0, 0)],
                          ("Tarvo Valley Women's Orchard Association", "ORG"), True),
    "unseen_persons": (["The mill was run for years by Tarvek Oddsson Brimjo, who is now 79."], [],
                       ("Tarvek Oddsson Brimjo", "PERSON"), True),
    "cued_persons": (['"We wait for the rains," said Kelvo Arrandi Sowe, president of the growers.'],
                     [("Kelvo Arrandi Sowe", "ORG", 0, 0)], ("Kelvo Arrandi Sowe", "PERSON"), True),
    "particle_places": (["Brick houses line the lanes of Velkenrode aan de Tolm."], [("Velkenrode", "GPE", 0, 0)],
                        ("Velkenrode aan de Tolm", "GPE"), True),
    "spoken_in": (["Interviews were held in Wolof and Vadri by enumerators."], [("Vadri", "GPE", 0, 0)], ("Vadri", "GPE"), False),
    "joined_bodies": (["The Kenya Haulage and Allied Dockers’ Union called a strike."],
                      [("Kenya Haulage", "ORG", 0, 0), ("Allied Dockers’ Union", "ORG", 0, 0)],
                      ("Kenya Haulage and Allied Dockers’ Union", "ORG"), True),
    "split_places": (["Lunch is at the Fish Market in Kelvark on Fridays."], [("Fish Market in Kelvark", "FAC", 0, 0)],
                     ("Kelvark", "FAC"), True),
    "org_openers": (["Her first show opens at Galerie Varnholt in May."], [("Galerie Varnholt", "PERSON", 0, 0)],
                    ("Galerie Varnholt", "ORG"), True),
    "table_columns": (["Pos\tRower\tClub\n1\tIlse Varnholm\tKestrel Oar Club\n2\tTova Brandt\tSelwick Rowing Club"],
                      [("Kestrel Oar Club", "PERSON", 0, 0)], ("Ilse Varnholm", "PERSON"), True),
    "currency_codes": (["Boat trips to the skerries run daily  ·  adults NOK 340, children free."], [("NOK", "ORG", 0, 0)],
                       ("NOK", "ORG"), False),
    "drop_lone_words": (["The adjusted Q statistic was reported, and Lanterna agreed."],
                        [("Lanterna", "ORG", 0, 0)], ("Lanterna", "ORG"), False),
    "org_edges": (["Talks of the Norway–Chile Fisheries Council opened on Monday."],
                  [("Norway", "GPE", 0, 0), ("Chile Fisheries Council", "ORG", 0, 0)], ("Norway–Chile Fisheries Council", "ORG"), True),
    "people_groups": (["The Varnu and Keltri peoples of the hills kept goats."],
                      [("Varnu", "PERSON", 0, 0)], ("Varnu", "NORP"), True),
    "lone_persons": (["The pickers of Varnholt brought their crop to the weigh station."],
                     [("Varnholt", "PERSON", 0, 0)], ("Varnholt", "PERSON"), False),
    "defined_acronyms": (["Figures come from the Tarvik Bureau of Fisheries (TBF, 2021), which counts every boat."], [],
                         ("TBF", "ORG"), True),
    "portfolios": (["The Minister of Harbours and Coastal Shipping Tevita Olumeko opened the quay."],
                   [("Harbours and Coastal Shipping", "ORG", 0, 0)], ("Harbours and Coastal Shipping", "ORG"), False),
    "life_events": (["Tavita Olumeko (4 June 1931 – 2 May 2009) was a weaver.", "Olumeko was born in a fishing village."],
                    [("Tavita Olumeko", "ORG", 0, 0), ("Olumeko", "GPE", 1, 0)], ("Olumeko", "PERSON"), True),
    "demonyms": (["Two Tuvaluans and a Ugandan deckhand joined the voyage."], [], ("Tuvaluans", "NORP"), True),
    "name_edges": (["The harbour board's chief engineer Tevita Saulekaho Manuofetoa said the quay was safe."],
                   [("Saulekaho Manuofetoa", "PERSON", 0, 0)], ("Tevita Saulekaho Manuofetoa", "PERSON"), True),
}


def _run(example, without=frozenset()):
    texts, model, _, _ = example
    ms = [mention(texts, needle, label, seg=seg, nth=nth) for needle, label, seg, nth in model]
    # the test list, not the shipped one: the learned list changes with the gold pages
    return labelled(refine(ms, texts, without, known=KNOWN), texts)


def test_every_switchable_step_has_an_example():
    assert set(EXAMPLES) == set(SWITCHABLE)


@pytest.mark.parametrize("step", sorted(EXAMPLES))
def test_the_step_makes_the_difference_on_its_example(step):
    example = EXAMPLES[step]
    want, present = example[2], example[3]
    full, without = _run(example), _run(example, frozenset({step}))
    assert (want in full) == present, full
    assert (want in without) != present, without


def test_a_bodys_head_word_alone_is_not_spread_to_its_other_mentions():
    texts = ["The Harbour Licensing Office refused the permit.", "The Office said the quay was unsafe.",
             "Later the Office wrote again.", "The Office did not reply."]
    model = [("Harbour Licensing Office", "ORG", 0, 0), ("Office", "ORG", 1, 0), ("Office", "ORG", 2, 0)]
    ms = [mention(texts, needle, label, seg=seg, nth=nth) for needle, label, seg, nth in model]
    found = [(t, lab, m.seg) for m, (t, lab) in zip(*_refined(ms, texts))]
    # the model's own two stay its call; the third "Office" is not added by repetition
    assert ("Office", "ORG", 3) not in found, found
    # a one-word name that is no such word still spreads
    texts2 = ["Shares in Brolinco fell.", "Brolinco said sales were weak.", "Analysts expect Brolinco to cut jobs."]
    model2 = [("Brolinco", "ORG", 0, 0), ("Brolinco", "ORG", 1, 0)]
    ms2 = [mention(texts2, needle, label, seg=seg, nth=nth) for needle, label, seg, nth in model2]
    assert ("Brolinco", "ORG", 2) in [(t, lab, m.seg) for m, (t, lab) in zip(*_refined(ms2, texts2))]


def _refined(ms, texts):
    out = refine(ms, texts, known=KNOWN)
    return out, [(m.text(texts), m.label) for m in out]


def test_foreign_words_that_open_names_say_what_the_name_is():
    texts = ["The Federación Andina de Remo Juvenil ran the Copa del Altiplano at Estadio Los Pinos on Sunday.",
             "Crews from Universiti Tanjung Harapan rowed past Kampong Sungai Lima."]
    model = [("Federación Andina de Remo Juvenil", "PERSON", 0, 0), ("Copa del Altiplano", "ORG", 0, 0),
             ("Estadio Los Pinos", "ORG", 0, 0), ("Universiti Tanjung Harapan", "PERSON", 1, 0),
             ("Kampong Sungai Lima", "ORG", 1, 0)]
    ms = [mention(texts, needle, label, seg=seg, nth=nth) for needle, label, seg, nth in model]
    found = set(_refined(ms, texts)[1])
    assert ("Federación Andina de Remo Juvenil", "ORG") in found, found
    assert ("Universiti Tanjung Harapan", "ORG") in found, found
    assert ("Copa del Altiplano", "EVENT") in found, found
    assert {("Estadio Los Pinos", "FAC"), ("Kampong Sungai Lima", "LOC")} <= found, found


def test_a_fair_or_a_festival_named_in_a_language_that_puts_that_word_first_is_an_event():
    texts = ["Growers sold seed at the Foire Agricole de Tamarin and danced at the Sagra del Carciofo in June.",
             "The Palio Unito comes back next summer, and so does the Golden Oar Trophy."]
    model = [("Foire Agricole de Tamarin", "GPE", 0, 0), ("Sagra del Carciofo", "ORG", 0, 0),
             ("Unito", "PERSON", 1, 0), ("Golden Oar Trophy", "ORG", 1, 0)]
    ms = [mention(texts, needle, label, seg=seg, nth=nth) for needle, label, seg, nth in model]
    found = set(_refined(ms, texts)[1])
    assert {("Foire Agricole de Tamarin", "EVENT"), ("Sagra del Carciofo", "EVENT"), ("Palio Unito", "EVENT"),
            ("Golden Oar Trophy", "EVENT")} <= found, found


def test_a_name_wrapped_over_a_paragraphs_line_break_stays_one_name():
    texts = ["The ferry crossed twice before noon, said the skipper Tomasz\nBrzezinski, who has run it for years.",
             "Crew:\nTomasz\nBrzezinski"]
    model = [("Tomasz\nBrzezinski", "PERSON", 0, 0), ("Tomasz\nBrzezinski", "PERSON", 1, 0)]
    ms = [mention(texts, needle, label, seg=seg, nth=nth) for needle, label, seg, nth in model]
    out, found = _refined(ms, texts)
    assert ("Tomasz\nBrzezinski", "PERSON") in found and [m.seg for m in out if m.text(texts) == "Tomasz\nBrzezinski"] == [0]
    # short lines are lines of their own, not a paragraph wrapped at the page's width: the name stops at the break
    assert not [m for m in out if m.seg == 1 and "\n" in m.text(texts)]


def test_a_name_that_ends_in_a_plural_is_no_persons():
    texts = ["Seed comes from Kestrel Agro-Traders and Holm Ferries carries it to the island.",
             "The singer Joan Rivers and the actor Orvil Welles came too."]
    model = [("Kestrel Agro-Traders", "PERSON", 0, 0), ("Holm Ferries", "PERSON", 0, 0), ("Joan Rivers", "PERSON", 1, 0),
             ("Orvil Welles", "PERSON", 1, 0)]
    ms = [mention(texts, needle, label, seg=seg, nth=nth) for needle, label, seg, nth in model]
    found = set(_refined(ms, texts)[1])
    assert {("Kestrel Agro-Traders", "ORG"), ("Holm Ferries", "ORG")} <= found, found
    # after a given name, or not a plural of an English word: a surname
    assert {("Joan Rivers", "PERSON"), ("Orvil Welles", "PERSON")} <= found, found


def test_a_small_countrys_capital_is_a_place_wherever_it_stands():
    # Vaduz has some 5,000 people, far below the cut-off for towns found without a preposition; a capital is known
    texts = ["The delegation drove on to reach Vaduz by nightfall."]
    assert ("Vaduz", "GPE") in set(_refined([], texts)[1])
    # a capital the countries' table writes without its accents ("Torshavn") is known as the cities' table writes it
    assert ("Tórshavn", "GPE") in set(_refined([], ["The delegation drove on to reach Tórshavn by nightfall."])[1])
    # a town of that size that is no capital still needs "in", "near" or the like
    assert ("Triesen", "GPE") not in set(_refined([], ["The delegation drove on to reach Triesen by nightfall."])[1])


def test_dialogues_and_weeks_are_events_and_a_forum_is_one_when_it_meets():
    texts = ["Ministers met at the Outer Isles Cable Security Dialogue during Island Fisheries Week.",
             "The 3rd Harbour Towns Forum opened on Monday; the Harbour Towns Forum has a small secretariat."]
    model = [("Outer Isles Cable Security Dialogue", "ORG", 0, 0), ("Island Fisheries Week", "ORG", 0, 0),
             ("Harbour Towns Forum", "ORG", 1, 0), ("Harbour Towns Forum", "ORG", 1, 1)]
    ms = [mention(texts, needle, label, seg=seg, nth=nth) for needle, label, seg, nth in model]
    out, found = _refined(ms, texts)
    assert {("Outer Isles Cable Security Dialogue", "EVENT"), ("Island Fisheries Week", "EVENT")} <= set(found), found
    # the forum that meets (its third meeting) is an event, the standing one an organisation
    assert {("3rd Harbour Towns Forum", "EVENT"), ("Harbour Towns Forum", "ORG")} <= set(found), found


def test_a_nationality_named_as_a_language_is_not_added():
    texts = ["The notice is read out in Spanish and Aymara, and many skippers speak Russian; Russian trawlers call at the pier."]
    found = [f for f in _refined([], texts)[1] if f[1] == "NORP"]
    assert found.count(("Russian", "NORP")) == 1 and ("Spanish", "NORP") not in found, found


def test_a_cases_parties_a_countrys_possessive_and_a_legal_form_in_brackets():
    texts = ["In Holm Ferries v Outer Isles Harbour Board the tribunal ruled for the board.",
             "Norway's Directorate of Coastal Shipping fined Kestrel Ore Haulage (Pty) Ltd last year.",
             "The survey appeared in Island Economy Quarterly in 2021."]
    model = [("Holm Ferries v Outer Isles Harbour Board", "ORG", 0, 0),
             ("Norway's Directorate of Coastal Shipping", "ORG", 1, 0), ("Kestrel Ore Haulage", "ORG", 1, 0),
             ("Island Economy Quarterly", "PERSON", 2, 0)]
    ms = [mention(texts, needle, label, seg=seg, nth=nth) for needle, label, seg, nth in model]
    found = set(_refined(ms, texts)[1])
    assert {("Holm Ferries", "ORG"), ("Outer Isles Harbour Board", "ORG")} <= found, found
    assert {("Norway", "GPE"), ("Directorate of Coastal Shipping", "ORG")} <= found, found
    assert ("Kestrel Ore Haulage (Pty) Ltd", "ORG") in found, found
    assert ("Island Economy Quarterly", "ORG") in found, found


def test_a_reference_lists_initials_without_full_stops_belong_to_the_surname():
    texts = ["Holmqvist AB, Varga T-M (2020) Ferries of the outer isles. Island Studies 4: 1-20."]
    model = [("Holmqvist", "PERSON", 0, 0), ("Varga", "PERSON", 0, 0)]
    ms = [mention(texts, needle, label, seg=seg, nth=nth) for needle, label, seg, nth in model]
    found = set(_refined(ms, texts)[1])
    assert {("Holmqvist AB", "PERSON"), ("Varga T-M", "PERSON")} <= found, found
    # an acronym after a name in a sentence is the sentence's
    texts = ["The report by Holmqvist UN officials cited was late."]
    assert ("Holmqvist UN", "PERSON") not in set(_refined([mention(texts, "Holmqvist", "PERSON")], texts)[1])


def test_a_big_city_the_model_calls_an_organisation_is_a_place_off_the_sports_pages():
    texts = ["The water board met on Friday.", "Rotterdam will pay for the new dykes."]
    model = [("Rotterdam", "ORG", 1, 0)]
    ms = [mention(texts, needle, label, seg=seg, nth=nth) for needle, label, seg, nth in model]
    assert ("Rotterdam", "GPE") in _refined(ms, texts)[1]
    # the other name of a city is no evidence of it: many are given names or brands ("Bombay" is one of Mumbai's)
    texts2 = ["The water board met on Friday.", "Bombay will pay for the new dykes."]
    ms2 = [mention(texts2, "Bombay", "ORG", seg=1, nth=0)]
    assert ("Bombay", "GPE") not in _refined(ms2, texts2)[1]


def test_two_companies_joined_by_and_stay_two_and_a_based_word_is_no_part_of_the_name():
    texts = ["Buyers such as Tarnfield Milling Company and Orvane Trading Ltd signed contracts."]
    ms = [mention(texts, "Tarnfield Milling Company", "ORG")]
    got = set(_refined(ms, texts)[1])
    assert {("Tarnfield Milling Company", "ORG"), ("Orvane Trading Ltd", "ORG")} <= got, got
    texts2 = ["The contract went to Rotterdam-based Velmar Logistiek Kft last week."]
    got2 = set(_refined([], texts2)[1])
    assert ("Velmar Logistiek Kft", "ORG") in got2, got2


def test_cooperatives_networks_guilds_and_tribunals_are_organisations_the_model_missed():
    texts = ["Farmers from the Kestrel Valley Growers Cooperative met the Orvane Weavers Guild on Monday.",
             "The Harbour Water Network sent the case to the Coastal Fisheries Tribunal."]
    got = set(_refined([], texts)[1])
    for name in ("Kestrel Valley Growers Cooperative", "Orvane Weavers Guild", "Harbour Water Network", "Coastal Fisheries Tribunal"):
        assert (name, "ORG") in got, (name, got)


def test_a_storm_word_before_a_name_the_model_read_makes_the_storm():
    texts = ["When Cyclone Merle crossed the outer isles, the ferries stayed in port."]
    got = set(_refined([mention(texts, "Merle", "PERSON")], texts)[1])
    assert ("Cyclone Merle", "EVENT") in got and ("Merle", "PERSON") not in got, got


def test_surnames_with_initials_and_a_town_with_its_country_are_no_reference_authors():
    texts = ["Tarnby BR, Orvik S (2020). Ferries of the outer isles. Harbour Notes 4: 12-19.",
             "Rotterdam, Netherlands (2019). Port statistics for the year."]
    got = set(_refined([], texts)[1])
    assert ("Tarnby BR, Orvik S", "PERSON") not in got and ("Rotterdam, Netherlands", "PERSON") not in got, got


def test_names_listed_with_a_place_or_after_in_are_places_but_not_authors_or_months():
    texts = ["Boats call at Bergen, Varnholm and Skelvik each week.",
             "Households in Orvanet, Kessby and Tulmar took part.",
             "Later work (Halvik and Brenner 2020) agrees.",
             "Sailings run in June and July from Bergen and Varnholm; notices come in Norwegian and English.",
             "In the final, Oslo and Varnel defeated the holders."]
    ms = [mention(texts, "Bergen", "GPE", seg=0), mention(texts, "Bergen", "GPE", seg=3)]
    found = {(t, lab) for t, lab in _refined(ms, texts)[1]}
    assert {("Varnholm", "GPE"), ("Skelvik", "GPE"), ("Orvanet", "GPE"), ("Kessby", "GPE"), ("Tulmar", "GPE")} <= found, found
    assert not {("Halvik", "GPE"), ("Brenner", "GPE"), ("June", "GPE"), ("July", "GPE"), ("Norwegian", "GPE"), ("English", "GPE"),
                ("Varnel", "GPE")} & found, found  # (names that act are people: "Oslo and Varnel defeated")


def test_a_bylines_author_is_a_person_though_the_given_name_is_rare():
    texts = ["By Ysolde Marrack-Tey · Updated 4 May 2026 · 6 min read", "The ferry left at noon."]
    ms = [mention(texts, "Ysolde Marrack-Tey", "ORG", seg=0)]
    assert ("Ysolde Marrack-Tey", "PERSON") in set(_refined(ms, texts)[1])


def test_a_name_followed_by_who_is_a_persons_but_not_a_teams_or_a_bodys_plural():
    texts = ["Dorran Quillby, who has kept the lighthouse since 2011, asks visitors to keep off the rocks.",
             "Quillby said the track floods in winter.",
             "The Harbour Council, who are meeting today, will vote."]
    ms = [mention(texts, "Dorran Quillby", "ORG", seg=0), mention(texts, "Quillby", "ORG", seg=1),
          mention(texts, "Harbour Council", "ORG", seg=2)]
    found = set(_refined(ms, texts)[1])
    assert {("Dorran Quillby", "PERSON"), ("Quillby", "PERSON"), ("Harbour Council", "ORG")} <= found, found



def test_a_body_named_by_its_first_part_before_of_stays_a_body_though_its_last_word_names_a_place():
    texts = ["Crews trained with the Polytechnic College of the Varn Islands and the Museum of the Skelvik Hills."]
    ms = [mention(texts, "Polytechnic College of the Varn Islands", "ORG"), mention(texts, "Museum of the Skelvik Hills", "ORG")]
    found = set(_refined(ms, texts)[1])
    assert ("Polytechnic College of the Varn Islands", "ORG") in found, found
    assert ("Museum of the Skelvik Hills", "FAC") in found, found


def test_a_persons_name_after_a_foreign_word_for_a_body_names_the_body():
    texts = ["Samples went to the Institut Tomas Varnel in the capital."]
    found = set(_refined([mention(texts, "Tomas Varnel", "PERSON")], texts)[1])
    assert ("Institut Tomas Varnel", "ORG") in found and ("Tomas Varnel", "PERSON") not in found, found


def test_new_words_of_the_lists_an_airfield_a_french_peak_a_radio_station_and_a_company_form():
    texts = ["Planes land at Orvik Halden Airfield below the Piton des Varnes.",
             "Radio Skelvik Nord reported that Varnholm Nickel SAS had closed."]
    ms = [mention(texts, "Orvik Halden Airfield", "PERSON"), mention(texts, "Piton des Varnes", "ORG"),
          mention(texts, "Skelvik Nord", "PERSON", seg=1)]
    found = set(_refined(ms, texts)[1])
    assert {("Orvik Halden Airfield", "FAC"), ("Piton des Varnes", "LOC"), ("Radio Skelvik Nord", "ORG"),
            ("Varnholm Nickel SAS", "ORG")} <= found, found


def test_the_town_after_a_persons_name_and_of_is_a_place_but_a_body_there_stays_a_body():
    texts = ["Elder Dorran Quillby of Varnholm said the ponds dried early.",
             "Marta Kessby of Oxbay Relief said aid was late, and Tomas Varnel of Harbour Trust agreed."]
    ms = [mention(texts, "Dorran Quillby", "PERSON"), mention(texts, "Varnholm", "PERSON"),
          mention(texts, "Marta Kessby", "PERSON", seg=1), mention(texts, "Oxbay Relief", "ORG", seg=1),
          mention(texts, "Tomas Varnel", "PERSON", seg=1)]
    found = set(_refined(ms, texts)[1])
    assert ("Varnholm", "GPE") in found and ("Oxbay Relief", "ORG") in found, found
    assert not {("Harbour Trust", "GPE"), ("Oxbay Relief", "GPE")} & found, found


def test_a_fair_of_two_things_a_weekend_and_days_are_events():
    texts = ["Visitors come for the Varn Wool and Crafts Fair and the Skelvik Lantern Weekend.",
             "The Orvik Song Days drew a crowd, and Tomas Varnel sang."]
    ms = [mention(texts, "Varn", "GPE"), mention(texts, "Crafts Fair", "EVENT"), mention(texts, "Skelvik Lantern Weekend", "PERSON"),
          mention(texts, "Tomas Varnel", "PERSON", seg=1)]
    found = set(_refined(ms, texts)[1])
    assert {("Varn Wool and Crafts Fair", "EVENT"), ("Skelvik Lantern Weekend", "EVENT"), ("Orvik Song Days", "EVENT"),
            ("Tomas Varnel", "PERSON")} <= found, found


def test_after_an_occupation_the_models_name_inside_the_persons_gives_way_but_its_whole_company_stays():
    texts = ["The coach Sandrine Varnel admitted her team tired.", "He worked for the tin producer Varn Mining Limitada."]
    ms = [mention(texts, "Varnel", "ORG"), mention(texts, "Varn Mining Limitada", "ORG", seg=1)]
    found = set(_refined(ms, texts)[1])
    assert ("Sandrine Varnel", "PERSON") in found and ("Varn Mining Limitada", "ORG") in found, found


def test_an_items_code_and_a_heading_of_one_everyday_word_are_no_names():
    texts = ["R2.1 Open a desk with the Varn Harbour Trust.\nR2.2 Varn Harbour Trust will fund it.", "Background",
             "Varnholm"]
    ms = [mention(texts, "R2.1 Open", "ORG"), mention(texts, "R2.2 Varn Harbour Trust", "ORG"),
          mention(texts, "Background", "GPE", seg=1), mention(texts, "Varnholm", "GPE", seg=2)]
    found = set(_refined(ms, texts)[1])
    assert ("Varn Harbour Trust", "ORG") in found and ("Varnholm", "GPE") in found, found
    assert not {t for t, _ in found} & {"R2.1 Open", "Open", "Background", "R2.2 Varn Harbour Trust"}, found


def test_an_authors_affiliation_marks_and_a_members_letters_are_no_part_of_the_name():
    texts = ["Ysolde Varnel ¹, Tomas Kessby ²\n", "Delivered by Dorran Quillby MHK, minister, at the hall."]
    ms = [mention(texts, "Ysolde Varnel ¹", "PERSON"), mention(texts, "Tomas Kessby ²", "PERSON"),
          mention(texts, "Dorran Quillby MHK", "PERSON", seg=1)]
    found = set(_refined(ms, texts)[1])
    assert {("Ysolde Varnel", "PERSON"), ("Tomas Kessby", "PERSON"), ("Dorran Quillby", "PERSON")} <= found, found


def test_a_name_right_before_a_division_word_is_a_place_though_the_model_saw_none_or_a_body():
    texts = ["Farms in the Orvanet valley and the Kessby district sold rice; the Tulmar glacier shrank.",
             "Country     Mangrove area\nThe mangrove belt is wide.", "Traders of the Varnholm region met."]
    ms = [mention(texts, "Varnholm", "ORG", seg=2)]
    found = set(_refined(ms, texts)[1])
    assert {("Orvanet", "GPE"), ("Kessby", "GPE"), ("Tulmar", "GPE"), ("Varnholm", "GPE")} <= found, found
    assert not {t for t, _ in found} & {"Mangrove", "Country"}, found


def test_a_pass_a_crossing_a_sanctuary_a_territory_and_a_route_are_places():
    texts = ["Buses climb the Kessby Pass to the Orvik Wildlife Sanctuary in the Varn Territory.",
             "The Tulmar Alpine Crossing follows the old Skelvik Salt Route."]
    ms = [mention(texts, "Kessby Pass", "ORG"), mention(texts, "Orvik Wildlife Sanctuary", "ORG"), mention(texts, "Varn Territory", "ORG"),
          mention(texts, "Tulmar Alpine Crossing", "ORG", seg=1), mention(texts, "Skelvik Salt Route", "PERSON", seg=1)]
    labels = {t: lab for t, lab in _refined(ms, texts)[1]}
    assert all(labels.get(t) in ("FAC", "LOC", "GPE") for t in
               ("Kessby Pass", "Orvik Wildlife Sanctuary", "Varn Territory", "Tulmar Alpine Crossing", "Skelvik Salt Route")), labels


def test_a_foreign_bodys_name_takes_the_place_of_the_models_pieces_inside_it():
    texts = ["Students of the Universidad Pedagógica del Valle Orvano met staff of the Fundación Tomas Varnel."]
    ms = [mention(texts, "Universidad", "GPE"), mention(texts, "Valle Orvano", "PERSON"), mention(texts, "Tomas Varnel", "PERSON")]
    found = set(_refined(ms, texts)[1])
    assert {("Universidad Pedagógica del Valle Orvano", "ORG"), ("Fundación Tomas Varnel", "ORG")} <= found, found


def test_a_journals_volume_in_a_reference_is_no_part_of_its_name():
    texts = ["[3] Varnel T (2021) Ferries of the isles. Journal of Harbour Studies 34(2): 88–104.",
             "[4] Kessby A (2019) Tides. Harbour Geography Letters 14: 201–219."]
    found = set(_refined([], texts)[1])
    assert {("Journal of Harbour Studies", "ORG")} <= found, found
    assert not {t for t, _ in found} & {"Journal of Harbour Studies 34"}, found


def test_a_plurals_possessive_inside_a_bodys_name_is_the_names_own():
    texts = ["Crews joined the Kessby Carriers and Dock Workers’ Union, said the Orvik Pearl Growers' Federation."]
    found = set(_refined([], texts)[1])
    assert {("Kessby Carriers and Dock Workers’ Union", "ORG"), ("Orvik Pearl Growers' Federation", "ORG")} <= found, found


def test_a_countrys_name_with_small_words_is_one_place_unless_a_longer_name_holds_it():
    texts = ["Boats from Sao Tome and Principe and from the Isle of Man met the Government of Trinidad and Tobago."]
    ms = [mention(texts, "Sao Tome", "GPE"), mention(texts, "Principe", "NORP"), mention(texts, "Man", "PERSON"),
          mention(texts, "Government of Trinidad and Tobago", "ORG")]
    found = set(_refined(ms, texts)[1])
    assert {("Sao Tome and Principe", "GPE"), ("Isle of Man", "GPE"), ("Government of Trinidad and Tobago", "ORG")} <= found, found


def test_a_bodys_name_in_a_romance_language_takes_its_lower_case_adjectives_and_the_place_after_de():
    texts = ["The Tribunal administratif de Rennes heard the case; an appeal lies to the Cour administrative d'appel de "
             "Nantes, said the Conseil territorial. The Radio station stayed on air."]
    ms = [mention(texts, "Tribunal", "ORG"), mention(texts, "Rennes", "GPE"), mention(texts, "Nantes", "ORG"),
          mention(texts, "Conseil", "ORG")]
    found = set(_refined(ms, texts)[1])
    assert {("Tribunal administratif de Rennes", "ORG"), ("Cour administrative d'appel de Nantes", "ORG"),
            ("Conseil territorial", "ORG")} <= found, found
    assert not {t for t, _ in found} & {"Radio station", "Radio"}, found


def test_an_event_named_for_what_it_was_of_and_a_war_of_two_peoples_joined_by_a_dash():
    texts = ["Many died in the Siege of Varnholm, and the Feast of Saint Ana is kept each June.",
             "After the Franco–Prussian War the town grew.", "Liberation of Varnholm"]
    ms = [mention(texts, "Varnholm", "GPE"), mention(texts, "Franco", "PERSON", seg=1),
          mention(texts, "Prussian War", "EVENT", seg=1), mention(texts, "Varnholm", "GPE", seg=2)]
    found = set(_refined(ms, texts)[1])
    assert {("Siege of Varnholm", "EVENT"), ("Feast of Saint Ana", "EVENT"), ("Franco–Prussian War", "EVENT")} <= found, found
    assert ("Varnholm", "GPE") in [(t, lab) for m, (t, lab) in zip(*_refined(ms, texts)) if m.seg == 2], found


def test_a_name_after_a_part_or_the_people_of_a_place_and_of_is_a_place():
    texts = ["Halalo lies on the south coast of Wallis, and residents of Varnholm are angry.",
             "The village of Tarnby has one shop."]
    ms = [mention(texts, "Wallis", "ORG"), mention(texts, "Varnholm", "PERSON"), mention(texts, "Tarnby", "ORG", seg=1)]
    found = set(_refined(ms, texts)[1])
    assert {("Wallis", "GPE"), ("Varnholm", "GPE"), ("Tarnby", "GPE")} <= found, found


def test_a_country_of_capitalised_words_the_model_split_or_took_for_a_date_is_one_place():
    texts = ["Flights link Noumea with French Guiana twice a month.", "Crabs cross Christmas Island each year."]
    ms = [mention(texts, "French", "NORP"), mention(texts, "Guiana", "GPE"), mention(texts, "Christmas Island", "DATE", seg=1)]
    found = set(_refined(ms, texts)[1])
    assert {("French Guiana", "GPE"), ("Christmas Island", "GPE")} <= found, found


def test_reference_authors_with_initials_apa_style_and_after_a_wikis_caret_letters():
    texts = ["Tarnby, A., & van Berg Holm, O.-K. (2019). Ferries of the outer isles. Harbour Notes, 4(2), 1-19.",
             "^ a b  Kessby, Alma (2021). \"Quays\". Island Notes 3: 14-19."]
    ms = [mention(texts, "Holm", "GPE"), mention(texts, "Alma", "PERSON", seg=1)]
    found = set(_refined(ms, texts)[1])
    assert {("Tarnby, A", "PERSON"), ("van Berg Holm, O.-K", "PERSON"), ("Kessby, Alma", "PERSON")} <= found, found


def test_a_bodys_name_opening_with_an_accented_capital_and_a_government_of_a_place_are_one_body():
    texts = ["Norway will invite the Östvik Islands Peace Institute, and the Government of Varnholm agreed."]
    ms = [mention(texts, "Islands Peace Institute", "ORG"), mention(texts, "Government", "ORG"), mention(texts, "Varnholm", "GPE")]
    found = set(_refined(ms, texts)[1])
    assert {("Östvik Islands Peace Institute", "ORG"), ("Government of Varnholm", "ORG")} <= found, found


def test_a_place_named_whole_with_and_stays_one_though_its_parts_are_peoples_names():
    texts = ["Kessby visited Trinidad and Tobago in May.", "Tobago said the crossing was rough."]
    ms = [mention(texts, "Kessby", "PERSON"), mention(texts, "Trinidad and Tobago", "GPE"), mention(texts, "Tobago", "PERSON", seg=1)]
    out, found = _refined(ms, texts)
    assert ("Trinidad and Tobago", "GPE") in found and not [m for m in out if m.seg == 0 and m.text(texts) == "Tobago"], found


def test_st_opening_a_name_that_ends_on_a_places_head_word_is_part_of_the_place():
    texts = ["The ferry sails to St Varn Port on Fridays, and St Anne is its patron."]
    ms = [mention(texts, "St Varn Port", "PERSON"), mention(texts, "St Anne", "PERSON")]
    found = set(_refined(ms, texts)[1])
    assert ("St Varn Port", "FAC") in found and ("Anne", "PERSON") in found, found


def test_a_country_opening_a_bodys_name_after_the_is_no_place_of_its_own():
    texts = ["Members of the Niue Young Sailors Society set out at dawn."]
    ms = [mention(texts, "Niue", "GPE"), mention(texts, "Young Sailors Society", "ORG")]
    found = set(_refined(ms, texts)[1])
    assert ("Niue Young Sailors Society", "ORG") in found and not {t for t, _ in found} & {"the Niue", "Niue"}, found


def test_a_one_word_organisation_the_page_also_writes_in_lower_case_is_dropped_though_named_twice():
    texts = ["Figure 2. Kelpbeds mapped from the air.", "Kelpbeds shrink in warm years.", "The kelpbeds off Varnholm are thin.",
             "Brolinco said it would fund the survey, and Brolinco staff joined it."]
    ms = [mention(texts, "Kelpbeds", "ORG"), mention(texts, "Kelpbeds", "ORG", seg=1), mention(texts, "Brolinco", "ORG", seg=3),
          mention(texts, "Brolinco", "ORG", seg=3, nth=1)]
    found = set(_refined(ms, texts)[1])
    assert ("Kelpbeds", "ORG") not in found and ("Brolinco", "ORG") in found, found


def test_a_big_city_opening_a_sentence_or_closing_one_before_a_capital_is_still_added():
    texts = ["Lindqvist A (1998). Quays of the north. Gaborone: Harbour Scholarly Press.",
             "For the applicant: Ana Lima of Lima & Berg Attorneys, Montevideo. For the respondent: Tomas Varnel."]
    found = set(_refined([], texts)[1])
    assert {("Gaborone", "GPE"), ("Montevideo", "GPE")} <= found, found


def test_a_companys_name_with_its_legal_form_starts_after_the_sentence_before_it():
    texts = ["Take a shuttle from the village or Varnholm. Kessby Shuttles Ltd and two others run them."]
    ms = [mention(texts, "Varnholm", "PERSON"), mention(texts, "Kessby Shuttles Ltd", "ORG")]
    found = set(_refined(ms, texts)[1])
    assert ("Kessby Shuttles Ltd", "ORG") in found and not any(t.startswith("Varnholm.") for t, _ in found), found


def test_guesthouses_bakeries_railways_and_weeklies_the_model_read_as_people_are_organisations():
    texts = ["We stayed at Kessby Lodge, bought bread at Varn Bakery and took Tarnby Railway to the coast.",
             "The Orvik Weekly reported it."]
    ms = [mention(texts, "Kessby Lodge", "PERSON"), mention(texts, "Varn Bakery", "PERSON"),
          mention(texts, "Tarnby Railway", "PERSON"), mention(texts, "Orvik Weekly", "PERSON", seg=1)]
    found = set(_refined(ms, texts)[1])
    assert {("Kessby Lodge", "ORG"), ("Varn Bakery", "ORG"), ("Tarnby Railway", "ORG"), ("Orvik Weekly", "ORG")} <= found, found


def test_a_bodys_spelt_out_name_before_its_acronym_takes_the_models_place_or_person_inside_it():
    texts = ["In 1890 the towns set up the Joint Board for the Dredging of the Tagus (JBDT) at Tarnby."]
    ms = [mention(texts, "Joint Board", "ORG"), mention(texts, "Tagus", "PERSON")]
    found = set(_refined(ms, texts)[1])
    assert {("Joint Board for the Dredging of the Tagus", "ORG"), ("JBDT", "ORG")} <= found, found


def test_a_name_of_several_words_after_the_people_or_a_part_of_a_place_is_a_place_too():
    texts = ["Mining upstream of Varnosoula has fouled the river, say residents of Tarn Brac and the villages of Al Orvik."]
    ms = [mention(texts, "Varnosoula", "PERSON"), mention(texts, "Tarn Brac", "PERSON"), mention(texts, "Al Orvik", "PERSON")]
    found = set(_refined(ms, texts)[1])
    assert {("Varnosoula", "GPE"), ("Tarn Brac", "GPE"), ("Al Orvik", "GPE")} <= found, found


def test_vancouver_style_reference_authors_are_the_surname_and_its_initials():
    texts = ["[1] Tarnby AB, Kessby M. Quays of the north. Harbour Notes. 2011;7(3):1-19.",
             "Holm B, Varnel J-M (2021) Reef by reef. Island Commons 9: 102-119.",
             "The IMF and the WTO met in Geneva. Prices rose in 2019."]
    ms = [mention(texts, "Kessby M. Quays", "PERSON"), mention(texts, "IMF", "ORG", seg=2), mention(texts, "WTO", "ORG", seg=2)]
    found = set(_refined(ms, texts)[1])
    assert {("Tarnby AB", "PERSON"), ("Kessby M", "PERSON"), ("Holm B", "PERSON"), ("Varnel J-M", "PERSON")} <= found, found
    assert {("IMF", "ORG"), ("WTO", "ORG")} <= found, found


def test_a_standings_head_rows_abbreviations_are_no_names_but_a_partys_acronym_heading_its_column_stays():
    standings = "Pos\tClub\tP\tW\tGF\tGA\tPts\n1\tHarbour Rovers\t14\t10\t31\t9\t33\n2\tQuay Athletic\t14\t8\t27\t12\t29"
    votes = "Parish\tHLP\tQDA\tTurnout\nVarnholm\t412\t388\t61%\nTarnby\t219\t301\t58%"
    texts = [standings, votes]
    ms = [mention(texts, "GF", "ORG"), mention(texts, "Pos", "ORG"), mention(texts, "HLP", "ORG", seg=1),
          mention(texts, "QDA", "ORG", seg=1)]
    found = set(_refined(ms, texts)[1])
    assert not {("GF", "ORG"), ("Pos", "ORG")} & found and {("HLP", "ORG"), ("QDA", "ORG")} <= found, found


def test_channels_points_creeks_reserves_and_markets_the_model_read_as_bodies_are_places():
    texts = ["Boats crossed the Varn Channel from Selwick Point to Kessby Creek, past the Tarnby Reserve and Orvik Market."]
    ms = [mention(texts, "Varn Channel", "ORG"), mention(texts, "Selwick Point", "ORG"), mention(texts, "Kessby Creek", "PERSON"),
          mention(texts, "Tarnby Reserve", "ORG"), mention(texts, "Orvik Market", "ORG")]
    found = set(_refined(ms, texts)[1])
    assert {t for t, lab in found if lab in ("LOC", "GPE", "FAC")} >= {"Varn Channel", "Selwick Point", "Kessby Creek",
                                                                       "Tarnby Reserve", "Orvik Market"}, found
