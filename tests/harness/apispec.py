"""Check every Bot API call the bot makes against Telegram's official description.

The description is `api.json` from PaulSonOfLars/telegram-bot-api-spec, kept beside the
project in ../shared/telegram-bot-api/ (see the README there) and never copied into it;
BOT_API_SPEC points elsewhere. A fake Bot API server answers whatever it is sent, so without
this check a call Telegram would reject (an unknown parameter, a 65-byte callback_data, a
button with two actions) would pass every test. When the file is absent the check is off
and `SPEC_MISSING_REASON` says why.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from bot.local_api import UploadedFile

SPEC_ENV_VAR = "BOT_API_SPEC"
DEFAULT_SPEC_PATH = Path(__file__).resolve().parents[3] / "shared" / "telegram-bot-api" / "api.json"

Unit = Literal["characters", "bytes", "items", "value"]


@dataclass(frozen=True)
class FieldRule:
    """A limit Telegram states only in a field's prose, which its `types` cannot express."""

    low: int | None = None
    high: int | None = None
    unit: Unit = "characters"
    pattern: re.Pattern[str] | None = None
    choices: frozenset[str] | None = None

    def violation(self, value: object) -> str | None:
        """What is wrong with `value` under this rule, or None; values of other kinds pass."""
        size = _size(value, self.unit)
        too_small = size is not None and self.low is not None and size < self.low
        too_big = size is not None and self.high is not None and size > self.high
        if too_small or too_big:
            what = f"value {size}" if self.unit == "value" else f"{size} {self.unit}"
            return f"{what}, allowed {_range_text(self.low, self.high)}"
        if isinstance(value, str):
            if self.pattern is not None and not self.pattern.fullmatch(value):
                return f"{value!r} does not match {self.pattern.pattern}"
            if self.choices is not None and value not in self.choices:
                return f"{value!r} is not one of {', '.join(sorted(self.choices))}"
        return None


@dataclass(frozen=True)
class ExclusiveFields:
    """Fields of which a type allows exactly one (or at most one): a button's action."""

    exactly: bool
    fields: tuple[str, ...]


# Limits read from field descriptions: (pattern, the field's base type, unit). A pattern with
# one group gives only an upper bound. Extend here when a flow starts using a new field.
_PROSE_LIMITS: tuple[tuple[re.Pattern[str], str, Unit], ...] = (
    # "Text of the message to be sent, 1-4096 characters after entities parsing"
    (re.compile(r"\b(\d+)-(\d+) characters\b"), "String", "characters"),
    # "InlineKeyboardButton.callback_data ... 1-64 bytes" (also "1-64 Bytes")
    (re.compile(r"\b(\d+)-(\d+) bytes\b", re.IGNORECASE), "String", "bytes"),
    # "getUpdates.limit ... Values between 1-100 are accepted"
    (re.compile(r"\bValues between (\d+)-(\d+) are accepted"), "Integer", "value"),
    # "A JSON-serialized list of 1-100 identifiers", "must include 2-10 items"
    (re.compile(r"\b(?:list of|include) (\d+)-(\d+)\b", re.IGNORECASE), "Array", "items"),
    # "At most 100 commands can be specified."
    (re.compile(r"\bAt most (\d+) [\w ]+ can be specified"), "Array", "items"),
    # "sendPaidMedia.media ... up to 10 items"
    (re.compile(r"\bup to (\d+) items\b"), "Array", "items"),
)
# "Must be one of "danger" (red), "success" (green) or "primary" (blue)."
_PROSE_CHOICES = re.compile(r"\bmust be one of (.*?)(?:\.\s|\.$|$)", re.IGNORECASE)
# A subtype's tag: "Scope type, must be default", "Type of the message origin, always "user""
_PROSE_CONSTANT = re.compile(r'\b(?:always|must be) "?(\w+)"?$')
# "Required if inline_message_id is not specified", "required if rich_message isn't specified"
_PROSE_REQUIRED_UNLESS = re.compile(
    r"\brequired if (\w+(?: and \w+)*) (?:is|are) not specified"
    r"|\brequired if (\w+) isn't specified",
    re.IGNORECASE,
)
# "Exactly one of the fields other than text, icon_custom_emoji_id, and style must be used"
_PROSE_EXCLUSIVE = re.compile(
    r"\b(Exactly|At most) one of the fields other than (.+?) must be used"
)
# KeyboardButton: "For simple text buttons, String can be used instead of this object"
_PROSE_STRING_ALLOWED = "String can be used instead of this object"

# parse_mode fields only say "See formatting options"; these are the modes listed there.
PARSE_MODES = frozenset({"HTML", "Markdown", "MarkdownV2"})

# Rules the prose states in words no simple regex reads; an entry replaces every rule the
# prose gives for that (type or method, field).
_HARD_CODED_RULES: dict[tuple[str, str], tuple[FieldRule, ...]] = {
    # BotCommand.command: "1-32 characters. Can contain only lowercase English letters,
    # digits and underscores."
    ("BotCommand", "command"): (FieldRule(pattern=re.compile(r"[a-z0-9_]{1,32}")),),
    # setMyCommands.commands: "At most 100 commands can be specified." The minimum of one is
    # ours: clearing a menu is deleteMyCommands' job, so an empty list means a bug.
    ("setMyCommands", "commands"): (FieldRule(low=1, high=100, unit="items"),),
}

_SCALARS = frozenset({"Integer", "Float", "String", "Boolean", "InputFile"})
_INTEGER = re.compile(r"-?\d+")
_BOOLEAN_STRINGS = frozenset({"true", "false", "1", "0"})
_ATTACH = "attach://"


@dataclass(frozen=True, slots=True)
class _Scalar:
    name: str


@dataclass(frozen=True, slots=True)
class _Array:
    item: _Type


@dataclass(frozen=True, slots=True)
class _Object:
    name: str


_Type = _Scalar | _Array | _Object


@dataclass(frozen=True, slots=True)
class _Field:
    label: str  # "InlineKeyboardButton.callback_data", for messages
    types: tuple[_Type, ...]
    type_text: str  # "Integer or String"
    required: bool
    required_unless: tuple[str, ...]  # required when none of these is given
    rules: tuple[FieldRule, ...]
    constant: str | None  # a subtype's tag: BotCommandScopeChat.type is always "chat"
    json_encoded: bool  # object/array only: may arrive as a JSON string at the top level


@dataclass(slots=True)
class _Shape:
    """A type's or a method's fields, indexed once so a check is a few dict lookups."""

    name: str
    fields: dict[str, _Field]
    required: tuple[str, ...]
    conditional: tuple[_Field, ...]
    constants: dict[str, str]
    exclusive: ExclusiveFields | None
    string_allowed: bool
    subtypes: tuple[_Type, ...] = ()
    discriminator: str | None = None
    variants: dict[str, tuple[_Type, ...]] | None = None


class _Call:
    """What one check gathers: violations, and the attach:// names the values refer to."""

    __slots__ = ("attached", "errors")

    def __init__(self, attached: set[str] | None = None) -> None:
        self.errors: list[str] = []
        self.attached: set[str] = set() if attached is None else attached


class BotApiSpec:
    """The Bot API description, indexed into dicts at load time for cheap per-call checks."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.version: str = str(data.get("version", "unknown"))
        raw_types: dict[str, Any] = dict(data["types"])
        raw_methods: dict[str, Any] = dict(data["methods"])
        self._types = {name: _shape(name, raw) for name, raw in raw_types.items()}
        for name, raw in raw_types.items():
            if raw.get("subtypes"):
                self._link_subtypes(self._types[name], raw["subtypes"])
        self._methods = {name.lower(): _shape(name, raw) for name, raw in raw_methods.items()}

    @classmethod
    def from_file(cls, path: Path) -> BotApiSpec:
        """Read api.json; a file that is there but unreadable is an error, not a skip."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(data)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path} is not a usable Bot API description: {exc!r}") from exc

    def _link_subtypes(self, shape: _Shape, subtypes: Sequence[str]) -> None:
        shape.subtypes = tuple(_parse_type(text) for text in subtypes)
        objects = [t for t in shape.subtypes if isinstance(t, _Object) and t.name in self._types]
        if not objects:
            return
        tags = set(self._types[objects[0].name].constants)
        for t in objects[1:]:
            tags &= set(self._types[t.name].constants)
        if len(tags) != 1:
            return  # no common tag (InputMessageContent): try every subtype
        shape.discriminator = tags.pop()
        variants: dict[str, tuple[_Type, ...]] = {}
        for t in objects:
            tag = self._types[t.name].constants[shape.discriminator]
            variants[tag] = (*variants.get(tag, ()), t)  # InlineQueryResult shares tags
        shape.variants = variants

    # -- public ---------------------------------------------------------------------------

    def check_call(self, method: str, params: Mapping[str, object]) -> list[str]:
        """Every way this call breaks the description; empty when Telegram would accept it."""
        shape = self._methods.get(method.lower())
        if shape is None:
            return [f"unknown Bot API method {method!r}"]
        call = _Call()
        uploads: list[str] = []
        for name, value in params.items():
            spec_field = shape.fields.get(name)
            if spec_field is None:
                if _is_upload(value):
                    uploads.append(name)  # allowed if some value says attach://<name>
                else:
                    call.errors.append(f"unknown parameter {name!r} for {shape.name}")
                continue
            if spec_field.json_encoded and isinstance(value, str) and value[:1] in ("{", "["):
                try:
                    value = json.loads(value)
                except ValueError:
                    call.errors.append(f"{name}: not valid JSON: {_describe(value)}")
                    continue
            self._check_field(spec_field, value, name, call)
        self._check_presence(shape, params, "", call)
        for name in uploads:
            if name not in call.attached:
                call.errors.append(
                    f"unknown parameter {name!r} for {shape.name} (an upload that no "
                    f"{_ATTACH}{name} refers to)"
                )
        for name in sorted(call.attached.difference(params)):
            call.errors.append(f"{_ATTACH}{name} refers to no uploaded file")
        return call.errors

    def rules(self, owner: str, field_name: str) -> tuple[FieldRule, ...]:
        """The limits checked on a type's or method's field (for tests and debugging)."""
        shape = self._types.get(owner) or self._methods.get(owner.lower())
        spec_field = shape.fields.get(field_name) if shape else None
        return spec_field.rules if spec_field else ()

    def exclusive_fields(self, type_name: str) -> ExclusiveFields | None:
        """The action fields of which `type_name` allows one, as read from its description."""
        shape = self._types.get(type_name)
        return shape.exclusive if shape else None

    # -- checks ---------------------------------------------------------------------------

    def _check_field(self, spec_field: _Field, value: object, path: str, call: _Call) -> None:
        before = len(call.errors)
        self._check_types(value, spec_field.types, spec_field.type_text, path, call)
        if len(call.errors) != before:
            return
        for rule in spec_field.rules:
            problem = rule.violation(value)
            if problem:
                call.errors.append(f"{path}: {problem} ({spec_field.label})")

    def _check_types(
        self, value: object, types: tuple[_Type, ...], text: str, path: str, call: _Call
    ) -> None:
        if len(types) == 1:
            self._check_type(value, types[0], path, call)
            return
        candidates = [t for t in types if self._fits(value, t)]
        if not candidates:
            call.errors.append(f"{path}: expected {text}, got {_describe(value)}")
            return
        if len(candidates) == 1:
            self._check_type(value, candidates[0], path, call)
            return
        closest: tuple[int, int, list[str]] | None = None
        for candidate in candidates:
            trial = _Call(call.attached)
            self._check_type(value, candidate, path, trial)
            if not trial.errors:
                return
            score = (-self._overlap(value, candidate), len(trial.errors), trial.errors)
            if closest is None or score[:2] < closest[:2]:
                closest = score
        assert closest is not None
        call.errors.extend(closest[2])

    def _check_type(self, value: object, spec_type: _Type, path: str, call: _Call) -> None:
        if isinstance(spec_type, _Scalar):
            if not _SCALAR_FITS[spec_type.name](value):
                call.errors.append(f"{path}: expected {spec_type.name}, got {_describe(value)}")
            elif isinstance(value, str) and value.startswith(_ATTACH):
                call.attached.add(value[len(_ATTACH) :])
        elif isinstance(spec_type, _Array):
            if not isinstance(value, list):
                call.errors.append(f"{path}: expected an array, got {_describe(value)}")
                return
            for index, item in enumerate(value):
                self._check_type(item, spec_type.item, f"{path}[{index}]", call)
        else:
            shape = self._types.get(spec_type.name)
            if shape is not None:  # a name the description never defines: nothing to check
                self._check_object(value, shape, path, call)

    def _check_object(self, value: object, shape: _Shape, path: str, call: _Call) -> None:
        if shape.subtypes:
            if isinstance(value, dict) and shape.discriminator and shape.variants:
                tag = value.get(shape.discriminator)
                variants = shape.variants.get(tag) if isinstance(tag, str) else None
                if tag is None:
                    call.errors.append(
                        f"{path}: missing {shape.discriminator!r}, which picks the {shape.name}"
                    )
                    return
                if variants is None:
                    call.errors.append(
                        f"{_join(path, shape.discriminator)}: {tag!r} is not a {shape.name} "
                        f"(one of {', '.join(sorted(shape.variants))})"
                    )
                    return
                value_types = variants
            else:
                value_types = shape.subtypes
            text = " or ".join(_type_text(t) for t in value_types)
            self._check_types(value, value_types, text, path, call)
            return
        if isinstance(value, str) and shape.string_allowed:
            return
        if not isinstance(value, dict):
            call.errors.append(f"{path}: expected {shape.name}, got {_describe(value)}")
            return
        for key, item in value.items():
            spec_field = shape.fields.get(key)
            if spec_field is None:
                call.errors.append(f"{_join(path, key)}: unknown field of {shape.name}")
            else:
                self._check_field(spec_field, item, _join(path, key), call)
        self._check_presence(shape, value, path, call)
        if shape.exclusive is not None:
            used = [key for key in shape.exclusive.fields if key in value]
            if len(used) > 1 or (shape.exclusive.exactly and not used):
                need = "exactly" if shape.exclusive.exactly else "at most"
                call.errors.append(
                    f"{path}: {shape.name} needs {need} one of "
                    f"{', '.join(shape.exclusive.fields)}; got {', '.join(used) or 'none'}"
                )

    def _check_presence(
        self, shape: _Shape, value: Mapping[Any, object], path: str, call: _Call
    ) -> None:
        where = f"{path}: " if path else ""
        kind = "parameter" if not path else f"field of {shape.name}"
        for name in shape.required:
            if name not in value:
                call.errors.append(f"{where}missing required {kind} {name!r}")
        for spec_field in shape.conditional:
            name = spec_field.label.rsplit(".", 1)[1]
            if name not in value and not any(
                other in value for other in spec_field.required_unless
            ):
                call.errors.append(
                    f"{where}missing {kind} {name!r} "
                    f"(required unless {' or '.join(spec_field.required_unless)} is given)"
                )

    def _fits(self, value: object, spec_type: _Type) -> bool:
        """Whether `value` is the right kind of thing for `spec_type`, before any detail."""
        if isinstance(spec_type, _Scalar):
            return _SCALAR_FITS[spec_type.name](value)
        if isinstance(spec_type, _Array):
            return isinstance(value, list)
        shape = self._types.get(spec_type.name)
        if shape is None or isinstance(value, dict):
            return True
        if shape.subtypes:
            return any(self._fits(value, t) for t in shape.subtypes)
        return isinstance(value, str) and shape.string_allowed

    def _overlap(self, value: object, spec_type: _Type) -> int:
        """How many of a dict's keys `spec_type` knows: picks the alternative meant."""
        shape = self._types.get(spec_type.name) if isinstance(spec_type, _Object) else None
        if shape is None or not isinstance(value, dict):
            return 0
        return sum(1 for key in value if key in shape.fields)


# -- building the index -------------------------------------------------------------------


def _shape(name: str, raw: Mapping[str, Any]) -> _Shape:
    raw_fields: list[Mapping[str, Any]] = list(raw.get("fields", ()))
    names = {str(f["name"]) for f in raw_fields}
    fields = {str(f["name"]): _field(name, f, names) for f in raw_fields}
    constants = {n: f.constant for n, f in fields.items() if f.constant is not None}
    description = " ".join(str(line) for line in raw.get("description", ()))
    return _Shape(
        name=name,
        fields=fields,
        required=tuple(n for n, f in fields.items() if f.required),
        conditional=tuple(f for f in fields.values() if f.required_unless),
        constants=constants,
        exclusive=_exclusive(description, list(fields)),
        string_allowed=_PROSE_STRING_ALLOWED in description,
    )


def _field(owner: str, raw: Mapping[str, Any], sibling_names: set[str]) -> _Field:
    name = str(raw["name"])
    texts = [str(t) for t in raw["types"]]
    types = tuple(_parse_type(t) for t in texts)
    description = str(raw.get("description", ""))
    required = bool(raw.get("required"))
    tag = _PROSE_CONSTANT.search(description) if required and texts == ["String"] else None
    constant = tag.group(1) if tag else None
    required_unless: tuple[str, ...] = ()
    unless = _PROSE_REQUIRED_UNLESS.search(description)
    if unless and not required:
        others = tuple(w for w in (unless.group(1) or unless.group(2)).split() if w != "and")
        if set(others) <= sibling_names:
            required_unless = others
    return _Field(
        label=f"{owner}.{name}",
        types=types,
        type_text=" or ".join(texts),
        required=required,
        required_unless=required_unless,
        rules=_HARD_CODED_RULES.get((owner, name))
        or _prose_rules(name, texts, description, constant),
        constant=constant,
        json_encoded=all(not isinstance(t, _Scalar) for t in types),
    )


def _prose_rules(
    name: str, texts: list[str], description: str, constant: str | None
) -> tuple[FieldRule, ...]:
    base = "Array" if all(t.startswith("Array of ") for t in texts) else " or ".join(texts)
    rules: list[FieldRule] = []
    for pattern, kind, unit in _PROSE_LIMITS:
        if kind != base:
            continue
        found = {m.groups() for m in pattern.finditer(description)}
        if len(found) == 1:  # two different ranges in one description: too ambiguous to read
            bounds = [int(n) for n in found.pop()]
            low, high = (None, bounds[0]) if len(bounds) == 1 else (bounds[0], bounds[1])
            rules.append(FieldRule(low=low, high=high, unit=unit))
    if base == "String":
        if name == "parse_mode" or name.endswith("_parse_mode"):
            rules.append(FieldRule(choices=PARSE_MODES))
        listed = _PROSE_CHOICES.search(description)
        choices = frozenset(re.findall(r'"([^"]+)"', listed.group(1))) if listed else frozenset()
        if choices or constant:
            rules.append(FieldRule(choices=choices or frozenset({constant or ""})))
    return tuple(rules)


def _exclusive(description: str, field_names: list[str]) -> ExclusiveFields | None:
    found = _PROSE_EXCLUSIVE.search(description)
    if not found:
        return None
    others = set(re.findall(r"\w+", found.group(2))) - {"and", "or"}
    if not others <= set(field_names):
        return None  # the sentence names fields the type lacks: the prose changed, do not guess
    actions = tuple(n for n in field_names if n not in others)
    return ExclusiveFields(exactly=found.group(1) == "Exactly", fields=actions)


def _parse_type(text: str) -> _Type:
    if text.startswith("Array of "):
        return _Array(_parse_type(text[len("Array of ") :]))
    return _Scalar(text) if text in _SCALARS else _Object(text)


def _type_text(spec_type: _Type) -> str:
    if isinstance(spec_type, _Array):
        return f"Array of {_type_text(spec_type.item)}"
    return spec_type.name


# -- values ---------------------------------------------------------------------------------
# Scalars may arrive as Python values (in process, JSON bodies) or as form strings (over
# HTTP); Telegram reads both, so both are accepted.


def _is_integer(value: object) -> bool:
    if isinstance(value, str):
        return _INTEGER.fullmatch(value) is not None
    return isinstance(value, int) and not isinstance(value, bool)


def _is_float(value: object) -> bool:
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return False
        return True
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_boolean(value: object) -> bool:
    return isinstance(value, bool) or (isinstance(value, str) and value.lower() in _BOOLEAN_STRINGS)


def _is_upload(value: object) -> bool:
    """An UploadedFile, or any object shaped like one (bot.local_api has its own class)."""
    return isinstance(value, UploadedFile) or (
        isinstance(getattr(value, "filename", None), str)
        and isinstance(getattr(value, "content", None), bytes)
    )


_SCALAR_FITS = {
    "Integer": _is_integer,
    "Float": _is_float,
    "String": lambda value: isinstance(value, str),
    "Boolean": _is_boolean,
    "InputFile": _is_upload,
}


def _size(value: object, unit: Unit) -> int | None:
    if unit == "characters":  # Telegram counts characters: len() of the str
        return len(value) if isinstance(value, str) else None
    if unit == "bytes":
        return len(value.encode("utf-8")) if isinstance(value, str) else None
    if unit == "items":
        return len(value) if isinstance(value, list) else None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return int(value) if isinstance(value, str) and _INTEGER.fullmatch(value) else None


def _range_text(low: int | None, high: int | None) -> str:
    if low is None:
        return f"at most {high}"
    return f"at least {low}" if high is None else f"{low}-{high}"


def _describe(value: object) -> str:
    if _is_upload(value):
        return f"an upload {getattr(value, 'filename', '')!r}"
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 40 else text[:37] + '...'}"


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


# -- loading --------------------------------------------------------------------------------


def spec_path() -> Path:
    """Where api.json is looked for: BOT_API_SPEC, else ../shared/telegram-bot-api/."""
    override = os.environ.get(SPEC_ENV_VAR)
    return Path(override) if override else DEFAULT_SPEC_PATH


def _missing_reason(path: Path) -> str | None:
    if path.is_file():
        return None
    return f"no Bot API description at {path} (set {SPEC_ENV_VAR} to an api.json)"


# Set at import so a conftest can print it; load_spec() refreshes it for the path it read.
SPEC_MISSING_REASON: str | None = _missing_reason(spec_path())


@functools.lru_cache(maxsize=1)
def load_spec() -> BotApiSpec | None:
    """The description, read and indexed once per session; None when the file is absent."""
    global SPEC_MISSING_REASON
    path = spec_path()
    SPEC_MISSING_REASON = _missing_reason(path)
    if SPEC_MISSING_REASON is not None:
        return None
    return BotApiSpec.from_file(path)


def assert_valid(method: str, params: Mapping[str, object]) -> None:
    """Fail with every violation at once; does nothing when the description is absent."""
    spec = load_spec()
    violations = spec.check_call(method, params) if spec is not None else []
    if violations:
        raise AssertionError(f"{method} breaks the Bot API spec:\n" + "\n".join(violations))
