from pathlib import Path

import pytest
from django.conf import settings

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "standards"


@pytest.fixture
def icmpd_yaml() -> bytes:
    return (FIXTURES / "icmpd-2006.yaml").read_bytes()


@pytest.fixture
def small_yaml() -> bytes:
    """A small valid checklist: one component with one area, a principle and a group."""
    return SMALL.encode()


SMALL = """\
framework:
  code: tiny
  version: "1"
  title: Tiny guidelines
  year: 2020
components:
  - code: PR
    title: Prevention
    guidance: Stop it before it starts.
    areas:
      - code: PR.1
        title: Awareness-raising
        keywords: {en: [campaign], ru: [кампани]}
        criteria:
          - code: PR.1.1
            question: Are there campaigns?
            tier: action_plan
principles:
  - code: P.HR
    title: Human rights
    criteria:
      - code: P.HR.1
        question: Are rights at the core?
groups:
  - code: IN
    title: SMART indicators
    criteria:
      - code: IN.S
        question: Is the indicator specific?
        tier: indicator
        weight: 2
"""
