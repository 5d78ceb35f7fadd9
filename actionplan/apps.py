from django.apps import AppConfig


class ActionPlanConfig(AppConfig):
    name = "actionplan"
    verbose_name = "Action plan"

    def ready(self):
        from actionplan.services import ACTION_TIER_COPY
        from strategy.copying import plan_copy_tables_register

        plan_copy_tables_register(*ACTION_TIER_COPY)

        from actionplan import renderings

        renderings.register()
