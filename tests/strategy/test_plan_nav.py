import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def test_it_links_the_plan_pages_and_marks_the_current_one():
    plan = PlanFactory(title="NAP <2019>")
    html = render_to_string("strategy/_plan_nav.html", {"plan": plan, "active": "timeline"})
    for name in ("strategy:plan_details", "strategy:stakeholders", "actionplan:resources"):
        assert reverse(name, args=[plan.pk]) in html
    current = f'active" aria-current="page" href="{reverse("actionplan:timeline", args=[plan.pk])}"'
    assert current in html
    assert html.count('aria-current="page"') == 1
    assert "NAP &lt;2019&gt;" in html


def test_it_leaves_the_heading_to_a_page_that_has_its_own():
    plan = PlanFactory(title="Own heading")
    html = render_to_string("strategy/_plan_nav.html", {"plan": plan, "nav_only": True})
    assert "<h1" not in html and "Own heading" not in html
    assert 'aria-label="Plan pages"' in html
