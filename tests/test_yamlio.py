"""Strict YAML loading: libyaml's C parser when there is one, duplicate keys refused, lines kept."""

from __future__ import annotations

import pytest
import yaml

from analysis import yamlio
from analysis.errors import InputError
from analysis.yamlio import LineDict, load_yaml


def write(tmp_path, text):
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_duplicate_key_is_refused_with_its_line(tmp_path):
    path = write(tmp_path, "items:\n  - id: a\n    unit: percent\n    unit: persons\n")
    with pytest.raises(InputError) as err:
        load_yaml(path)
    assert "duplicate key 'unit'" in str(err.value)
    assert err.value.line == 4


def test_duplicate_top_level_key_is_refused(tmp_path):
    path = write(tmp_path, "a: 1\nb: 2\na: 3\n")
    with pytest.raises(InputError) as err:
        load_yaml(path)
    assert "duplicate key 'a'" in str(err.value)
    assert err.value.line == 3


def test_line_dicts_know_the_line_they_start_on(tmp_path):
    text = (
        "# a comment\n"
        "indicators:\n"
        "  - indicator_id: first_one\n"
        "    aliases: [a, b]\n"
        "    nested:\n"
        "      key: value\n"
        "\n"
        "  - indicator_id: second_one\n"
        "    flow: {x: 1}\n"
    )
    data = load_yaml(write(tmp_path, text))
    assert isinstance(data, LineDict) and data.line == 2
    first, second = data["indicators"]
    assert isinstance(first, LineDict) and first.line == 3
    assert first["nested"].line == 6
    assert second.line == 8
    assert second["flow"] == {"x": 1} and second["flow"].line == 9


def test_merge_keys_still_work(tmp_path):
    data = load_yaml(write(tmp_path, "base: &b {x: 1}\nchild:\n  <<: *b\n  y: 2\n"))
    assert data["child"] == {"x": 1, "y": 2}


def test_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path, "a: 1\nb: c: d\n")
    with pytest.raises(InputError) as err:
        load_yaml(path)
    assert "invalid YAML" in str(err.value)
    assert err.value.line == 2


def test_the_c_loader_is_used_when_pyyaml_has_libyaml():
    if not yaml.__with_libyaml__:
        assert issubclass(yamlio._StrictLoader, yaml.SafeLoader)
        pytest.skip("PyYAML was built without libyaml: the pure-Python SafeLoader is used")
    assert issubclass(yamlio._StrictLoader, yaml.CSafeLoader)
    assert not issubclass(yamlio._StrictLoader, yaml.SafeLoader)
    # the parser really is libyaml's (a C type), and the strict mapping constructor is on it
    from yaml._yaml import CParser

    assert issubclass(yamlio._StrictLoader, CParser)
    constructor = yamlio._StrictLoader.yaml_constructors[
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
    ]
    assert constructor is yamlio._construct_mapping


def test_the_curated_files_load_the_same_with_the_pure_python_parser():
    """The C parser gives the same values and the same mapping lines as SafeLoader."""
    from analysis import paths

    class PureStrict(yaml.SafeLoader):
        pass

    PureStrict.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, yamlio._construct_mapping
    )

    def lines(node):
        if isinstance(node, dict):
            yield node.line
            for value in node.values():
                yield from lines(value)
        elif isinstance(node, list):
            for value in node:
                yield from lines(value)

    files = sorted(paths.CURATED_DIR.glob("*.yaml"))
    assert files
    for path in files:
        fast = load_yaml(path)
        slow = yaml.load(path.read_text(encoding="utf-8"), Loader=PureStrict)
        assert fast == slow, path.name
        assert list(lines(fast)) == list(lines(slow)), path.name
