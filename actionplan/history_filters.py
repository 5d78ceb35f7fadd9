"""The filters of a plan's history page: person, kind of element, date range."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from actionplan.history_selectors import EVENT, HISTORY_KINDS
from strategy.history_models import PlanEvent

DATE = forms.DateInput(attrs={"type": "date"})


def _kind_choices():
    return [
        *((slug, str(kind.plural).capitalize()) for slug, kind in HISTORY_KINDS.items()),
        (EVENT, _("Imports and copies")),
    ]


class PlanHistoryFilter(django_filters.FilterSet):
    """Validated once per page, then applied to each part of the history's union
    (`filter_queryset`): the parts share the columns it filters on."""

    person = django_filters.ModelChoiceFilter(
        field_name="history_user", queryset=get_user_model().objects.none(), label=_("Person")
    )
    kind = django_filters.ChoiceFilter(
        field_name="entry_kind", choices=_kind_choices, label=_("Element"), empty_label=_("All")
    )
    since = django_filters.DateFilter(
        field_name="history_date", lookup_expr="date__gte", label=_("From"), widget=DATE
    )
    # The home page's link to what changed since a visit: the moment, to the second.
    after = django_filters.IsoDateTimeFilter(
        field_name="history_date", lookup_expr="gt", widget=forms.HiddenInput
    )
    until = django_filters.DateFilter(
        field_name="history_date", lookup_expr="date__lte", label=_("To"), widget=DATE
    )

    def __init__(self, data=None, *, plan):
        # The parts are given to `narrow`; the queryset of the FilterSet itself is unused.
        super().__init__(data, queryset=PlanEvent.objects.none())
        people = get_user_model().objects.filter(plan_memberships__plan=plan)
        self.filters["person"].queryset = people.order_by("username")

    def narrow(self, queryset):
        """The part filtered as the form says (nothing filtered when it is invalid)."""
        if not self.is_valid():
            return queryset
        return self.filter_queryset(queryset)
