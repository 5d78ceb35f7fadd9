from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NapPlannerConfig(AppConfig):
    name = "napplanner"
    verbose_name = "NAP Planner"

    def ready(self):
        from napplanner.roles import sync_roles

        # Permissions themselves are created by Django on post_migrate; the role groups
        # are derived from them, so they are synced at the same moment.
        post_migrate.connect(sync_roles, sender=self, dispatch_uid="napplanner.sync_roles")

        from django.contrib.auth.signals import user_logged_in

        from napplanner.two_factor import two_factor_note_at_sign_in

        user_logged_in.connect(two_factor_note_at_sign_in, dispatch_uid="napplanner.two_factor")
