"""Checklists for the tests: the shipped ones and a small valid one (one component with
one area, a principle and a group)."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "standards"

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
