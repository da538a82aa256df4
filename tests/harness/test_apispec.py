"""The Bot API validator: it must pass what Telegram accepts and name what Telegram rejects."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    InputMediaPhoto,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.local_api import LOCAL_TOKEN, LocalBotApi, UploadedFile
from tests.harness import apispec
from tests.harness.apispec import BotApiSpec, assert_valid, load_spec

if apispec.SPEC_MISSING_REASON is not None:
    pytest.skip(apispec.SPEC_MISSING_REASON, allow_module_level=True)

SAVE = {"inline_keyboard": [[{"text": "保存", "callback_data": "x"}]]}


@pytest.fixture
def spec() -> BotApiSpec:
    loaded = load_spec()
    assert loaded is not None, apispec.SPEC_MISSING_REASON
    return loaded


def message(**params: object) -> dict[str, object]:
    return {"chat_id": 5001, "text": "今天拜访了张总", **params}


def one_violation(
    spec: BotApiSpec, method: str, params: Mapping[str, object], *needles: str
) -> str:
    violations = spec.check_call(method, params)
    assert len(violations) == 1, violations
    for needle in needles:
        assert needle in violations[0], violations
    return violations[0]


# -- methods and parameters ------------------------------------------------------------------


def test_send_message_with_inline_keyboard_passes(spec: BotApiSpec) -> None:
    assert spec.check_call("sendMessage", message(reply_markup=SAVE)) == []


def test_method_names_match_case_insensitively(spec: BotApiSpec) -> None:
    assert spec.check_call("sendmessage", message()) == []


def test_unknown_method_fails(spec: BotApiSpec) -> None:
    one_violation(spec, "sendMessages", message(), "unknown Bot API method", "sendMessages")


def test_unknown_parameter_fails(spec: BotApiSpec) -> None:
    one_violation(spec, "sendMessage", message(reply_to=3), "unknown parameter 'reply_to'")


def test_missing_chat_id_fails(spec: BotApiSpec) -> None:
    one_violation(spec, "sendMessage", {"text": "你好"}, "missing required parameter 'chat_id'")


def test_chat_id_takes_integer_or_username_but_not_a_list(spec: BotApiSpec) -> None:
    assert spec.check_call("sendMessage", message(chat_id="@sales_team")) == []
    one_violation(spec, "sendMessage", message(chat_id=[1]), "chat_id", "Integer or String")


def test_scalar_types_are_checked(spec: BotApiSpec) -> None:
    one_violation(spec, "sendMessage", message(disable_notification="yes"), "Boolean")
    one_violation(spec, "sendMessage", message(message_thread_id=True), "Integer")


def test_form_encoded_scalars_pass(spec: BotApiSpec) -> None:
    """Over HTTP every scalar is a string, and Telegram reads them that way too."""
    params = message(chat_id="5001", disable_notification="true", reply_markup=json.dumps(SAVE))
    assert spec.check_call("sendMessage", params) == []


def test_json_string_for_an_object_is_decoded_and_checked(spec: BotApiSpec) -> None:
    bad = json.dumps({"inline_keyboard": [[{"text": "保存"}]]})
    one_violation(spec, "sendMessage", message(reply_markup=bad), "exactly one of")
    one_violation(spec, "sendMessage", message(reply_markup="{not json"), "not valid JSON")


# -- limits from the prose -----------------------------------------------------------------


def test_text_of_4096_characters_passes_and_4097_fails(spec: BotApiSpec) -> None:
    assert spec.check_call("sendMessage", message(text="记" * 4096)) == []
    one_violation(spec, "sendMessage", message(text="记" * 4097), "4097 characters", "1-4096")


def test_empty_text_fails(spec: BotApiSpec) -> None:
    one_violation(spec, "sendMessage", message(text=""), "0 characters")


def test_parse_mode_must_be_a_known_mode(spec: BotApiSpec) -> None:
    assert spec.check_call("sendMessage", message(parse_mode="HTML")) == []
    one_violation(spec, "sendMessage", message(parse_mode="html"), "parse_mode", "MarkdownV2")


def test_callback_data_of_65_bytes_fails(spec: BotApiSpec) -> None:
    fits = "保" * 21 + "x"  # 64 bytes of UTF-8
    button = {"text": "保存", "callback_data": fits}
    assert (
        spec.check_call("sendMessage", message(reply_markup={"inline_keyboard": [[button]]})) == []
    )
    button["callback_data"] = fits + "y"
    one_violation(
        spec,
        "sendMessage",
        message(reply_markup={"inline_keyboard": [[button]]}),
        "reply_markup.inline_keyboard[0][0].callback_data",
        "65 bytes",
        "1-64",
    )


def test_button_with_two_actions_fails(spec: BotApiSpec) -> None:
    button = {"text": "打开", "url": "https://example.com", "callback_data": "x"}
    one_violation(
        spec,
        "sendMessage",
        message(reply_markup={"inline_keyboard": [[button]]}),
        "exactly one of",
        "url, callback_data",
    )


def test_button_with_no_action_fails(spec: BotApiSpec) -> None:
    markup = {"inline_keyboard": [[{"text": "保存", "style": "success"}]]}
    one_violation(spec, "sendMessage", message(reply_markup=markup), "got none")


def test_button_actions_come_from_the_spec(spec: BotApiSpec) -> None:
    actions = spec.exclusive_fields("InlineKeyboardButton")
    assert actions is not None and actions.exactly
    assert set(actions.fields) == {
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }


def test_unknown_button_field_fails(spec: BotApiSpec) -> None:
    markup = {"inline_keyboard": [[{"text": "保存", "callback_data": "x", "color": "red"}]]}
    one_violation(spec, "sendMessage", message(reply_markup=markup), "color", "unknown field")


def test_reply_keyboard_passes(spec: BotApiSpec) -> None:
    markup = {"keyboard": [[{"text": "记一笔"}, {"text": "今日"}]], "resize_keyboard": True}
    assert spec.check_call("sendMessage", message(reply_markup=markup)) == []
    remove = {"remove_keyboard": True}
    assert spec.check_call("sendMessage", message(reply_markup=remove)) == []


def test_reply_keyboard_button_with_two_requests_fails(spec: BotApiSpec) -> None:
    button = {"text": "位置", "request_location": True, "request_contact": True}
    one_violation(
        spec, "sendMessage", message(reply_markup={"keyboard": [[button]]}), "at most one of"
    )


def test_reply_markup_that_is_no_markup_fails(spec: BotApiSpec) -> None:
    assert spec.check_call("sendMessage", message(reply_markup={"keyboard": "记一笔"}))
    assert spec.check_call("sendMessage", message(reply_markup=[1, 2]))


# -- setMyCommands --------------------------------------------------------------------------


def test_set_my_commands_passes_with_language_and_scope(spec: BotApiSpec) -> None:
    params = {
        "commands": [{"command": "start", "description": "开始,显示主菜单"}],
        "language_code": "zh",
        "scope": {"type": "default"},
    }
    assert spec.check_call("setMyCommands", params) == []
    params["scope"] = {"type": "chat", "chat_id": 5001}
    assert spec.check_call("setMyCommands", params) == []


@pytest.mark.parametrize("command", ["Start", "开始", "with-dash", "x" * 33, ""])
def test_set_my_commands_rejects_bad_command_names(spec: BotApiSpec, command: str) -> None:
    params = {"commands": [{"command": command, "description": "开始"}]}
    one_violation(spec, "setMyCommands", params, "commands[0].command")


def test_set_my_commands_limits(spec: BotApiSpec) -> None:
    long = {"commands": [{"command": "start", "description": "长" * 257}]}
    one_violation(spec, "setMyCommands", long, "257 characters", "1-256")
    many = {"commands": [{"command": f"c{i}", "description": "d"} for i in range(101)]}
    one_violation(spec, "setMyCommands", many, "101 items")
    one_violation(spec, "setMyCommands", {"commands": []}, "0 items")


def test_command_scope_is_chosen_by_its_type(spec: BotApiSpec) -> None:
    base = {"commands": [{"command": "start", "description": "开始"}]}
    one_violation(spec, "setMyCommands", {**base, "scope": {"type": "chat"}}, "'chat_id'")
    one_violation(spec, "setMyCommands", {**base, "scope": {"type": "everyone"}}, "'everyone'")
    one_violation(spec, "setMyCommands", {**base, "scope": {"chat_id": 1}}, "missing 'type'")


# -- other methods the bot uses -------------------------------------------------------------


def test_edit_message_text(spec: BotApiSpec) -> None:
    params = {"chat_id": 5001, "message_id": 7, "text": "已保存", "reply_markup": SAVE}
    assert spec.check_call("editMessageText", params) == []
    assert spec.check_call("editMessageText", {"inline_message_id": "abc", "text": "x"}) == []
    violations = spec.check_call("editMessageText", {"text": "已保存"})
    assert len(violations) == 3 and all("required unless" in v for v in violations), violations
    keyboard = {"keyboard": [[{"text": "记一笔"}]]}  # edits take inline keyboards only
    assert spec.check_call("editMessageText", {**params, "reply_markup": keyboard})


def test_answer_callback_query(spec: BotApiSpec) -> None:
    assert spec.check_call("answerCallbackQuery", {"callback_query_id": "42"}) == []
    params = {"callback_query_id": "42", "text": "已" * 200, "show_alert": True}
    assert spec.check_call("answerCallbackQuery", params) == []
    params["text"] = "已" * 201
    one_violation(spec, "answerCallbackQuery", params, "201 characters", "0-200")


def test_send_document_with_an_upload(spec: BotApiSpec) -> None:
    upload = UploadedFile("客户.csv", b"name\n", "text/csv")
    params = {"chat_id": 5001, "document": upload, "caption": "导出"}
    assert spec.check_call("sendDocument", params) == []
    no_type = UploadedFile("客户.csv", b"name\n", None)
    assert spec.check_call("sendDocument", {**params, "document": no_type}) == []
    one_violation(spec, "sendDocument", {**params, "document": 12}, "InputFile or String")
    one_violation(spec, "sendDocument", {**params, "caption": "长" * 1025}, "0-1024")


def test_send_photo_by_file_id_or_upload(spec: BotApiSpec) -> None:
    assert spec.check_call("sendPhoto", {"chat_id": 5001, "photo": "AgACAgIAAxkBAAIB"}) == []
    upload = UploadedFile("card.jpg", b"\xff\xd8", "image/jpeg")
    assert spec.check_call("sendPhoto", {"chat_id": 5001, "photo": upload}) == []
    one_violation(spec, "sendPhoto", {"chat_id": 5001}, "'photo'")


def test_upload_only_parameter_rejects_a_string(spec: BotApiSpec) -> None:
    one_violation(
        spec, "setWebhook", {"url": "https://x.example", "certificate": "abc"}, "InputFile"
    )


def test_media_group_uploads_are_referenced_by_attach(spec: BotApiSpec) -> None:
    media = [
        {"type": "photo", "media": "attach://a"},
        {"type": "photo", "media": "attach://b", "caption": "名片"},
    ]
    files = {
        "a": UploadedFile("a.jpg", b"1", None),
        "b": UploadedFile("b.jpg", b"2", None),
    }
    assert spec.check_call("sendMediaGroup", {"chat_id": 1, "media": media, **files}) == []
    stray = {"chat_id": 1, "media": media, **files, "c": UploadedFile("c.jpg", b"3", None)}
    one_violation(spec, "sendMediaGroup", stray, "unknown parameter 'c'")
    one_violation(
        spec, "sendMediaGroup", {"chat_id": 1, "media": media, "a": files["a"]}, "attach://b"
    )
    alone = {"chat_id": 1, "media": media[:1], "a": files["a"]}
    one_violation(spec, "sendMediaGroup", alone, "1 items", "2-10")


def test_method_without_parameters(spec: BotApiSpec) -> None:
    assert spec.check_call("getMe", {}) == []
    one_violation(spec, "getMe", {"chat_id": 1}, "unknown parameter")


def test_assert_valid_joins_every_violation() -> None:
    assert_valid("sendMessage", message(reply_markup=SAVE))
    with pytest.raises(AssertionError) as raised:
        assert_valid("sendMessage", {"text": "", "colour": 1})
    text = str(raised.value)
    assert "chat_id" in text and "colour" in text and "0 characters" in text


# -- what PTB really sends ------------------------------------------------------------------


async def test_requests_built_by_python_telegram_bot_pass(spec: BotApiSpec) -> None:
    api = LocalBotApi(validator=spec.check_call)
    # The fake server has no sendMediaGroup; answer it here (the validator has run by then).
    api.fault_hook = lambda method, _: (
        (200, {"ok": True, "result": []}) if method == "sendMediaGroup" else None
    )
    bot = Bot(LOCAL_TOKEN, request=api)
    async with bot:
        await bot.send_message(
            5001,
            "选择操作",
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("保存", callback_data="save:1")]]
            ),
        )
        await bot.send_message(
            5001,
            "记一笔",
            reply_markup=ReplyKeyboardMarkup([[KeyboardButton("记一笔")]], resize_keyboard=True),
        )
        await bot.set_my_commands(
            [BotCommand("start", "开始")], scope=BotCommandScopeChat(5001), language_code="en"
        )
        await bot.send_document(5001, InputFile(b"a,b\n", filename="客户.csv"), caption="导出")
        await bot.send_media_group(
            5001,
            [
                InputMediaPhoto(InputFile(b"\xff\xd8", filename="a.jpg", attach=True)),
                InputMediaPhoto(InputFile(b"\xff\xd8", filename="b.jpg", attach=True)),
            ],
        )
    assert {call.method for call in api.calls} >= {"sendMessage", "sendDocument"}
    assert api.violations == []


async def test_a_bad_request_from_python_telegram_bot_is_caught(spec: BotApiSpec) -> None:
    """PTB does not check callback_data length; the validator must, through the fake server."""
    api = LocalBotApi(validator=spec.check_call)
    async with Bot(LOCAL_TOKEN, request=api) as bot:
        button = InlineKeyboardButton("保存", callback_data="保" * 22)  # 66 bytes
        await bot.send_message(5001, "选择操作", reply_markup=InlineKeyboardMarkup([[button]]))
    assert len(api.violations) == 1
    assert api.violations[0].startswith("sendMessage: reply_markup.inline_keyboard[0][0]")


# -- loading --------------------------------------------------------------------------------


def test_missing_spec_disables_the_check_with_a_reason(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "api.json"
    with monkeypatch.context() as patch:
        patch.setenv(apispec.SPEC_ENV_VAR, str(missing))
        load_spec.cache_clear()
        try:
            assert load_spec() is None
            reason = apispec.SPEC_MISSING_REASON
            assert reason is not None and str(missing) in reason and "\n" not in reason
            assert_valid("noSuchMethod", {})  # disabled: nothing to check against
        finally:
            load_spec.cache_clear()
    assert load_spec() is not None
    assert apispec.SPEC_MISSING_REASON is None


def test_unreadable_spec_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken = tmp_path / "api.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="not a usable Bot API description"):
        BotApiSpec.from_file(broken)


def test_spec_is_loaded_once(spec: BotApiSpec) -> None:
    assert load_spec() is spec
