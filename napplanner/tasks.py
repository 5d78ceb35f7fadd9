"""Background tasks of the bottom layer (Django's Tasks API, run by `manage.py db_worker`)."""

from django_tasks import task

from napplanner.renderings import rendering_run


@task(queue_name="renderings")
def render_in_background(rendering_id: int) -> None:
    rendering_run(rendering_id=rendering_id)
