import pytest
from django.urls import reverse

from tests.factories import CriterionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["framework", "component", "area", "principle", "criterion"])
def test_every_catalogue_model_is_in_django_admin(client, cast, model):
    CriterionFactory(question="Is the indicator specific?")
    client.force_login(cast.superuser)
    response = client.get(reverse(f"admin:standards_{model}_changelist"))
    assert response.status_code == 200
