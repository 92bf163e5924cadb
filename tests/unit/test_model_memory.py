"""Models given the same field names share one set of them, and what pydantic says was set stays exact."""

from __future__ import annotations

from workers.models import Entity
from workers.models.page import Cell


def cell(row: int, **extra) -> Cell:
    return Cell(row=row, col=0, text="Cork", start=0, end=4, source_start=10, source_end=14, **extra)


def test_cells_given_the_same_fields_share_one_set_of_their_names():
    a, b = cell(1), cell(2)
    assert a.model_fields_set is b.model_fields_set
    assert cell(4).model_copy().model_fields_set is a.model_fields_set
    assert a.model_fields_set == {"row", "col", "text", "start", "end", "source_start", "source_end"}
    assert cell(3, header=True).model_fields_set == a.model_fields_set | {"header"}


def test_assigning_a_field_or_copying_with_an_update_changes_only_that_models_set():
    a, b = cell(1), cell(2)
    a.header = True
    assert a.header and "header" in a.model_fields_set and "header" not in b.model_fields_set
    c = b.model_copy(update={"row_span": 2})
    assert c.row_span == 2 and b.row_span == 1
    assert "row_span" in c.model_fields_set and "row_span" not in b.model_fields_set
    assert cell(5).model_fields_set == {"row", "col", "text", "start", "end", "source_start", "source_end"}, "the shared set unchanged"
    assert c.model_dump(exclude_unset=True) == {**b.model_dump(exclude_unset=True), "row_span": 2}


def test_a_copy_without_an_update_and_a_deep_copy_equal_the_model():
    e = Entity(id="e1", text="Cork", label="GPE", source_start=10, source_end=14, segment_id="s1")
    assert e.model_copy() == e and e.model_copy(deep=True) == e
    assert e.model_copy(deep=True).model_fields_set == e.model_fields_set
