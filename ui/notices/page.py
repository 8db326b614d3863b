"""The Notices module: choose a template, fill its fields, see the notice live, print it.

Printing records the notice in the history (its final text, the audience, copies) and
opens the print preview. Managers (MANAGE_SETTINGS) may edit the template text; the
service checks the permission too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission
from propdesk.errors import DomainError, ValidationError
from propdesk.reporting import notices as svc
from ui.common.keyboard import install_dialog_keys
from ui.common.naming import named
from ui.context import AppContext
from ui.events import Changes
from ui.notices.preview import PagePreview
from ui.printing.preview import PdfPreviewDialog, show_pdf_preview

if TYPE_CHECKING:
    from reports.pdf.notice import NoticePrint


def notice_pdf(data: NoticePrint) -> bytes:
    """The notice's PDF. ReportLab is imported with the first notice drawn (the templates'
    load imports it on the worker), not with the page: the page's first show stays fast."""
    from reports.pdf.notice import notice_pdf as draw

    return draw(data)


def _notice_print(**fields: Any) -> NoticePrint:
    from reports.pdf.notice import NoticePrint

    return NoticePrint(**fields)


WHOLE_ESTATE = "全体业主/住户"


@dataclass(frozen=True)
class _Loaded:
    today: date
    templates: list[svc.TemplateInfo]
    letterhead: svc.EstateLetterhead
    buildings: tuple[str, ...]


class NoticeForm(QWidget):
    """Template chooser, field form, audience and copies, live preview, Print.

    Attributes:
        templates: the templates offered (from the database).
        editors: ``field key → editor widget`` of the current template.
        preview: the live page preview.
        last_preview_dialog: the print preview opened by the last Print (tests read it).

    Signals are not needed: after printing, ``ctx.hub`` announces ``notices``.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.templates: list[svc.TemplateInfo] = []
        self.editors: dict[str, QWidget] = {}
        self.last_preview_dialog: PdfPreviewDialog | None = None
        self.letterhead = svc.EstateLetterhead("", "", "")
        self.today = clock.today()
        self.buildings: tuple[str, ...] = ()
        self._preview_seq = 0

        self.template_box = named(QComboBox(), "template_box")
        self.template_box.currentIndexChanged.connect(self._template_chosen)
        self.edit_button = named(QPushButton(self.tr("&Edit template…")), "edit_template")
        self.edit_button.clicked.connect(self.edit_template)
        self.edit_button.setVisible(ctx.can(Permission.MANAGE_SETTINGS))
        top = QHBoxLayout()
        label = QLabel(self.tr("&Template:"))
        label.setBuddy(self.template_box)
        top.addWidget(label)
        top.addWidget(self.template_box, 1)
        top.addWidget(self.edit_button)

        self.fields_box = QWidget()
        self.fields = QFormLayout(self.fields_box)

        self.audience_box = named(QComboBox(), "audience_box")
        self.audience_box.addItem(self.tr("Whole estate (one notice)"), "estate")
        self.audience_box.addItem(self.tr("One per chosen building"), "buildings")
        self.audience_box.currentIndexChanged.connect(self._audience_chosen)
        # the buildings a per-building notice goes to, each copy addressed to its building
        self.building_model = QStandardItemModel(self)
        self.building_model.itemChanged.connect(self._schedule)
        self.building_list = named(QListView(), "notice_buildings")
        self.building_list.setModel(self.building_model)
        self.building_list.setMaximumHeight(110)
        self.building_list.setEnabled(False)
        self.copies = named(QSpinBox(), "copies")
        self.copies.setRange(1, 500)
        self.copies.valueChanged.connect(self._schedule)
        self.notice_date = named(QDateEdit(), "notice_date")
        self.notice_date.setCalendarPopup(True)
        self.notice_date.setDisplayFormat("yyyy-MM-dd")
        self.notice_date.dateChanged.connect(self._schedule)
        out = QFormLayout()
        out.addRow(self.tr("Po&st to:"), self.audience_box)
        out.addRow(self.tr("&Buildings:"), self.building_list)
        out.addRow(self.tr("&Copies each:"), self.copies)
        out.addRow(self.tr("N&otice date:"), self.notice_date)

        self.error = named(QLabel(), "notice_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.print_button = named(QPushButton(self.tr("Print and &record")), "print_notice")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_notice)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_notice)

        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.fields_box)
        left.addLayout(out)
        left.addWidget(self.error)
        left.addStretch(1)
        left.addWidget(self.print_button)
        left_w = QWidget()
        left_w.setLayout(left)

        self.preview = PagePreview()
        self.preview.setObjectName("notice_preview")
        split = QSplitter()
        split.addWidget(left_w)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 560])
        QVBoxLayout(self).addWidget(split)

        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.update_preview)
        self.stale = False
        self.reload()

    # --- templates ------------------------------------------------------------------

    def reload(self) -> None:
        """Reload the templates (after an edit) keeping the chosen one, the letterhead and
        the buildings (one operation on the worker)."""

        def load(s: Session) -> _Loaded:
            import reports.pdf.notice  # noqa: F401  (ReportLab for the preview, on the worker)

            # list_templates seeds the default templates on first use: nothing others show.
            return _Loaded(
                clock.today(s),
                svc.list_templates(s),
                svc.letterhead(s),
                tuple(svc.building_names(s)),
            )

        self.ctx.op(load, changes=Changes(), parent=self, action="notice templates").success(
            self._loaded
        ).run()

    def _loaded(self, loaded: _Loaded) -> None:
        current = self.current_template()
        self.today, self.templates = loaded.today, loaded.templates
        self.letterhead, self.buildings = loaded.letterhead, loaded.buildings
        chosen = set(self.chosen_buildings()) if self.building_model.rowCount() else None
        # Not blockSignals() on the model: the list view would never hear of the new rows
        # (it showed nothing until it got the focus). The item signal is disconnected instead.
        self.building_model.itemChanged.disconnect(self._schedule)
        self.building_model.clear()
        for name in self.buildings:
            item = QStandardItem(name)
            item.setCheckable(True)
            item.setEditable(False)
            on = chosen is None or name in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.building_model.appendRow(item)
        self.building_model.itemChanged.connect(self._schedule)
        self.notice_date.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.template_box.blockSignals(True)
        self.template_box.clear()
        for t in self.templates:
            self.template_box.addItem(t.name, t.id)
        index = next((i for i, t in enumerate(self.templates) if current and t.id == current.id), 0)
        self.template_box.setCurrentIndex(index)
        self.template_box.blockSignals(False)
        self._template_chosen(index)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.stale = False
            self.reload()

    def current_template(self) -> svc.TemplateInfo | None:
        i = self.template_box.currentIndex()
        return self.templates[i] if 0 <= i < len(self.templates) else None

    def _template_chosen(self, _index: int) -> None:
        t = self.current_template()
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self.editors.clear()
        if t is None:
            return
        today = self.today
        self.ctx.query(
            lambda s: svc.default_values(s, t, today), parent=self, action="notice defaults"
        ).success(lambda values: self._show_fields(t, values)).run()

    def _show_fields(self, t: svc.TemplateInfo, values: dict[str, str]) -> None:
        if self.current_template() != t:  # another template was chosen meanwhile
            return
        for f in t.fields:
            editor = self._editor(f, values.get(f.key, ""))
            editor.setObjectName(f"field_{f.key}")
            self.editors[f.key] = editor
            self.fields.addRow(f.label + "：", editor)
        self._set_error("")
        self.update_preview()

    def _editor(self, f: svc.NoticeField, value: str) -> QWidget:
        if f.kind == "date":
            d = QDateEdit()
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            parsed = QDate.fromString(value, "yyyy-MM-dd")
            d.setDate(parsed if parsed.isValid() else QDate.currentDate())
            d.dateChanged.connect(self._schedule)
            return d
        if f.kind == "time":
            t = QTimeEdit()
            t.setDisplayFormat("HH:mm")
            parsed_t = QTime.fromString(value, "HH:mm")
            t.setTime(parsed_t if parsed_t.isValid() else QTime(9, 0))
            t.timeChanged.connect(self._schedule)
            return t
        if f.kind == "multiline":
            m = QPlainTextEdit()
            m.setPlainText(value)
            m.setTabChangesFocus(True)
            m.setMaximumHeight(90)
            m.textChanged.connect(self._schedule)
            return m
        line = QLineEdit(value)
        line.textChanged.connect(self._schedule)
        return line

    def values(self) -> dict[str, str]:
        """What the form holds, as text (dates ``2026年10月8日``, times ``09:00``)."""
        out: dict[str, str] = {}
        for key, w in self.editors.items():
            if isinstance(w, QDateEdit):
                d = w.date()
                out[key] = f"{d.year()}年{d.month()}月{d.day()}日"
            elif isinstance(w, QTimeEdit):
                out[key] = w.time().toString("HH:mm")
            elif isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText()
            elif isinstance(w, QLineEdit):
                out[key] = w.text()
        return out

    # --- preview and print ----------------------------------------------------------

    def _schedule(self, *_args: Any) -> None:
        self._timer.start()

    def _audience_chosen(self, *_args: Any) -> None:
        self.building_list.setEnabled(self.audience_box.currentData() == "buildings")
        self._schedule()

    def chosen_buildings(self) -> tuple[str, ...]:
        """The buildings ticked in the list, in their order."""
        model = self.building_model
        return tuple(
            model.item(i).text()
            for i in range(model.rowCount())
            if model.item(i).checkState() == Qt.CheckState.Checked
        )

    def audiences(self) -> tuple[str, ...]:
        """Whom the notice is posted to: the whole estate, or each chosen building."""
        if self.audience_box.currentData() == "buildings":
            return tuple(f"{n}全体业主/住户" for n in self.chosen_buildings()) or (WHOLE_ESTATE,)
        return (WHOLE_ESTATE,)

    def _posted_on(self) -> date:
        d = self.notice_date.date()
        return date(d.year(), d.month(), d.day())

    def _print_data(self, filled: svc.FilledNotice, audiences: tuple[str, ...]) -> NoticePrint:
        return _notice_print(
            title=filled.title,
            body=filled.body,
            posted_on=self._posted_on(),
            estate_name=self.letterhead.name,
            company=self.letterhead.company,
            audiences=audiences,
            copies=self.copies.value(),
        )

    def update_preview(self) -> None:
        """Redraw the live preview (empty fields show as blanks)."""
        t = self.current_template()
        if t is None:
            return
        filled = svc.preview(t, self.values())
        data = replace(self._print_data(filled, self.audiences()[:1]), copies=1)
        self._preview_seq += 1
        seq = self._preview_seq
        self.ctx.task(
            lambda _progress: notice_pdf(data), parent=self, action="notice preview"
        ).success(lambda pdf: self._show_preview(seq, pdf)).run()

    def _show_preview(self, seq: int, pdf: bytes) -> None:
        if seq == self._preview_seq:  # a later edit superseded this picture
            self.preview.show_pdf(pdf)

    def _set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def print_notice(self) -> None:
        """Fill the notice (every field required) and open its print preview.

        A preview is not a posting: the notice is recorded in the history only when the
        preview is printed or saved as PDF (once per preview).
        """
        t = self.current_template()
        if t is None:
            return
        try:
            filled = svc.fill(t, self.values())
        except ValidationError as exc:
            self._set_error(str(exc))
            editor = self.editors.get(exc.field)
            if editor is not None:
                editor.setFocus()
            return
        audiences = self.audiences()
        data = self._print_data(filled, audiences)
        recorded = False

        def post(s: Session) -> None:
            svc.post_notice(
                s,
                template_id=t.id,
                notice=filled,
                audiences=audiences,
                copies=data.copies,
                posted_on=data.posted_on,
            )

        def refused(exc: BaseException) -> bool:
            nonlocal recorded
            recorded = False  # not recorded: the next print or save tries again
            return self._refused(exc)

        def delivered(_how: str) -> None:
            nonlocal recorded
            if recorded:
                return
            recorded = True
            self.ctx.op(
                post, changes=Changes(notices=True), parent=self, action="record notice"
            ).failure(refused).run()

        def built(pdf: bytes) -> None:
            self._set_error("")
            self.last_preview_dialog = show_pdf_preview(
                self.ctx,
                pdf,
                title=filled.title,
                suggested_name=f"{filled.title}-{data.posted_on.isoformat()}.pdf",
                parent=self,
                on_delivered=delivered,
            )

        self.ctx.task(lambda _progress: notice_pdf(data), parent=self, action="print notice").busy(
            self.print_button
        ).failure(self._refused).success(built).run()

    def _refused(self, exc: BaseException) -> bool:
        """A refusal is said under the form (input kept); other failures go on."""
        if isinstance(exc, DomainError):
            self._set_error(str(exc))
            return True
        return False

    # --- template editing (managers) ------------------------------------------------

    def edit_template(self) -> None:
        t = self.current_template()
        if t is None:
            return
        dialog = TemplateDialog(ctx=self.ctx, template=t, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()


class TemplateDialog(QDialog):
    """Edit a template's name, title and body; ``{field}`` placeholders are listed."""

    def __init__(
        self, *, ctx: AppContext, template: svc.TemplateInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.template = template
        self.setWindowTitle(self.tr("Edit notice template"))
        self.name = named(QLineEdit(template.name), "template_name")
        self.title_edit = named(QLineEdit(template.title), "template_title")
        self.body = named(QPlainTextEdit(template.body), "template_body")
        self.body.setTabChangesFocus(True)
        self.body.setMinimumSize(520, 240)
        fields = "、".join("{" + f.key + "}" + f.label for f in template.fields)
        hint = QLabel(self.tr("Fields: %1").replace("%1", fields))
        hint.setWordWrap(True)
        self.error = named(QLabel(), "template_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.keys = install_dialog_keys(
            self, default=self.save_button
        )  # pressed once, while enabled
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Body:"), self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Save the template; the dialog closes only when it was saved (Save busy meanwhile)."""
        t = self.template
        name, title, body = self.name.text(), self.title_edit.text(), self.body.toPlainText()
        self.ctx.op(
            lambda s: svc.save_template(
                s,
                template_id=t.id,
                name=name,
                title=title,
                body=body,
                expected_version=t.version,
            ),
            changes=Changes(notices=True),
            parent=self,
            action="save notice template",
        ).busy(self.save_button).failure(self._refused).success(lambda _r: self.accept()).run()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            self.error.setText(str(exc))
            self.error.show()
            return True
        return False


class HistoryModel(QAbstractTableModel):
    """Posted notices, newest first (the history is small: the last 500)."""

    HEADERS = (
        str(QT_TRANSLATE_NOOP("HistoryModel", "Date")),
        str(QT_TRANSLATE_NOOP("HistoryModel", "Notice")),
        str(QT_TRANSLATE_NOOP("HistoryModel", "Template")),
        str(QT_TRANSLATE_NOOP("HistoryModel", "Posted to")),
        str(QT_TRANSLATE_NOOP("HistoryModel", "Copies")),
        str(QT_TRANSLATE_NOOP("HistoryModel", "Pages")),
        str(QT_TRANSLATE_NOOP("HistoryModel", "By")),
    )

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[svc.PostedInfo] = []

    def reload(self) -> None:
        """Read the history again (on the worker)."""
        self.ctx.query(svc.notice_history, action="notice history").success(self._set_rows).run()

    def _set_rows(self, rows: list[svc.PostedInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("HistoryModel", str(self.HEADERS[section]))
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        audiences = r.audiences[0] if len(r.audiences) == 1 else f"{len(r.audiences)} 栋"
        return (
            r.posted_on.isoformat(),
            r.title,
            r.template_name,
            audiences,
            str(r.copies),
            str(r.pages),
            r.posted_by,
        )[index.column()]


class NoticeHistory(QWidget):
    """The posted notices; Enter or double-click shows one again (to reprint)."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = HistoryModel(ctx=ctx, parent=self)
        self.view = named(QTableView(), "notice_history")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)
        self.last_preview_dialog: PdfPreviewDialog | None = None
        self.stale = False
        QVBoxLayout(self).addWidget(self.view)
        self.model.reload()

    def _open(self, index: QModelIndex) -> None:
        r = self.model.rows[index.row()]

        def make(s: Session) -> bytes:
            head = svc.letterhead(s)
            return notice_pdf(
                _notice_print(
                    title=r.title,
                    body=r.body,
                    posted_on=r.posted_on,
                    estate_name=head.name,
                    company=head.company,
                    audiences=r.audiences,
                    copies=r.copies,
                )
            )

        def shown(pdf: bytes) -> None:
            self.last_preview_dialog = show_pdf_preview(
                self.ctx, pdf, title=r.title, suggested_name=f"{r.title}.pdf", parent=self
            )

        self.ctx.query(make, parent=self, action="reprint notice").success(shown).run()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.stale = False
            self.model.reload()


class NoticesPage(QWidget):
    """The module page: New notice and History tabs; refreshes on ``notices`` changes."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = named(QTabWidget(), "notices_tabs")
        self.form = NoticeForm(ctx=ctx)
        self.history = NoticeHistory(ctx=ctx)
        self.tabs.addTab(self.form, self.tr("&New notice"))
        self.tabs.addTab(self.history, self.tr("Histor&y"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        ctx.hub.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.estate or changes.buildings:  # the letterhead and the buildings
            if self.form.isVisible():
                self.form.reload()
            else:
                self.form.stale = True
        if changes.notices or changes.estate or changes.buildings:
            if self.history.isVisible():
                self.history.model.reload()
            else:
                self.history.stale = True
