import pytest
from django.template import Context, Template, TemplateSyntaxError, engines

from tests.factories import OutputFactory, PlanFactory

pytestmark = pytest.mark.django_db


def _render(source: str, **context) -> str:
    engine = engines["django"].engine
    return Template("{% load workspace %}" + source, engine=engine).render(Context(context))


def test_controls_escape_the_element_name_in_their_labels():
    html = _render(
        '{% ws_partial "actionplan/_controls.html" what=what %}',
        what='<b>"x"</b>',
        can_edit=True,
        el_url="/plans/1/goal/2/",
    )
    assert 'aria-label="Edit &lt;b&gt;&quot;x&quot;&lt;/b&gt;"' in html
    assert "<b>" not in html
    assert 'hx-get="/plans/1/goal/2/edit/"' in html
    assert 'hx-post="/plans/1/goal/2/move/" hx-vals=\'{"direction": "up"}\'' in html


def test_controls_of_a_fixed_element_do_not_move_it():
    html = _render(
        '{% ws_partial "actionplan/_controls.html" what="body" fixed=True %}', can_edit=True
    )
    assert 'data-ws="edit"' in html and 'data-ws="up"' not in html


def test_controls_are_absent_for_readers():
    assert _render('{% ws_partial "actionplan/_controls.html" what="goal G1" %}') == ""


def test_add_buttons_point_at_the_parent():
    plan = PlanFactory()
    html = _render(
        '{% ws_add_url "goal" "chapter" 7 as add_url %}'
        '{% ws_partial "actionplan/_add.html" what="strategic goal" %}',
        plan=plan,
        can_edit=True,
    )
    assert f'hx-get="/plans/{plan.pk}/goal/add/?chapter=7"' in html
    assert "+ Add strategic goal" in html


def test_partial_draws_a_template_in_the_current_context():
    output = OutputFactory(code="OUT1", title="<i>Curriculum</i>")
    output.indicator_count = 2
    html = _render(
        '{% ws_partial "actionplan/_output_head.html" %}', output=output, plan=output.plan
    )
    assert f'id="output-{output.pk}-head"' in html
    assert "OUT1 &lt;i&gt;Curriculum&lt;/i&gt;" in html
    assert "2 indicators" in html


def test_partial_needs_one_quoted_name_then_pairs():
    with pytest.raises(TemplateSyntaxError):
        _render("{% ws_partial name %}")
    with pytest.raises(TemplateSyntaxError):
        _render('{% ws_partial "actionplan/_add.html" loose %}')
