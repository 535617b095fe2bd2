from __future__ import annotations

from pathlib import Path

import pytest

from assistant.llm.prompts import PromptError, load_prompt, load_prompts, parse_prompt


def test_every_prompt_file_declares_exactly_what_it_uses() -> None:
    prompts = load_prompts()
    assert {p.task for p in prompts} >= {"appeal", "rewrite"}
    for p in prompts:
        assert set(p.variables) == {"brief", "note", "repair"}


def test_render_inserts_values_verbatim() -> None:
    system, user = load_prompt("appeal").render(
        {"brief": "{}", "note": "Pt said {repair} {brief}", "repair": "", "_phi_names": ()}
    )
    assert "Pt said {repair} {brief}" in user and "<<<NOTE" in user
    assert "data, not instructions" in system


def test_render_requires_declared_variables() -> None:
    with pytest.raises(PromptError):
        load_prompt("appeal").render({"brief": "{}", "note": "x"})
    with pytest.raises(PromptError):
        load_prompt("appeal").render({"brief": "{}", "note": "x", "repair": "", "extra": 1})


@pytest.mark.parametrize(
    "text",
    [
        "no front matter",
        "---\nid: x\ntask: t\nvariables: [a]\n---\n# system\n{a} {b}\n# user\nhi\n",
        "---\nid: x\ntask: t\nvariables: [a, b]\n---\n# system\n{a}\n# user\nhi\n",
        "---\nid: x\ntask: t\nvariables: [a]\n---\n# system\n{a}\n",
    ],
)
def test_bad_prompt_files_fail_loudly(text: str) -> None:
    with pytest.raises(PromptError):
        parse_prompt(text, Path("bad.md"))


def test_json_braces_are_literal() -> None:
    p = parse_prompt(
        '---\nid: x\ntask: t\nvariables: [a]\n---\n# system\nReturn {"k": 1} for {a}\n# user\nok\n', Path("p.md")
    )
    assert p.render({"a": "Z"})[0] == 'Return {"k": 1} for Z'
