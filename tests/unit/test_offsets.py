from workers.models import TextBuilder


def test_copied_text_maps_one_to_one():
    src = "Hello   world"
    b = TextBuilder()
    b.copy(src, 0, 5)
    b.replace(5, 8, " ")
    b.copy(src, 8, 13)
    text, offsets = b.build()
    assert text == "Hello world"
    s, e = offsets.to_source(6, 11)
    assert src[s:e] == "world"
    s, e = offsets.to_source(0, 11)
    assert (s, e) == (0, 13)


def test_inserted_letter_maps_to_the_word_it_repairs():
    src = "apan is here"
    b = TextBuilder()
    b.replace(0, 0, "J")
    b.copy(src, 0, len(src))
    text, offsets = b.build()
    assert text == "Japan is here"
    s, e = offsets.to_source(0, 5)
    assert src[s:e] == "apan"


def test_span_inside_a_replacement_snaps_to_the_whole_source_span():
    src = "naÃ¯ve text"
    b = TextBuilder()
    b.copy(src, 0, 2)
    b.replace(2, 4, "ï")
    b.copy(src, 4, len(src))
    text, offsets = b.build()
    assert text == "naïve text"
    s, e = offsets.to_source(0, 5)
    assert src[s:e] == "naÃ¯ve"
