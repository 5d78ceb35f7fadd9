from django.contrib import admin

from napplanner.models import Rendering


@admin.register(Rendering)
class RenderingAdmin(admin.ModelAdmin):
    list_display = ("kind", "subject_id", "status", "size", "requested_at", "finished_at")
    list_filter = ("kind", "status")
    readonly_fields = [field.name for field in Rendering._meta.fields]

    def has_add_permission(self, request):
        return False
