import pytest

from tests.standards.samples import FIXTURES, SMALL


@pytest.fixture
def icmpd_yaml() -> bytes:
    return (FIXTURES / "icmpd-2006.yaml").read_bytes()


@pytest.fixture
def small_yaml() -> bytes:
    """A small valid checklist: one component with one area, a principle and a group."""
    return SMALL.encode()
