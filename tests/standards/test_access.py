"""Who gets which status from each standards URL (see tests/access.py for the world)."""

import pytest

from tests.access import _, assert_row, cases, nothing, row


def framework(world) -> dict:
    return {"code": world.framework.code, "version": world.framework.version}


def unknown_version(world) -> dict:
    return {"code": world.framework.code, "version": "9.9"}


def yaml_export(world) -> dict:
    return {**framework(world), "fmt": "yaml"}


def unknown_format(world) -> dict:
    return {**framework(world), "fmt": "pdf"}


# fmt: off
TABLE = [
    #   URL name                            target           method  coord read cons rev  std  out  anon
    row("standards:index",                  nothing,         "get",  200, 200, 200, 200, 200, 200, 302),
    row("standards:index",                  nothing,         "post", _,   _,   _,   _,   405, _,   _),
    row("standards:manage",                 nothing,         "get",  403, 403, 403, 403, 200, 403, 302),
    row("standards:manage",                 nothing,         "post", _,   _,   _,   _,   405, _,   _),
    row("standards:upload",                 nothing,         "post", 403, 403, 403, 403, 400, 403, 302),
    row("standards:upload",                 nothing,         "get",  _,   _,   _,   _,   405, _,   _),
    row("standards:upload_confirm",         nothing,         "post", 403, 403, 403, 403, 302, 403, 302),
    row("standards:upload_confirm",         nothing,         "get",  _,   _,   _,   _,   405, _,   _),
    row("standards:framework_detail",       framework,       "get",  200, 200, 200, 200, 200, 200, 302),
    row("standards:framework_detail",       framework,       "post", _,   _,   _,   _,   405, _,   _),
    row("standards:framework_detail",       unknown_version, "get",  _,   _,   _,   _,   404, _,   _),
    row("standards:framework_make_current", framework,       "post", 403, 403, 403, 403, 302, 403, 302),
    row("standards:framework_make_current", framework,       "get",  _,   _,   _,   _,   405, _,   _),
    row("standards:framework_make_current", unknown_version, "post", _,   _,   _,   _,   404, _,   _),
    row("standards:framework_export",       yaml_export,     "get",  200, 200, 200, 200, 200, 200, 302),
    row("standards:framework_export",       yaml_export,     "post", _,   _,   _,   _,   405, _,   _),
    row("standards:framework_export",       unknown_format,  "get",  _,   _,   _,   404, _,   _,   _),
]
# fmt: on


@pytest.mark.parametrize(("r", "role", "status"), cases(TABLE))
def test_it_answers_each_role_as_the_table_says(client, cast, r, role, status):
    assert_row(client, cast, r, role, status)
