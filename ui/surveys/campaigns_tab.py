"""调查活动: the campaigns with the buildings they cover and their progress (sample, done,
open, non-response, response rate); a manager creates one, draws its sample and closes it;
anyone prints the blank paper questionnaire. The draw says how many households were drawn and
how many were left out for which reason, and the line under the list keeps saying it for the
chosen campaign."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission
from propdesk.registry import services as reg
from propdesk.surveys import queries as q
from propdesk.surveys import services as sv
from propdesk.surveys.values import (
    CAMPAIGN_STATUS_ZH,
    CampaignRow,
    CampaignStatus,
    DrawSummary,
    QuestionnaireRow,
    QueueRow,
    SampleStatus,
)
from ui.common.list_model import RowListModel
from ui.common.naming import named
from ui.context import AppContext
from ui.surveys.common import rate, say_refusal, table_view
from ui.surveys.dialogs import CHANGES, CampaignDialog


@dataclass(frozen=True)
class Choices:
    questionnaires: list[QuestionnaireRow]
    buildings: list[tuple[int, str]]


def _choices(session: Session) -> Choices:
    buildings = [(b.id, b.name or f"{b.code}栋") for b in reg.list_buildings(session)]
    return Choices(q.list_questionnaires(session), buildings)


def form_number(campaign_id: int, position: int) -> str:
    """``3-0007``: the printed number of the form of the ``position``-th household (1-based)
    of the campaign's sample in unit order — the same on every reprint."""
    return f"{campaign_id}-{position:04d}"


def sample_forms(households: Sequence[QueueRow], campaign_id: int) -> list[tuple[str, str]]:
    """``(unit code, form number)`` of every sampled household not yet done, numbered by its
    place in the whole sample (sorted by unit code), so a reprint keeps the numbers."""
    ordered = sorted(households, key=lambda h: h.unit_code)
    return [
        (h.unit_code, form_number(campaign_id, n))
        for n, h in enumerate(ordered, start=1)
        if h.status != SampleStatus.DONE
    ]


# Buildings named in the list before the rest are only counted (the tooltip names all).
SHOWN_BUILDINGS = 3
BUILDINGS_COLUMN = 2


def buildings_text(names: Sequence[str]) -> str:
    """``全部楼栋`` for a campaign over every building, else the names (``1栋、2栋``), the first
    :data:`SHOWN_BUILDINGS` and the count when there are more (``1栋、2栋、3栋等 5 栋``)."""
    if not names:
        return QCoreApplication.translate("CampaignsTab", "All buildings")
    if len(names) <= SHOWN_BUILDINGS:
        return "、".join(names)
    return (
        QCoreApplication.translate("CampaignsTab", "%1 and others (%2 buildings)")
        .replace("%1", "、".join(names[:SHOWN_BUILDINGS]))
        .replace("%2", str(len(names)))
    )


def scope_text(c: CampaignRow) -> str:
    """The buildings column: an activity's feedback questionnaire names its activity
    (``活动：书法体验课``), a satisfaction survey its buildings (:func:`buildings_text`)."""
    if c.activity_id is not None:
        return QCoreApplication.translate("CampaignsTab", "Activity: %1").replace(
            "%1", c.activity_title
        )
    return buildings_text(c.building_names)


def draw_text(draw: DrawSummary) -> str:
    """How a sample was drawn, in a sentence the desk reads: the households in the
    campaign's buildings, those left out by reason, the eligible ones and the ones drawn."""
    reasons = [
        (draw.vacant, QCoreApplication.translate("CampaignsTab", "vacant units: %1")),
        (
            draw.no_occupant,
            QCoreApplication.translate("CampaignsTab", "nobody registered living there: %1"),
        ),
        (draw.no_phone, QCoreApplication.translate("CampaignsTab", "no phone on record: %1")),
        (
            draw.recently_surveyed,
            QCoreApplication.translate(
                "CampaignsTab", "surveyed within the last %2 months: %1"
            ).replace("%2", str(draw.rotation_months)),
        ),
    ]
    left_out = [text.replace("%1", str(n)) for n, text in reasons if n]
    if not left_out:
        text = QCoreApplication.translate(
            "CampaignsTab",
            "%1 households in the buildings, all eligible (nobody left out), %3 drawn.",
        )
    else:
        text = QCoreApplication.translate(
            "CampaignsTab",
            "%1 households in the buildings, %2 eligible, %3 drawn; left out: %4 (%5).",
        )
    separator = QCoreApplication.translate("CampaignsTab", ", ")
    return (
        text.replace("%1", str(draw.in_scope))
        .replace("%2", str(draw.eligible))
        .replace("%3", str(draw.drawn))
        .replace("%4", str(draw.excluded))
        .replace("%5", separator.join(left_out))
    )


def campaign_draw_text(c: CampaignRow | None) -> str:
    """What the line under the list says of the chosen campaign's draw."""
    if c is None:
        return ""
    if c.activity_id is not None:
        return (
            QCoreApplication.translate(
                "CampaignsTab",
                "%1 is the feedback questionnaire of the activity %2: "
                "its %3 households are those that attended (no draw).",
            )
            .replace("%1", c.name)
            .replace("%2", c.activity_title)
            .replace("%3", str(c.sample_size))
        )
    if c.draw is not None:
        return QCoreApplication.translate("CampaignsTab", "Sample of %1: ").replace(
            "%1", c.name
        ) + draw_text(c.draw)
    if c.status == CampaignStatus.DRAFT:
        return QCoreApplication.translate(
            "CampaignsTab", "%1 is a draft: no sample drawn yet."
        ).replace("%1", c.name)
    return QCoreApplication.translate(
        "CampaignsTab", "%1 was drawn before the draw's figures were kept."
    ).replace("%1", c.name)


class CampaignModel(RowListModel[CampaignRow]):
    """The campaigns; the buildings column's tooltip names every building covered."""

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.isValid()
            and index.column() == BUILDINGS_COLUMN
        ):
            row = self.row_value(index.row())
            if row.activity_id is not None:
                return scope_text(row)
            names = row.building_names
            return "、".join(names) if names else buildings_text(names)
        return super().data(index, role)


class CampaignsTab(QWidget):
    """Attributes: model / table (the campaigns), the buttons, message, dialog, last_preview;
    draw_info: how the chosen campaign's sample was drawn (who was left out and why)."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QDialog | None = None
        self.last_preview: QWidget | None = None
        self._select_id: int | None = None  # a campaign just created: chosen when listed
        self.model = CampaignModel(
            [
                (self.tr("Campaign"), lambda c: c.name),
                (
                    self.tr("Questionnaire"),
                    lambda c: f"{c.questionnaire_name} v{c.questionnaire_version}",
                ),
                (self.tr("Buildings"), scope_text),
                (self.tr("Status"), lambda c: CAMPAIGN_STATUS_ZH.get(c.status, c.status)),
                (self.tr("From"), lambda c: f"{c.starts_on:%Y-%m-%d}"),
                (self.tr("To"), lambda c: f"{c.ends_on:%Y-%m-%d}"),
                (self.tr("Rate"), lambda c: f"{c.rate_pct}%"),
                (self.tr("Sample"), lambda c: str(c.sample_size)),
                (self.tr("Done"), lambda c: str(c.done)),
                (self.tr("Open"), lambda c: str(c.open)),
                (self.tr("Non-response"), lambda c: str(c.non_response)),
                (self.tr("Response rate"), lambda c: rate(c.done, c.sample_size)),
            ],
            right_aligned=(6, 7, 8, 9, 10, 11),
            parent=self,
        )
        self.table = table_view("survey_campaigns_table")
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 160)
        self.table.setColumnWidth(BUILDINGS_COLUMN, 180)
        self.new_button = named(QPushButton(self.tr("&New campaign…")), "survey_campaigns_new")
        self.draw_button = named(QPushButton(self.tr("&Draw sample")), "survey_campaigns_draw")
        self.close_button = named(
            QPushButton(self.tr("C&lose campaign…")), "survey_campaigns_close"
        )
        self.form_button = named(
            QPushButton(self.tr("Print &blank form…")), "survey_campaigns_form"
        )
        self.sample_forms_button = named(
            QPushButton(self.tr("Print forms for the s&ample…")), "survey_campaigns_sample_forms"
        )
        self.message = named(QLabel(), "survey_campaigns_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.draw_info = named(QLabel(), "survey_campaigns_draw_info")
        self.draw_info.setWordWrap(True)
        self.draw_info.setTextFormat(Qt.TextFormat.PlainText)
        self.draw_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        manager = ctx.can(Permission.MANAGE_SETTINGS)
        for b in (self.new_button, self.draw_button, self.close_button):
            b.setVisible(manager)
        buttons = QHBoxLayout()
        for b in (
            self.new_button,
            self.draw_button,
            self.close_button,
            self.form_button,
            self.sample_forms_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.draw_info)
        layout.addWidget(self.message)
        self.new_button.clicked.connect(self.new_campaign)
        self.draw_button.clicked.connect(self.draw)
        self.close_button.clicked.connect(self.ask_close)
        self.form_button.clicked.connect(self.print_form)
        self.sample_forms_button.clicked.connect(lambda: self.print_form(for_sample=True))
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._enable())
        self._enable()

    def primary_field(self) -> QWidget:
        return self.table

    def show_campaigns(self, rows: Sequence[CampaignRow]) -> None:
        keep = self.current()
        wanted = self._select_id
        if wanted is None and keep is not None:
            wanted = keep.id
        self.model.set_rows(rows)
        row = 0
        for i, c in enumerate(rows):
            if c.id == wanted:
                row = i
                if wanted == self._select_id:
                    self._select_id = None
        if rows:
            self.table.selectRow(row)
        self._enable()

    def current(self) -> CampaignRow | None:
        index = self.table.currentIndex()
        return self.model.row_value(index.row()) if index.isValid() else None

    def _enable(self) -> None:
        c = self.current()
        self.draw_info.setText(campaign_draw_text(c))
        self.draw_button.setEnabled(c is not None and c.status == CampaignStatus.DRAFT)
        self.close_button.setEnabled(c is not None and c.status == CampaignStatus.OPEN)
        self.form_button.setEnabled(c is not None)
        self.sample_forms_button.setEnabled(c is not None and c.status == CampaignStatus.OPEN)

    # --- actions ---------------------------------------------------------------------------

    def new_campaign(self) -> None:
        def opened(choices: Choices) -> None:
            if not choices.questionnaires:
                self.message.setText(self.tr("Make a questionnaire in the question bank first."))
                return
            dialog = CampaignDialog(
                ctx=self.ctx,
                questionnaires=choices.questionnaires,
                buildings=choices.buildings,
                parent=self,
            )
            dialog.accepted.connect(lambda: self._created(dialog.result_value))
            self.dialog = dialog
            dialog.open()

        self.ctx.query(_choices, parent=self, action="survey campaign choices").success(
            opened
        ).run()

    def _created(self, campaign_id: object) -> None:
        """The new campaign becomes the current row (now, or when the list is read again),
        so Draw sample acts on it next."""
        self.message.setText(self.tr("Campaign created: draw its sample next."))
        if not isinstance(campaign_id, int):
            return
        rows = self.model.rows()
        for i, c in enumerate(rows):
            if c.id == campaign_id:
                self.table.selectRow(i)
                self._enable()
                return
        self._select_id = campaign_id

    def draw(self) -> None:
        c = self.current()
        if c is None or c.status != CampaignStatus.DRAFT:
            return
        cid = c.id
        self.ctx.op(
            lambda s: sv.draw_sample_summary(s, cid),
            changes=CHANGES,
            parent=self,
            action="survey draw sample",
        ).busy(self.draw_button).failure(say_refusal(self.message)).success(self._drawn).run()

    def _drawn(self, draw: DrawSummary) -> None:
        """Say how many households were drawn; who was left out and why is said by the
        line under the list (the campaign keeps it), not a second time here."""
        self.message.setText(
            self.tr("Sample drawn: %1 households; the call queue is open.").replace(
                "%1", str(draw.drawn)
            )
        )

    def ask_close(self) -> None:
        c = self.current()
        if c is None or c.status != CampaignStatus.OPEN:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Close campaign"),
            self.tr("Close %1? The %2 household(s) still open count as non-response.")
            .replace("%1", c.name)
            .replace("%2", str(c.open)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.close_campaign(c.id)

    def close_campaign(self, campaign_id: int) -> None:
        self.ctx.op(
            lambda s: sv.close_campaign(s, campaign_id),
            changes=CHANGES,
            parent=self,
            action="survey close campaign",
        ).failure(say_refusal(self.message)).success(
            lambda _r: self.message.setText(self.tr("Campaign closed."))
        ).run()

    def print_form(self, *, for_sample: bool = False) -> None:
        """The paper questionnaire: one blank form, or (``for_sample``) one per sampled
        household still open, its code and form number printed on it."""
        c = self.current()
        if c is None:
            return
        from ui.printing.preview import preview_pdf

        def make(s: Session) -> bytes:
            from reports.pdf.survey_form import survey_form_pdf

            estate = reg.get_estate(s)
            households = sample_forms(q.call_queue(s, c.id, include_finished=True), c.id)
            return survey_form_pdf(
                q.campaign(s, c.id),
                q.questionnaire_questions(s, c.questionnaire_id),
                estate_name=estate.name,
                company=estate.company,
                desk_phone=estate.phone,
                households=households if for_sample else (("", ""),),
                printed_at=clock.local_now(s),
            )

        what = self.tr("Questionnaires %1") if for_sample else self.tr("Questionnaire %1")
        preview_pdf(
            self.ctx,
            make,
            title=what.replace("%1", c.name),
            suggested_name=f"{c.name}问卷.pdf",
            parent=self,
            on_shown=lambda dialog: setattr(self, "last_preview", dialog),
        )
