from django.apps import AppConfig


class ActionPlanConfig(AppConfig):
    name = "actionplan"
    verbose_name = "Action plan"

    def ready(self):
        from actionplan.services import plan_action_tier_copy
        from strategy.services import plan_copy_step_register

        plan_copy_step_register(plan_action_tier_copy)

        from actionplan import renderings

        renderings.register()
