from django.apps import AppConfig


class StandardsConfig(AppConfig):
    name = "assessment.standards"
    label = "standards"
    verbose_name = "International standards"
