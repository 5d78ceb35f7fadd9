"""Hostile JSON and YAML are refused with a message, never a crash."""

import pytest
import yaml

from napplanner.untrusted import (
    MAX_DEPTH,
    UntrustedInputError,
    check_depth,
    decode_utf8,
    guard_recursion,
    parse_json,
)


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 900, 10_000])
def test_it_refuses_json_nested_too_deep(levels):
    with pytest.raises(UntrustedInputError, match="nested more than"):
        parse_json(b"[" * levels + b"]" * levels)


def test_it_refuses_deep_objects_as_well_as_lists():
    text = '{"a": ' * 200 + "1" + "}" * 200
    with pytest.raises(UntrustedInputError, match="nested more than"):
        parse_json(text)


def test_it_reads_a_tree_as_deep_as_allowed():
    tree = parse_json("[" * MAX_DEPTH + "]" * MAX_DEPTH)
    depth = 0
    while isinstance(tree, list):
        depth, tree = depth + 1, (tree[0] if tree else None)
    assert depth == MAX_DEPTH


@pytest.mark.parametrize("number", ["9" * 5000, "-" + "9" * 200, "1." + "0" * 300])
def test_it_refuses_absurdly_long_numbers(number):
    with pytest.raises(UntrustedInputError, match="number of"):
        parse_json(f'{{"amount": {number}}}')


def test_it_reads_ordinary_numbers():
    assert parse_json('{"amount": 12500.50, "year": 2024}') == {"amount": 12500.5, "year": 2024}


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_it_refuses_numbers_json_does_not_allow(constant):
    with pytest.raises(UntrustedInputError, match="not a number JSON allows"):
        parse_json(f'{{"amount": {constant}}}')


def test_it_refuses_duplicate_keys_naming_the_key():
    with pytest.raises(UntrustedInputError, match="“title” appears twice"):
        parse_json('{"title": "A", "title": "B"}')


def test_it_names_line_and_column_of_broken_json():
    with pytest.raises(UntrustedInputError, match="line 2, column"):
        parse_json('{"a": 1,\n "b": }')


def test_it_refuses_bytes_that_are_not_utf8_naming_the_line():
    with pytest.raises(UntrustedInputError, match="line 2 has bytes that are not UTF-8"):
        decode_utf8(b"title: ok\nname: \xff\xfe broken\n")


def test_it_accepts_a_byte_order_mark():
    assert decode_utf8("\ufefftitle: ok".encode()) == "title: ok"


def test_check_depth_walks_without_recursion():
    tree: list = []
    node = tree
    for _ in range(100_000):
        child: list = []
        node.append(child)
        node = child
    with pytest.raises(UntrustedInputError):
        check_depth(tree)


@pytest.mark.parametrize(
    "text",
    ["a: " + "9" * 5000, "[" * 10_000, "- " * 3000 + "x"],
    ids=["digits", "flow-nesting", "block-nesting"],
)
def test_guard_recursion_turns_yaml_crashes_into_refusals(text):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with pytest.raises((UntrustedInputError, yaml.YAMLError)):
        guard_recursion(lambda: yaml.load(text, Loader=loader))  # noqa: S506


def test_guard_recursion_refuses_a_parsed_tree_that_is_too_deep():
    with pytest.raises(UntrustedInputError, match="nested more than"):
        guard_recursion(lambda: [[[[1]]]], max_depth=3)


def test_guard_recursion_lets_other_errors_through():
    def parse():
        raise ValueError("something else")

    with pytest.raises(ValueError, match="something else"):
        guard_recursion(parse)
