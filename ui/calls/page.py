"""The call desk page: Today (queue and due items), outages, the knowledge base, statistics.

Hidden, it only marks itself stale after a change and reloads when shown.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission
from propdesk.calls import calls as svc
from propdesk.calls import kb, outages, stats, today
from propdesk.calls.values import CallStats, KbEntryRow, KbMissRow, OutageRow, QueueItem, TodayItem
from propdesk.changes import Changes
from propdesk.registry import services as reg
from ui.calls import labels
from ui.calls.dialogs import KbEntryDialog, OutageDialog, ReminderDialog
from ui.common.keyboard import install_dialog_keys
from ui.common.naming import named
from ui.context import AppContext


class CallDeskPage(QWidget):
    """Tabs: Today, Outages, Knowledge base, Statistics.

    Attributes:
        queue_items, today_items: what the Today tab lists.

    Signals:
        open_record(str, int): open a unit or person page (the main window connects it).
    """

    open_record = Signal(str, int)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self.queue_items: list[QueueItem] = []
        self.today_items: list[TodayItem] = []
        self.outage_rows: list[OutageRow] = []
        self.kb_rows: list[KbEntryRow] = []
        self.tabs = named(QTabWidget(), "calls_tabs")

        # Today
        self.queue = named(QListWidget(), "calls_queue")
        self.today = named(QListWidget(), "calls_today")
        self.call_back_button = named(QPushButton(self.tr("&Call back")), "calls_call_back")
        self.done_button = named(QPushButton(self.tr("Tick &done")), "calls_tick_done")
        self.new_call_button = QPushButton(self.tr("&New call (F9)"))
        self.new_reminder_button = named(
            QPushButton(self.tr("New re&minder…")), "calls_new_reminder"
        )
        today_tab = QWidget()
        lay = QVBoxLayout(today_tab)
        lay.addWidget(QLabel(self.tr("Missed calls and callbacks due")))
        lay.addWidget(self.queue, 1)
        row = QHBoxLayout()
        row.addWidget(self.call_back_button)
        row.addWidget(self.new_call_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("Today")))
        lay.addWidget(self.today, 1)
        row = QHBoxLayout()
        row.addWidget(self.done_button)
        row.addWidget(self.new_reminder_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.tabs.addTab(today_tab, self.tr("Today"))

        # Calls
        from ui.calls.call_list import CallListView

        self.call_list = CallListView(ctx=ctx)
        self.tabs.addTab(self.call_list, self.tr("Calls"))

        # Outages
        self.outage_list = named(QListWidget(), "calls_outages")
        self.outage_detail = named(QLabel(), "calls_outage_detail")
        self.outage_detail.setWordWrap(True)
        self.close_outage_button = named(
            QPushButton(self.tr("C&lose outage…")), "calls_close_outage"
        )
        self.new_outage_button = named(QPushButton(self.tr("Ne&w outage…")), "calls_new_outage")
        self.print_notice_button = named(
            QPushButton(self.tr("Print &notice…")), "calls_print_notice"
        )
        outage_tab = QWidget()
        lay = QVBoxLayout(outage_tab)
        lay.addWidget(self.outage_list, 1)
        lay.addWidget(self.outage_detail)
        row = QHBoxLayout()
        for button in (self.new_outage_button, self.close_outage_button, self.print_notice_button):
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        self.tabs.addTab(outage_tab, self.tr("Outages"))

        # Knowledge base
        self.kb_filter = named(QLineEdit(), "calls_kb_filter")
        self.kb_filter.setPlaceholderText(self.tr("Search: words, pinyin initials"))
        self.kb_list = named(QListWidget(), "calls_kb_list")
        self.kb_answer = named(QTextBrowser(), "calls_kb_answer")
        self.kb_misses = named(QListWidget(), "calls_kb_misses")
        kb_tab = self.kb_tab = QWidget()
        lay = QVBoxLayout(kb_tab)
        lay.addWidget(self.kb_filter)
        split = QHBoxLayout()
        split.addWidget(self.kb_list, 1)
        split.addWidget(self.kb_answer, 1)
        lay.addLayout(split, 1)
        row = QHBoxLayout()
        self.kb_add = named(QPushButton(self.tr("Add entr&y…")), "calls_kb_add")
        self.kb_edit = named(QPushButton(self.tr("&Edit entry…")), "calls_kb_edit")
        self.kb_checked = named(QPushButton(self.tr("Mark chec&ked")), "calls_kb_checked")
        self.kb_starter = named(QPushButton(self.tr("Load &starter set")), "calls_kb_starter")
        self.kb_print = named(QPushButton(self.tr("Print han&dbook…")), "calls_kb_print")
        for button in (self.kb_add, self.kb_edit, self.kb_checked, self.kb_starter):
            button.setVisible(ctx.can(Permission.MANAGE_KNOWLEDGE))
            row.addWidget(button)
        row.addWidget(self.kb_print)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("Searches that found nothing")))
        lay.addWidget(self.kb_misses)
        self.tabs.addTab(kb_tab, self.tr("Knowledge base"))

        # Statistics
        self.stats_text = named(QTextBrowser(), "calls_stats")
        self.export_button = named(QPushButton(self.tr("E&xport to Excel…")), "calls_export")
        stats_tab = QWidget()
        lay = QVBoxLayout(stats_tab)
        lay.addWidget(self.stats_text, 1)
        lay.addWidget(self.export_button)
        self.tabs.addTab(stats_tab, self.tr("Statistics"))
        self.stats: CallStats | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.call_back_button.clicked.connect(self.call_back)
        self.queue.itemActivated.connect(lambda _i: self.call_back())
        self.done_button.clicked.connect(self.tick_done)
        self.new_call_button.clicked.connect(self.new_call)
        self.outage_list.currentRowChanged.connect(self._show_outage)
        self.close_outage_button.clicked.connect(self.close_outage)
        self.kb_filter.textChanged.connect(self.search_kb)
        self.kb_list.currentRowChanged.connect(self._show_entry)
        self.export_button.clicked.connect(self.export_stats)
        self.new_reminder_button.clicked.connect(self.new_reminder)
        self.new_outage_button.clicked.connect(self.new_outage)
        self.print_notice_button.clicked.connect(self.print_notice)
        self.kb_add.clicked.connect(lambda: self.edit_entry(None))
        self.kb_edit.clicked.connect(self.edit_current_entry)
        self.kb_checked.clicked.connect(self.mark_checked)
        self.kb_starter.clicked.connect(self.load_starter)
        self.kb_print.clicked.connect(self.print_handbook)
        self.today.itemActivated.connect(lambda _i: self.open_today_record())
        self.close_outage_button.setVisible(ctx.can(Permission.RECORD_OUTAGE))
        self.new_outage_button.setVisible(ctx.can(Permission.RECORD_OUTAGE))
        ctx.hub.changed.connect(self._changed)
        self.reload()

    # --- loading ------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if not (changes.calls or changes.tickets or changes.keys or changes.parcels):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def reload(self) -> None:
        def load(
            s: Session,
        ) -> tuple[list[QueueItem], list[TodayItem], list[OutageRow], list[KbMissRow], CallStats]:
            day = clock.today(s)
            return (
                svc.queue(s),
                [i for i in today.today_items(s) if i.kind != "callback"],
                outages.list_outages(s, limit=200),
                kb.misses(s, limit=50),
                stats.call_stats(s, day - timedelta(days=29), day),
            )

        self.ctx.query(load, parent=self, action="call desk").success(self._show).run()
        self.search_kb()

    def _show(
        self,
        data: tuple[list[QueueItem], list[TodayItem], list[OutageRow], list[KbMissRow], CallStats],
    ) -> None:
        queue_items, today_items, outage_rows, misses, call_stats = data
        self.queue_items = queue_items
        self.queue.clear()
        for q in queue_items:
            what = self.tr("Missed") if q.kind == "missed" else self.tr("Callback")
            late = self.tr(" (overdue)") if q.overdue else ""
            self.queue.addItem(
                f"{clock.to_local(q.deadline):%m-%d %H:%M}{late}  {what}  {q.caller} "
                f"{q.number_shown} {q.unit_code} {q.summary[:40]}"
            )
        self.today_items = today_items
        self.today.clear()
        for t in today_items:
            self.today.addItem(f"{'⚠ ' if t.overdue else ''}{t.title}  {t.detail}")
        self.outage_rows = outage_rows
        self.outage_list.clear()
        for o in outage_rows:
            state = self.tr("closed") if o.closed else self.tr("open")
            self.outage_list.addItem(
                f"[{state}] {o.kind_zh} {o.scope} {clock.to_local(o.starts_at):%Y-%m-%d %H:%M} {o.reason}"
            )
        self.kb_misses.clear()
        for m in misses:
            self.kb_misses.addItem(f"{m.query}  ×{m.times}")
        self.stats = call_stats
        self._show_stats(call_stats)

    # --- Today --------------------------------------------------------------------------

    def new_call(self) -> None:
        from ui.calls.desk import call_desk

        call_desk(self.ctx, self.window()).open_card()

    def call_back(self) -> None:
        row = self.queue.currentRow()
        if not 0 <= row < len(self.queue_items):
            return
        item = self.queue_items[row]
        from ui.calls.desk import call_desk

        def open_card(number: str) -> None:
            call_desk(self.ctx, self.window()).open_card(number=number, outbound_for=item.call_id)

        self.ctx.query(lambda s: svc.full_number(s, item.call_id), parent=self).success(
            open_card
        ).run()

    def tick_done(self) -> None:
        row = self.today.currentRow()
        if not 0 <= row < len(self.today_items):
            return
        item = self.today_items[row]
        self.ctx.op(
            lambda s: today.tick_done(s, item.kind, item.ref, item.title),
            changes=Changes(calls=True),
            parent=self,
            action="tick done",
        ).run()

    def new_reminder(self) -> None:
        ReminderDialog(ctx=self.ctx, parent=self).open()

    def open_today_record(self) -> None:
        """Open the record of the Today item (unit or person page; a call opens a callback)."""
        row = self.today.currentRow()
        if not 0 <= row < len(self.today_items):
            return
        item = self.today_items[row]
        if item.record_kind in ("unit", "person") and item.record_id is not None:
            self.open_record.emit(item.record_kind, item.record_id)
        elif item.record_kind == "kb" and item.record_id is not None:
            self.tabs.setCurrentWidget(self.kb_tab)

    # --- outages ------------------------------------------------------------------------

    def new_outage(self) -> None:
        OutageDialog(ctx=self.ctx, parent=self).open()

    def print_notice(self) -> None:
        row = self.outage_list.currentRow()
        if not 0 <= row < len(self.outage_rows):
            return
        outage = self.outage_rows[row]
        from reports.pdf.calls_documents import outage_notice_pdf
        from ui.printing.preview import preview_pdf

        def make(s: Session) -> bytes:
            estate = reg.get_estate(s)
            return outage_notice_pdf(
                outage, estate_name=estate.name, company=estate.company, posted_on=clock.today(s)
            )

        preview_pdf(
            self.ctx, make, title=outage.title, suggested_name=f"{outage.title}.pdf", parent=self
        )

    def _show_outage(self, row: int) -> None:
        if 0 <= row < len(self.outage_rows):
            o = self.outage_rows[row]
            self.outage_detail.setText(f"{o.title}：{o.reason}\n{o.script}")
            self.close_outage_button.setEnabled(not o.closed)

    def close_outage(self) -> None:
        row = self.outage_list.currentRow()
        if not 0 <= row < len(self.outage_rows):
            return
        outage = self.outage_rows[row]
        dialog = CloseOutageDialog(ctx=self.ctx, outage=outage, parent=self)
        dialog.open()

    # --- knowledge base -----------------------------------------------------------------

    def search_kb(self) -> None:
        text = self.kb_filter.text()

        def find(s: Session) -> list[KbEntryRow]:
            rows = kb.search(s, text)
            if not rows and text.strip():
                kb.record_miss(s, text)
            return rows

        self.ctx.op(find, changes=Changes(), parent=self, action="search knowledge base").success(
            self._show_kb
        ).run()

    def _show_kb(self, rows: list[KbEntryRow]) -> None:
        self.kb_rows = rows
        self.kb_list.clear()
        for r in rows:
            flag = self.tr(" (expired)") if r.expired else ""
            self.kb_list.addItem(f"[{r.category}] {r.question}{flag}")
        if rows:
            self.kb_list.setCurrentRow(0)
        else:
            self.kb_answer.clear()

    def _show_entry(self, row: int) -> None:
        if 0 <= row < len(self.kb_rows):
            r = self.kb_rows[row]
            self.kb_answer.setPlainText(f"{r.question}\n\n{r.answer}\n\n{r.tags}")

    def _current_entry(self) -> KbEntryRow | None:
        row = self.kb_list.currentRow()
        return self.kb_rows[row] if 0 <= row < len(self.kb_rows) else None

    def edit_entry(self, entry: KbEntryRow | None) -> None:
        KbEntryDialog(ctx=self.ctx, entry=entry, parent=self).open()

    def edit_current_entry(self) -> None:
        entry = self._current_entry()
        if entry is not None:
            self.edit_entry(entry)

    def mark_checked(self) -> None:
        entry = self._current_entry()
        if entry is None:
            return
        expires = clock.today() + timedelta(days=365)
        self.ctx.op(
            lambda s: kb.mark_checked(s, entry.id, expires_on=expires),
            changes=Changes(calls=True),
            parent=self,
            action="knowledge base checked",
        ).success(lambda _r: self.search_kb()).run()

    def load_starter(self) -> None:
        from propdesk.calls.starter import install_starter_set

        self.ctx.op(
            install_starter_set, changes=Changes(calls=True), parent=self, action="starter set"
        ).success(lambda _n: self.search_kb()).run()

    def print_handbook(self) -> None:
        from reports.pdf.calls_documents import handbook_pdf
        from ui.printing.preview import preview_pdf

        def make(s: Session) -> bytes:
            estate = reg.get_estate(s)
            return handbook_pdf(
                kb.all_entries(s),
                estate_name=estate.name,
                company=estate.company,
                printed_on=clock.today(s),
            )

        preview_pdf(
            self.ctx, make, title=self.tr("Handbook"), suggested_name="答客问手册.pdf", parent=self
        )

    # --- statistics ---------------------------------------------------------------------

    def _show_stats(self, s: CallStats) -> None:
        lines = [
            self.tr("Last 30 days: %1 calls (%2 in, %3 out, %4 missed)")
            .replace("%1", str(s.total))
            .replace("%2", str(s.inbound))
            .replace("%3", str(s.outbound))
            .replace("%4", str(s.missed)),
            self.tr("First-call resolution: %1%").replace("%1", f"{s.fcr_rate * 100:.1f}"),
            self.tr("Callbacks on time: %1%").replace("%1", f"{s.callback_on_time_rate * 100:.1f}"),
            "",
            self.tr("By hour:") + " " + " ".join(f"{h}:{n}" for h, n in enumerate(s.by_hour) if n),
            self.tr("By weekday:") + " " + " ".join(str(n) for n in s.by_weekday),
            self.tr("By topic:") + " " + " ".join(f"{k} {n}" for k, n in s.by_topic),
            self.tr("By outcome:") + " " + " ".join(f"{k} {n}" for k, n in s.by_outcome),
            self.tr("By clerk:") + " " + " ".join(f"{k} {n}" for k, n in s.by_clerk),
        ]
        self.stats_text.setPlainText("\n".join(lines))

    def export_stats(self) -> None:
        if self.stats is None:
            return
        from ui.common.file_dialogs import ask_save_file

        path = ask_save_file(
            self,
            self.tr("Export call statistics"),
            "话务量统计.xlsx",
            "Excel (*.xlsx)",
            suffix=".xlsx",
        )
        if not path:
            return
        from reports.excel.calls_stats import write_call_stats

        data = self.stats
        self.ctx.task(lambda _p: write_call_stats(data, path), parent=self, action="export").run()


class CloseOutageDialog(QDialog):
    """Close an outage: asks for the actual time service came back."""

    def __init__(
        self, *, ctx: AppContext, outage: OutageRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.outage = outage
        self.setWindowTitle(self.tr("Close outage"))
        self.actual_end = named(QDateTimeEdit(), "outage_actual_end")
        self.actual_end.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.actual_end.setDateTime(labels.to_qdatetime(clock.now()))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(self.tr("&Actual end"), self.actual_end)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.keys = install_dialog_keys(
            self,
            submit=self.save,
            default=self.buttons.button(QDialogButtonBox.StandardButton.Ok),
            first=self.actual_end,
        )

    def save(self) -> None:
        at = labels.from_qdatetime(self.actual_end.dateTime())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        def failed(exc: BaseException) -> bool:
            from propdesk.errors import DomainError

            if isinstance(exc, DomainError):
                self.error.setText(str(exc))
                return True
            return False

        self.ctx.op(
            lambda s: outages.close_outage(s, self.outage.id, actual_end_at=at),
            changes=Changes(calls=True),
            parent=self,
            action="close outage",
        ).busy(ok).failure(failed).success(lambda _r: self.accept()).run()
