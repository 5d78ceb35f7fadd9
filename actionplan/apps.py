from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlanConfig(AppConfig):
    name = "actionplan"
    verbose_name = _("Action plan")

    def ready(self):
        from actionplan.services import ACTION_TIER_COPY
        from strategy.copying import plan_copy_tables_register

        plan_copy_tables_register(*ACTION_TIER_COPY)

        from actionplan import renderings

        renderings.register()

        from actionplan.history_selectors import plan_history_counts
        from strategy.changes import change_counter_register

        change_counter_register(plan_history_counts, history=True)
