from django.contrib import admin

from standards.models import Area, Component, Criterion, Framework, Principle


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ("code", "version", "title", "year", "is_current", "loaded_at")
    list_filter = ("is_current", "code")
    search_fields = ("code", "title", "publisher")
    readonly_fields = ("loaded_at",)


class FrameworkChildAdmin(admin.ModelAdmin):
    list_filter = ("framework",)
    list_select_related = ("framework",)
    search_fields = ("code", "title")


@admin.register(Component)
class ComponentAdmin(FrameworkChildAdmin):
    list_display = ("code", "title", "framework", "order")


@admin.register(Area)
class AreaAdmin(FrameworkChildAdmin):
    list_display = ("code", "title", "component", "framework", "order")
    list_select_related = ("framework", "component")


@admin.register(Principle)
class PrincipleAdmin(FrameworkChildAdmin):
    list_display = ("code", "title", "framework", "order")


@admin.register(Criterion)
class CriterionAdmin(FrameworkChildAdmin):
    list_display = ("code", "question", "tier", "weight", "framework")
    list_filter = ("framework", "tier", "group")
    search_fields = ("code", "question", "guidance")
