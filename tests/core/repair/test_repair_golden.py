"""Each rule on its own, against golden fixtures in tests/fixtures/repair/<rule>/.

`<case>.in.md` is repaired with that one rule and must equal `<case>.out.md`; a
case without an .out.md is a negative case and must come back unchanged. Every
case must also be a fixed point of the rule and of the whole pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from readmark.core.repair import RULES, repair_markdown

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "repair"
RULES_BY_NAME = {rule.name: rule for rule in RULES}
CASES = sorted(FIXTURES.glob("*/*.in.md"))


def _case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name.removesuffix('.in.md')}"


def _expected(path: Path) -> str:
    out = path.with_name(path.name.replace(".in.md", ".out.md"))
    return (out if out.exists() else path).read_text(encoding="utf-8")


def test_every_rule_has_positive_and_negative_cases() -> None:
    for name in RULES_BY_NAME:
        cases = list((FIXTURES / name).glob("*.in.md"))
        positives = [c for c in cases if _expected(c) != c.read_text(encoding="utf-8")]
        assert positives, f"{name} has no positive case"
        assert len(positives) < len(cases), f"{name} has no negative case"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_rule_on_its_own(case: Path) -> None:
    rule = RULES_BY_NAME[case.parent.name]
    source = case.read_text(encoding="utf-8")
    repaired = repair_markdown(source, rules=[rule])
    assert repaired == _expected(case)
    assert repair_markdown(repaired, rules=[rule]) == repaired


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_pipeline_is_idempotent_on_the_case(case: Path) -> None:
    once = repair_markdown(case.read_text(encoding="utf-8"))
    assert repair_markdown(once) == once
