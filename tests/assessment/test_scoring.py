from assessment.scoring import FORMULA, review_scores, scores_from_levels
from tests.factories import RatingFactory, ReviewFactory


def test_it_scores_by_the_written_formula():
    scores = scores_from_levels(
        components=["SF", "PR"],
        areas=[
            ("SF.1", "SF", "complete"),  # 100
            ("SF.2", "SF", "mentioned"),  # 33.3
            ("PR.1", "PR", "concrete"),  # 66.7
            ("PR.2", "PR", "not_covered"),  # 0
        ],
        principles=[("P.GO", "mentioned"), ("P.SU", "complete")],
    )
    assert scores.areas == {"SF.1": 100, "SF.2": 33, "PR.1": 67, "PR.2": 0}
    assert scores.components == {"SF": 67, "PR": 33}  # (100+33.3)/2, (66.7+0)/2
    assert scores.principles == {"P.GO": 33, "P.SU": 100}
    assert scores.overall == 50  # (66.67 + 33.33) / 2


def test_a_component_without_areas_scores_zero_and_counts():
    scores = scores_from_levels(
        components=["SF", "XX"], areas=[("SF.1", "SF", "complete")], principles=[]
    )
    assert scores.components == {"SF": 100, "XX": 0}
    assert scores.overall == 50


def test_overrides_replace_computed_levels_in_a_saved_review(framework):
    review = ReviewFactory(framework=framework)
    sf1 = framework.areas.get(code="SF.1")
    RatingFactory(
        review=review,
        code="SF.1",
        area=sf1,
        computed_level="not_covered",
        override_level="complete",
        override_justification="The coordination decree covers it.",
    )
    assert review_scores(review).areas["SF.1"] == 100
    assert review_scores(review, computed=True).areas["SF.1"] == 0
    assert review_scores(review).components["SF"] == 100
    assert review_scores(review).overall == 25  # SF 100, PR/SP/IP have no saved ratings


def test_the_formula_is_written_down():
    text = " ".join(term + " " + definition for term, definition in FORMULA)
    assert "points ÷ 3 × 100" in text
    assert "mean of the component scores" in text
