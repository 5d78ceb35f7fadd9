from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    name = "consultation"
    verbose_name = _("Consultation")

    def ready(self):
        from consultation import renderings

        renderings.register()

        from consultation.selectors import plan_comment_counts
        from strategy.changes import change_counter_register

        change_counter_register(plan_comment_counts, history=False)
