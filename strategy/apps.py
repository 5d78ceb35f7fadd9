from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = "Strategy"

    def ready(self):
        # Connects the receiver that fills the columns a plan element's history adds.
        from strategy import history  # noqa: F401
