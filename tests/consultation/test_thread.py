"""The comment thread beside an element: consultees comment and reply, editors reply and
decide; what each sees."""

import pytest
from django.urls import reverse

from consultation.models import Comment, Reply, Resolution
from strategy.models import PlanStatus
from tests.factories import CommentFactory


def _on_activity(plan, **kwargs):
    return CommentFactory(plan=plan, element_kind="activity", element_id=plan.activity.pk, **kwargs)


def _url(plan, kind="activity", pk=None):
    if kind == "plan":
        return reverse("consultation:plan_thread", args=[plan.pk])
    return reverse("consultation:thread", args=[plan.pk, kind, pk or plan.activity.pk])


def test_it_lets_a_consultee_comment_on_an_activity_signed_by_its_organisation(
    client, cast, consulted
):
    client.force_login(cast.consultee)
    response = client.post(
        _url(consulted), {"text": "Add a shelter for men."}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    comment = Comment.objects.get()
    assert (comment.organisation, comment.element_label) == ("La Strada", "1.1.1 Train")
    assert comment.chapter == consulted.chapter and comment.chapter_label == "1 Prevention"
    html = response.content.decode()
    assert "Add a shelter for men." in html and "La Strada" in html
    assert 'data-testid="resolve-form"' not in html  # a consultee cannot decide


@pytest.mark.parametrize("kind", ["plan", "chapter", "subactivity"])
def test_it_takes_comments_on_the_plan_and_on_any_element(client, cast, consulted, kind):
    pk = {"chapter": consulted.chapter.pk, "subactivity": consulted.sub.pk}.get(kind)
    client.force_login(cast.consultee)
    response = client.post(_url(consulted, kind, pk), {"text": "A remark."})
    assert response.status_code == 302  # without htmx: back to the thread's page
    comment = Comment.objects.get()
    assert comment.element_kind == kind and comment.element_id == pk
    assert client.get(response.url).status_code == 200


def test_it_shows_a_consultee_the_comments_of_other_organisations(client, cast, consulted):
    _on_activity(consulted, author=consulted.partner, organisation="IOM", text="Budget it.")
    client.force_login(cast.consultee)
    html = client.get(_url(consulted)).content.decode()
    assert "Budget it." in html and "IOM" in html


def test_it_lets_an_editor_decline_a_comment_with_a_reason_the_consultee_reads(
    client, cast, consulted
):
    comment = _on_activity(consulted, author=cast.consultee)
    client.force_login(cast.coordinator)
    url = reverse("consultation:comment_resolve", args=[consulted.pk, comment.pk])
    response = client.post(
        url,
        {"resolution": "declined", "reason": "Out of the plan's scope."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.resolution == Resolution.DECLINED and comment.resolved_by == cast.coordinator
    client.force_login(cast.consultee)
    html = client.get(_url(consulted)).content.decode()
    assert "Out of the plan&#x27;s scope." in html and "Declined" in html


def test_it_refuses_a_decision_without_a_reason(client, cast, consulted):
    comment = CommentFactory(plan=consulted, author=cast.consultee)
    client.force_login(cast.coordinator)
    url = reverse("consultation:comment_resolve", args=[consulted.pk, comment.pk])
    response = client.post(url, {"resolution": "accepted", "reason": "  "}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200  # htmx swaps the thread with the error in it
    assert 'data-testid="resolve-error"' in response.content.decode()
    comment.refresh_from_db()
    assert comment.resolution == Resolution.OPEN


def test_it_refuses_a_consultee_deciding_on_a_comment(client, cast, consulted):
    comment = CommentFactory(plan=consulted, author=cast.consultee)
    client.force_login(cast.consultee)
    url = reverse("consultation:comment_resolve", args=[consulted.pk, comment.pk])
    response = client.post(url, {"resolution": "accepted", "reason": "I agree with myself."})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.is_open


def test_it_lets_editor_and_consultee_reply(client, cast, consulted):
    comment = CommentFactory(plan=consulted, author=cast.consultee)
    url = reverse("consultation:comment_reply", args=[consulted.pk, comment.pk])
    for user, text in ((cast.coordinator, "Which region?"), (cast.consultee, "The north.")):
        client.force_login(user)
        assert client.post(url, {"text": text}, HTTP_HX_REQUEST="true").status_code == 200
    replies = list(Reply.objects.values_list("organisation", "text"))
    assert replies == [("", "Which region?"), ("La Strada", "The north.")]


def test_it_closes_the_threads_to_new_comments_once_the_plan_leaves_consultation(
    client, cast, consulted
):
    consulted.status = PlanStatus.ADOPTED
    consulted.save()
    client.force_login(cast.coordinator)
    assert client.post(_url(consulted), {"text": "Late."}).status_code == 403
    assert "not in consultation" in client.get(_url(consulted)).content.decode()
    client.force_login(cast.consultee)
    assert client.get(_url(consulted)).status_code == 404


def test_it_escapes_what_a_commenter_writes(client, cast, consulted):
    CommentFactory(plan=consulted, author=cast.consultee, text="<b>bold</b> & co")
    client.force_login(cast.coordinator)
    html = client.get(_url(consulted, "plan")).content.decode()
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt; &amp; co" in html


def test_it_refuses_markup_in_a_comment(client, cast, consulted):
    client.force_login(cast.consultee)
    response = client.post(_url(consulted), {"text": "<script>x</script>"})
    assert response.status_code == 422
    assert "Remove the markup" in response.content.decode()
    assert not Comment.objects.exists()


def test_its_query_count_does_not_grow_with_the_thread(
    client, cast, consulted, django_assert_max_num_queries
):
    for n in range(12):
        comment = _on_activity(consulted, author=cast.consultee, text=f"Comment {n}")
        comment.replies.create(author=cast.coordinator, text="Noted.")
    client.force_login(cast.coordinator)
    with django_assert_max_num_queries(9):
        response = client.get(_url(consulted), HTTP_HX_REQUEST="true")
    assert response.content.decode().count('data-testid="comment"') == 12
