from django.urls import reverse

from assessment.services import finding_dismiss, review_finalise
from tests.assessment.conftest import login
from tests.factories import ActivityFactory


def _url(review):
    return reverse("assessment:review_detail", args=[review.pk])


def test_it_shows_findings_ratings_scores_mapping_and_notes(client, review, cast):
    response = login(client, cast.reviewer).get(_url(review))
    assert response.status_code == 200
    html = response.content.decode()
    assert "No activity plans review, monitoring or evaluation" in html
    assert 'data-testid="level-SF.5"' in html
    assert "points ÷ 3 × 100" in html  # the formula is on the page
    assert 'id="mapping"' in html and 'id="notes-list"' in html
    assert "Reason to dismiss" in html  # the reviewer may edit


def test_it_groups_findings_by_rule_with_their_elements_inside(client, review, cast):
    html = login(client, cast.reviewer).get(_url(review)).content.decode()
    for rule in set(review.findings.filter(is_current=True).values_list("rule", flat=True)):
        assert html.count(f'data-rule="{rule}"') == 1  # one card per rule
    finding = review.findings.filter(is_current=True).first()
    card = html.split(f'data-rule="{finding.rule}"')[1]
    assert f'id="finding-{finding.pk}"' in card.split('data-rule="')[0]


def test_it_escapes_plan_text(client, plan, objective, framework, cast):
    ActivityFactory(
        objective=objective, plan=plan, title="<script>alert()</script> Improve cooperation"
    )
    from assessment.services import review_create

    review = review_create(plan=plan, framework=framework, user=cast.reviewer)
    html = login(client, cast.reviewer).get(_url(review)).content.decode()
    assert "<script>alert()</script>" not in html
    assert "&lt;script&gt;" in html


def test_a_coordinator_of_the_plan_reads_it_without_controls(client, review, cast):
    response = login(client, cast.coordinator).get(_url(review))
    assert response.status_code == 200
    assert "Reason to dismiss" not in response.content.decode()


def test_a_final_review_is_read_only(client, review, cast):
    finding_dismiss(finding=review.findings.first(), user=cast.reviewer, reason="Not relevant.")
    review_finalise(review=review, user=cast.reviewer)
    html = login(client, cast.reviewer).get(_url(review)).content.decode()
    assert "This review is final and read-only." in html
    assert "Reason to dismiss" not in html and "Save level" not in html


def test_its_queries_do_not_grow_with_the_plan(
    client, review, cast, plan, objective, django_assert_max_num_queries
):
    from assessment.services import review_run

    login(client, cast.reviewer)
    with django_assert_max_num_queries(60) as small:
        client.get(_url(review))
    for i in range(20):
        ActivityFactory(objective=objective, plan=plan, title=f"Strengthen area {i}")
    review_run(review=review)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(_url(review))


def test_a_long_rule_shows_ten_findings_until_asked_for_all(
    client, plan, objective, framework, cast
):
    from assessment.services import review_create
    from tests.factories import BudgetLineFactory

    BudgetLineFactory(activity=ActivityFactory(objective=objective, plan=plan))
    for i in range(14):
        ActivityFactory(objective=objective, plan=plan, title=f"Strengthen cooperation {i}")
    review = review_create(plan=plan, framework=framework, user=cast.reviewer)
    login(client, cast.reviewer)
    html = client.get(_url(review)).content.decode()
    card = html.split('data-rule="activity-vague"')[1].split('data-rule="')[0]
    assert card.count('id="finding-') == 10
    assert "Show 4 more elements" in card
    more = reverse("assessment:rule_findings", args=[review.pk, "activity-vague"])
    htmx = client.get(more, HTTP_HX_REQUEST="true").content.decode()
    assert htmx.count('id="finding-') == 4 and "<html" not in htmx
    page = client.get(more).content.decode()  # without JavaScript: every element on a page
    assert page.count('id="finding-') == 14 and "Reason to dismiss" in page
    html = client.get(_url(review) + "?all=1").content.decode()
    card = html.split('data-rule="activity-vague"')[1].split('data-rule="')[0]
    assert card.count('id="finding-') == 14


def test_its_size_does_not_grow_with_the_plan(client, plan, objective, framework, cast):
    from assessment.services import review_create, review_run

    for i in range(12):
        ActivityFactory(objective=objective, plan=plan, title=f"Strengthen cooperation {i}")
    review = review_create(plan=plan, framework=framework, user=cast.reviewer)
    login(client, cast.reviewer)
    before = len(client.get(_url(review)).content)
    for i in range(40):
        ActivityFactory(objective=objective, plan=plan, title=f"Strengthen capacity {i}")
    review_run(review=review)
    after = len(client.get(_url(review)).content)
    assert review.findings.count() > 80
    assert after - before < 1000  # counts grow a digit; no element is added to the page
