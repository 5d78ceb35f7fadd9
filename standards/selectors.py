"""Read-side of the catalogue: what the standards pages read."""

from django.db.models import Prefetch, QuerySet

from standards.models import Area, Criterion, Framework


def framework_versions() -> QuerySet[Framework]:
    """Every loaded framework version, the current one of each code first."""
    return Framework.objects.order_by("code", "-is_current", "-loaded_at")


def framework_catalogue(*, framework: Framework) -> dict:
    """The framework's components with their areas and criteria, its principles with
    theirs, and its groups of other criteria, in queries that do not grow with it."""
    criteria = Criterion.objects.order_by("order", "code")
    components = framework.components.order_by("order", "code").prefetch_related(
        Prefetch(
            "areas",
            queryset=Area.objects.order_by("order", "code").prefetch_related(
                Prefetch("criteria", queryset=criteria)
            ),
        )
    )
    principles = framework.principles.order_by("order", "code").prefetch_related(
        Prefetch("criteria", queryset=criteria)
    )
    grouped = framework.criteria.filter(area=None, principle=None).order_by("order", "code")
    groups = [
        {**group, "criteria": [c for c in grouped if c.group == group["code"]]}
        for group in framework.groups
    ]
    return {"components": components, "principles": principles, "groups": groups}
