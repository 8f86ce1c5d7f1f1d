"""jsonschema, imported without its IRI checker: 1.2 s saved on every command.

jsonschema imports every format checker eagerly; the IRI one (rfc3987_syntax, installed
with jsonschema[format-nongpl] for Jupyter) compiles 39 Lark grammars at import
(python-jsonschema/jsonschema#1428). Our schemas use only the "date" and "regex" formats,
so the module is hidden while jsonschema loads and put back at once: a later import of
rfc3987_syntax (by Jupyter, in its own process or this one) works as usual.
"""

from __future__ import annotations

import sys

_HIDDEN = "rfc3987_syntax"
_hide = _HIDDEN not in sys.modules and "jsonschema" not in sys.modules
if _hide:
    sys.modules[_HIDDEN] = None  # type: ignore[assignment]  # import raises ImportError
try:
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.exceptions import ValidationError, best_match
finally:
    if _hide:
        del sys.modules[_HIDDEN]

__all__ = ["Draft202012Validator", "FormatChecker", "ValidationError", "best_match"]
