"""Import: a rep sends an .xlsx, .csv or .vcf of customers and contacts; the bot previews what
it read (rows understood, rows with errors and why), and imports on confirmation, skipping
customers and contacts that already exist."""

from __future__ import annotations

import asyncio

from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from handlers.kit.callback_data import callback_id
from handlers.kit.deps import deps
from handlers.kit.keyboards import inline
from handlers.kit.offload import OffloadFailed
from handlers.kit.phones import shown_phone
from handlers.kit.routes import pressed
from handlers.kit.turn import Turn, member_turn
from handlers.transfer import callbacks
from locales import N_
from parsing.dates import parse_when
from parsing.notes import salutation_for
from parsing.tables import Problem, Row, Table, read_table
from storage.birthdays import birthday_columns, birthday_of
from storage.changes import length_limit, merged_list
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo
from storage.engine import background
from storage.matching import Verdict, team_names
from storage.models import Base, Contact, Customer, Draft, Grade, Member
from storage.naming import heading

SHOWN_PROBLEMS = 10
# What parsing.tables reports, marked for the catalogs.
REASONS = [
    N_("缺少客户名称"),
    N_("手机号不对"),
    N_("邮箱不对"),
    N_("等级只能是 A、B、C"),
    N_("文件是空的"),
    N_("第一行要有「客户名称」这一列"),
    N_("无法读取这个 Excel 文件"),
    N_("无法读取这个 CSV 文件"),
    N_("文件编码无法识别,请存为 UTF-8"),
    N_("文件里没有名片"),
    N_("这个 Excel 文件展开后太大了"),
]
# Rows of an import between two yields to the event loop (other users' turns run there) and,
# when importing, between two commits.
YIELD_EVERY = 100
PREVIEW_ROWS = 3  # rows shown in the preview as they will be saved
SUFFIXES = (".xlsx", ".csv", ".txt", ".vcf")
TOO_LONG = N_("{label}太长(最多 {n} 个字)")
# Where each column of a row is stored, and its name in the preview.
STORED_AS: dict[str, tuple[type[Base], str, str]] = {
    "company": (Customer, "name", N_("客户名称")),
    "industry": (Customer, "industry", N_("行业")),
    "address": (Customer, "address", N_("地址")),
    "name": (Contact, "name", N_("联系人姓名")),
    "title": (Contact, "title", N_("职务")),
    "wechat": (Contact, "wechat", N_("微信")),
    "email": (Contact, "email", N_("邮箱")),
}


def _set_aside_too_long(table: Table) -> None:
    """A row with a value longer than the archive holds is a problem row, not cut short."""
    kept: list[Row] = []
    limits = {column: length_limit(model, field) for column, (model, field, _) in STORED_AS.items()}
    for row in table.rows:
        problem = None
        for column, (_model, _field, label) in STORED_AS.items():
            value, limit = getattr(row, column), limits[column]
            if value and limit is not None and len(value) > limit:
                problem = Problem(row.line, TOO_LONG, label=label, limit=limit)
                break
        if problem is None:
            kept.append(row)
        else:
            table.problems.append(problem)
    table.rows = kept
    table.problems.sort(key=lambda p: p.line)


@member_turn
async def document(turn: Turn) -> None:
    _ = turn._
    message = turn.update.effective_message
    assert message is not None and message.document is not None
    name = message.document.file_name or ""
    if not name.lower().endswith(SUFFIXES):
        turn.say(_("我能导入 .xlsx、.csv 或 .vcf 格式的客户名单;其他文件暂时看不懂。"))
        return
    limits = deps(turn.context)
    too_big = _(
        "文件太大了(最多 {mb} MB),请分成几个文件再发。", mb=limits.upload_max_bytes // 2**20
    )
    # Telegram may leave file_size out; getFile's size, then the bytes themselves, decide.
    if (message.document.file_size or 0) > limits.upload_max_bytes:
        turn.say(too_big)
        return
    telegram_file = await message.document.get_file()
    if (telegram_file.file_size or 0) > limits.upload_max_bytes:
        turn.say(too_big)
        return
    content = bytes(await telegram_file.download_as_bytearray())
    if len(content) > limits.upload_max_bytes:
        turn.say(too_big)
        return
    try:
        table = await limits.offload.run(read_table, name, content, limits.import_max_rows)
    except OffloadFailed:
        turn.say(
            _("这个文件太复杂,没能在限定的时间和内存里读完。请删掉多余的行或分成几个文件再发。")
        )
        return
    if table is None or table.unreadable:
        reason = table.unreadable if table and table.unreadable else "无法读取这个 Excel 文件"
        turn.say(_("没法导入:{reason}。", reason=_(reason)))
        return
    _set_aside_too_long(table)
    exists, conflicts = await _same_customers(turn, table)
    known = sum(exists[r.company] for r in table.rows)
    lines = [
        _.plural("📥 读到 {n} 行可用的记录:", "📥 读到 {n} 行可用的记录:", len(table.rows)),
        _(
            "· 新客户 {new} 个,已有客户 {known} 个(只补充新的联系人和新电话、微信、邮箱)",
            new=len({r.company for r in table.rows}) - known,
            known=known,
        ),
    ]
    for row in table.rows[:PREVIEW_ROWS]:
        lines.append(_("  第 {line} 行:{row}", line=row.line, row=_preview(turn, row)))
    if len(table.rows) > PREVIEW_ROWS:
        lines.append(_.plural("  …还有 {n} 行", "  …还有 {n} 行", len(table.rows) - PREVIEW_ROWS))
    if table.unknown:
        lines.append(
            _(
                "📝 这些列没有对应的栏目,内容存为客户备注:{columns}",
                columns="、".join(table.unknown[:10]),
            )
        )
    if table.unread and table.unread_at_least:  # the file was too big to count them all
        lines.append(
            _.plural(
                "✂️ 另有 至少 {n} 行超过上限未读(每次最多 {limit} 行),请分成几个文件再发。",
                "✂️ 另有 至少 {n} 行超过上限未读(每次最多 {limit} 行),请分成几个文件再发。",
                table.unread,
                limit=limits.import_max_rows,
            )
        )
    elif table.unread:
        lines.append(
            _.plural(
                "✂️ 另有 {n} 行超过上限未读(每次最多 {limit} 行),请分成几个文件再发。",
                "✂️ 另有 {n} 行超过上限未读(每次最多 {limit} 行),请分成几个文件再发。",
                table.unread,
                limit=limits.import_max_rows,
            )
        )
    if conflicts:
        lines.append(
            _.plural(
                "⚠️ 有 {n} 行可能是已有的客户,不会导入:",
                "⚠️ 有 {n} 行可能是已有的客户,不会导入:",
                len(conflicts),
            )
        )
        lines += [f"· {conflict}" for conflict in conflicts[:SHOWN_PROBLEMS]]
    if table.problems:
        lines.append(
            _.plural(
                "⚠️ 有 {n} 行有问题,不会导入:", "⚠️ 有 {n} 行有问题,不会导入:", len(table.problems)
            )
        )
        for problem in table.problems[:SHOWN_PROBLEMS]:
            reason = (
                _(problem.reason, label=_(problem.label), n=problem.limit)
                if problem.label is not None
                else _(problem.reason)
            )
            lines.append(_("· 第 {line} 行:{reason}", line=problem.line, reason=reason))
    if not table.rows:
        turn.say("\n".join(lines))
        return
    draft = Draft(
        member_id=turn.member.id,
        kind="import",
        text=name,
        payload={"rows": [dict(vars(r)) for r in table.rows]},  # flat: no asdict's deep copy
    )
    turn.session.add(draft)
    await turn.session.flush()
    turn.say(
        "\n".join(lines),
        inline(
            [
                [
                    (_("✅ 导入"), callbacks.import_confirmed(draft.id)),
                    (_("❌ 取消"), callbacks.import_cancelled(draft.id)),
                ]
            ]
        ),
    )


async def _same_customers(turn: Turn, table: Table) -> tuple[dict[str, bool], list[str]]:
    """Each company against the team by the one rule (storage/matching.py): whether it is a
    customer the rep has, and the rows set aside because they may be one (the rep's own
    under another name, or a colleague's: first-recorded rule), with the reason."""
    _ = turn._
    names = await team_names(turn.session, turn.actor.team_id)
    exists: dict[str, bool] = {}  # one verdict per company, however many rows name it
    verdicts: dict[str, Verdict] = {}
    for count, company in enumerate(dict.fromkeys(r.company for r in table.rows), 1):
        verdict = names.verdict(company, turn.actor, fuzzy=False)
        exists[company] = verdict.exact is not None
        if verdict.exact is None and (
            verdict.likely or verdict.colleague or verdict.colleague_maybe
        ):
            verdicts[company] = verdict
        if count % YIELD_EVERY == 0:
            await asyncio.sleep(0)  # other users' turns run between
    conflicts: list[str] = []
    kept: list[Row] = []
    for row in table.rows:
        found = verdicts.get(row.company)
        if found is None:
            kept.append(row)
            continue
        verdict = found
        if verdict.likely:
            reason = _(
                "第 {line} 行:「{company}」和已有客户「{existing}」很像,可能是同一家。是的话请在文件里改用「{existing}」,不是的话用 /customer 单独新建",
                line=row.line,
                company=row.company,
                existing=names.index[verdict.likely[0]].name,
            )
        else:
            theirs = names.index[verdict.colleague or verdict.colleague_maybe or 0]
            owner = await turn.session.get(Member, theirs.owner_id)
            owner_name = owner.name if owner else "—"
            reason = (
                _(
                    "第 {line} 行:「{company}」是同事 {owner} 负责的客户(先记录者负责)",
                    line=row.line,
                    company=row.company,
                    owner=owner_name,
                )
                if verdict.colleague
                else _(
                    "第 {line} 行:「{company}」可能是同事 {owner} 负责的客户(先记录者负责)",
                    line=row.line,
                    company=row.company,
                    owner=owner_name,
                )
            )
        conflicts.append(reason)
    table.rows = kept
    return exists, conflicts


@member_turn
async def import_button(turn: Turn) -> None:
    _ = turn._
    found = callbacks.IMPORT.match(pressed(turn))
    draft_id = callback_id(found.group(2)) if found else None
    draft = await turn.session.get(Draft, draft_id) if draft_id is not None else None
    if draft is None or draft.member_id != turn.member.id or draft.kind != "import":
        turn.answer(_("这条记录已经处理过了。"), alert=True)
        return
    await turn.session.delete(draft)
    assert found is not None
    if found.group(1) != "y":
        turn.edit(_("好的,没有导入。"))
        return
    with background():  # thousands of writes: on SQLite's thread, not the event loop's
        added_customers, added_contacts, filled, skipped = await _import(
            turn, [Row(**r) for r in draft.payload["rows"]]
        )
    if filled:
        turn.edit(
            _(
                "✅ 导入完成:新客户 {customers} 个,新联系人 {contacts} 位,补充资料 {filled} 位,"
                "跳过重复 {skipped} 条。",
                customers=added_customers,
                contacts=added_contacts,
                filled=filled,
                skipped=skipped,
            )
        )
        return
    turn.edit(
        _(
            "✅ 导入完成:新客户 {customers} 个,新联系人 {contacts} 位,跳过重复 {skipped} 条。",
            customers=added_customers,
            contacts=added_contacts,
            skipped=skipped,
        )
    )


async def _import(turn: Turn, rows: list[Row]) -> tuple[int, int, int, int]:
    """(new customers, new contacts, known contacts given something new, rows skipped)."""
    customers = CustomerRepo(turn.session, turn.actor)
    contacts = ContactRepo(turn.session, turn.actor)
    now = turn.now()
    added_customers = added_contacts = filled = skipped = 0
    for count, row in enumerate(rows, 1):
        if count % YIELD_EVERY == 0:
            # Committed in batches: SQLite's write lock is let go, so other users' turns
            # (and the dispatcher) write in between instead of waiting for the whole file.
            # A second import of the same file skips what this one saved.
            await turn.session.commit()
        customer = await customers.by_name(row.company)
        if customer is None:
            if await customers.name_taken_in_team(row.company):
                skipped += 1  # a colleague's customer: first-recorded rule
                continue
            grade = Grade(row.grade) if row.grade else None
            customer = await customers.create(
                row.company,
                grade=grade,
                industry=row.industry,
                address=row.address,
                notes=row.note,
            )
            added_customers += 1
        else:
            if row.note and row.note not in (customer.notes or ""):
                # 备注 and the columns no field takes are kept, added to what the note says.
                kept = f"{customer.notes}\n{row.note}" if customer.notes else row.note
                customers.update(customer, {"notes": kept})
            if not row.name:
                skipped += 1
                continue
        if not row.name:
            continue
        sure, _maybe = await contacts.candidates(customer, name=row.name, surname=None, title=None)
        if sure is not None:
            # the same person: a new number or address is added, as a note adds it
            if contacts.update(sure, customer.team_id, _new_ways_to_reach(sure, row)):
                filled += 1
            else:
                skipped += 1
            continue
        fields: dict[str, object] = {}
        when = parse_when(row.birthday, now) if row.birthday else None
        if when is not None:
            fields = birthday_columns(birthday_of(when), now.date())
        await contacts.create(
            customer,
            name=row.name,
            surname=row.name[0],
            title=row.title,
            salutation=_salutation(row.name, row.title),
            phones=[row.phone] if row.phone else [],
            wechat=row.wechat,
            email=row.email,
            **fields,
        )
        added_contacts += 1
    return added_customers, added_contacts, filled, skipped


def _new_ways_to_reach(contact: Contact, row: Row) -> dict[str, object]:
    """What the row adds to a contact already kept: a phone beside theirs, a WeChat or an
    e-mail where none was kept (one already kept is not overwritten by a sheet)."""
    changes: dict[str, object] = {}
    if row.phone and row.phone not in (contact.phones or []):
        changes["phones"] = merged_list(contact.phones, [row.phone])
    if row.wechat and not contact.wechat:
        changes["wechat"] = row.wechat
    if row.email and not contact.email:
        changes["email"] = row.email
    return changes


def _preview(turn: Turn, row: Row) -> str:
    """One row as it will be saved: 上海建工集团 · 张伟 总经理 · 139 0000 1111."""
    person = heading(row.name, None, row.title, None) if row.name or row.title else None
    phone = shown_phone(turn._, row.phone, turn.region) if row.phone else None
    parts = [row.company, person, phone, row.grade and f"{row.grade}类", row.note]
    return " · ".join(p for p in parts if p)[:120]


def _salutation(name: str, title: str | None) -> str | None:
    """刘 + 采购部经理 → 刘经理, as a note or a card would say it (parsing.notes); none when
    the title is not one people are addressed by, or it would not fit."""
    salutation = salutation_for(name, title)
    limit = length_limit(Contact, "salutation")
    if salutation is None or (limit is not None and len(salutation) > limit):
        return None
    return salutation


def import_handlers() -> list[object]:
    return [
        MessageHandler(filters.Document.ALL, document),
        CallbackQueryHandler(import_button, pattern=callbacks.IMPORT_PATTERN),
    ]
