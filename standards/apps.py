from django.apps import AppConfig


class StandardsConfig(AppConfig):
    name = "standards"
    label = "standards"
    verbose_name = "International standards"
