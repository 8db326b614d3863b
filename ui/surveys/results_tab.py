"""结果: a campaign's figures on screen — the headline, each question's mean against the
previous campaign (chart and table), the selected question's distribution, the buildings
and the comments — with Print (the manager's report, through the print preview) and
Export (the workbook, through the desk's save-file dialog)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.registry import services as reg
from propdesk.surveys import queries as q
from propdesk.surveys.figures_text import change_text, mean_text, pct_text
from propdesk.surveys.values import (
    QUESTION_KIND_ZH,
    BuildingResult,
    CampaignResults,
    CampaignRow,
    CampaignStatus,
    CommentRow,
    QuestionKind,
    QuestionResult,
)
from ui.common.list_model import RowListModel
from ui.common.naming import named
from ui.context import AppContext
from ui.surveys.charts import DistributionChart, MeansChart
from ui.surveys.common import CampaignChooser, table_view, when


def report_name(name: str) -> str:
    return f"{name}报告" if name.endswith("满意度调查") else f"{name}满意度调查报告"


@dataclass(frozen=True)
class Export:
    results: CampaignResults
    estate: str
    company: str
    today: date
    printed_at: datetime


def _export_data(session: Session, campaign_id: int) -> Export:
    estate = reg.get_estate(session)
    return Export(
        q.results(session, campaign_id),
        estate.name,
        estate.company,
        clock.today(session),
        clock.local_now(session),
    )


class ResultsTab(QWidget):
    """Attributes: campaign, results (as last read), headline, means_chart,
    distribution_chart, question_model / questions, building_model / buildings,
    comment_model / comments, print_button, export_button, last_preview."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.results: CampaignResults | None = None
        self.last_preview: QWidget | None = None
        self.campaign = CampaignChooser(
            (CampaignStatus.OPEN, CampaignStatus.CLOSED), "survey_results_campaign"
        )
        campaign_label = QLabel(self.tr("C&ampaign"))
        campaign_label.setBuddy(self.campaign)
        self.print_button = named(QPushButton(self.tr("Prin&t report…")), "survey_results_print")
        self.export_button = named(
            QPushButton(self.tr("E&xport to Excel…")), "survey_results_export"
        )
        self.headline = named(QLabel(), "survey_results_headline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.means_chart = MeansChart(
            title=self.tr("Mean per question"), name="survey_results_means"
        )
        self.distribution_chart = DistributionChart(
            title=self.tr("Answers"), name="survey_results_distribution"
        )
        self.question_model: RowListModel[QuestionResult] = RowListModel(
            [
                (self.tr("No."), lambda r: str(self._number(r))),
                (self.tr("Question"), lambda r: r.text),
                (self.tr("Type"), lambda r: QUESTION_KIND_ZH.get(r.kind, r.kind)),
                (self.tr("Answered"), lambda r: str(r.answered)),
                (self.tr("Mean"), lambda r: self._rated(r, mean_text(r.mean))),
                (self.tr("Satisfied"), lambda r: self._rated(r, pct_text(r.satisfied_pct))),
                (self.tr("Previous"), lambda r: self._rated(r, mean_text(r.previous_mean))),
                (self.tr("Change"), lambda r: self._rated(r, change_text(r.mean, r.previous_mean))),
            ],
            right_aligned=(0, 3, 4, 5, 6, 7),
            parent=self,
        )
        self.questions = table_view("survey_results_questions")
        self.questions.setModel(self.question_model)
        for column, width in enumerate((40, 240, 64, 48, 56, 60, 76, 56)):
            self.questions.setColumnWidth(column, width)
        self.building_model: RowListModel[BuildingResult] = RowListModel(
            [
                (self.tr("Building"), lambda b: b.building),
                (self.tr("Sample"), lambda b: str(b.sample_size)),
                (self.tr("Responses"), lambda b: str(b.responses)),
                (
                    self.tr("Response rate"),
                    lambda b: pct_text(
                        b.responses * 100 / b.sample_size if b.sample_size else None
                    ),
                ),
                (self.tr("Mean"), lambda b: mean_text(b.mean)),
            ],
            right_aligned=(1, 2, 3, 4),
            parent=self,
        )
        self.buildings = table_view("survey_results_buildings")
        self.buildings.setModel(self.building_model)
        self.comment_model: RowListModel[CommentRow] = RowListModel(
            [
                (self.tr("Unit"), lambda c: c.unit_code),
                (self.tr("Question"), lambda c: c.question),
                (self.tr("Rating"), lambda c: "" if c.rating is None else str(c.rating)),
                (self.tr("Complaint"), lambda c: self.tr("yes") if c.is_complaint else ""),
                (self.tr("Callback ticket"), lambda c: c.ticket_no or ""),
                (self.tr("Answered"), lambda c: when(c.answered_at)),
                (self.tr("Comment"), lambda c: c.text),
            ],
            right_aligned=(2,),
            parent=self,
        )
        self.comments = table_view("survey_results_comments")
        self.comments.setModel(self.comment_model)
        for column, width in enumerate((76, 200, 48, 48, 140, 90)):
            self.comments.setColumnWidth(column, width)

        top = QHBoxLayout()
        top.addWidget(campaign_label)
        top.addWidget(self.campaign)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        top.addStretch(1)
        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(self.questions)
        tables.addWidget(self.buildings)
        tables.setSizes([260, 140])
        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(self.means_chart)
        charts.addWidget(self.distribution_chart)
        middle = QSplitter()
        middle.addWidget(tables)
        middle.addWidget(charts)
        middle.setSizes([620, 480])
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(middle)
        comments = QWidget()
        cl = QVBoxLayout(comments)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(QLabel(self.tr("Comments and complaints")))
        cl.addWidget(self.comments)
        outer.addWidget(comments)
        outer.setSizes([480, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addWidget(outer, 1)

        self.campaign.chosen.connect(lambda _cid: self.reload())
        self.questions.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._distribution(cur)
        )
        self.print_button.clicked.connect(self.print_report)
        self.export_button.clicked.connect(self.export_excel)
        self._enable()

    def primary_field(self) -> QWidget:
        return self.campaign

    def set_campaigns(self, rows: Sequence[CampaignRow]) -> None:
        """The campaigns offered (the page reloads this tab when it is shown)."""
        self.campaign.set_campaigns(rows, announce=False)

    def reload(self) -> None:
        cid = self.campaign.campaign_id()
        if cid is None:
            self.results = None
            self.headline.setText(self.tr("No campaign with a sample yet."))
            for model in (self.question_model, self.building_model, self.comment_model):
                model.set_rows([])
            self._enable()
            return
        self.ctx.query(lambda s: q.results(s, cid), parent=self, action="survey results").success(
            self.show_results
        ).run()

    # --- showing ---------------------------------------------------------------------------

    def _number(self, r: QuestionResult) -> int:
        results = self.results
        if results is None:
            return 0
        return next(i for i, x in enumerate(results.questions, start=1) if x is r)

    @staticmethod
    def _rated(r: QuestionResult, text: str) -> str:
        return text if r.kind == QuestionKind.RATING else ""

    def headline_text(self, r: CampaignResults) -> str:
        lines = [
            self.tr("Sample %1 households; %2 responses (phone %3, paper %4); response rate %5")
            .replace("%1", str(r.sample_size))
            .replace("%2", str(r.responses))
            .replace("%3", str(r.phone_responses))
            .replace("%4", str(r.paper_responses))
            .replace("%5", pct_text(r.response_rate)),
            (
                # open: the unreached include households not called yet (non-response at close)
                self.tr("Not answered yet %1: refused %2, not reached or still to call %3")
                if r.status == CampaignStatus.OPEN
                else self.tr("Non-response %1: refused %2, unreached %3")
            )
            .replace("%1", str(r.refused + r.unreached))
            .replace("%2", str(r.refused))
            .replace("%3", str(r.unreached)),
            self.tr("Overall mean %1, satisfied %2; callback tickets %3")
            .replace("%1", mean_text(r.overall_mean))
            .replace("%2", pct_text(r.overall_satisfied_pct))
            .replace("%3", str(r.tickets_opened)),
        ]
        now = r.overall_mean_shared if r.overall_mean_shared is not None else r.overall_mean
        if r.previous_name:
            lines.append(
                self.tr("Previous campaign %1: mean %2 on the same questions, now %3 (change %4)")
                .replace("%1", r.previous_name)
                .replace("%2", mean_text(r.previous_overall_mean))
                .replace("%3", mean_text(now))
                .replace("%4", change_text(now, r.previous_overall_mean))
            )
        else:
            lines.append(self.tr("No earlier campaign on the same questions to compare with."))
        if r.paper_responses:
            lines.append(
                # rechecks counts the forms drawn, re-checked or still waiting for the call
                self.tr("Paper forms drawn for a re-check %1, differences found %2")
                .replace("%1", str(r.rechecks))
                .replace("%2", str(r.recheck_differences))
            )
        return "\n".join(lines)

    def show_results(self, r: CampaignResults) -> None:
        self.results = r
        self.headline.setText(self.headline_text(r))
        keep = max(self.questions.currentIndex().row(), 0)
        self.question_model.set_rows(r.questions)
        self.building_model.set_rows(r.buildings)
        self.comment_model.set_rows(r.comments)
        rated = [
            (i, x) for i, x in enumerate(r.questions, start=1) if x.kind == QuestionKind.RATING
        ]
        previous = [x.previous_mean or 0.0 for _i, x in rated]
        has_previous = any(x.previous_mean is not None for _i, x in rated)
        self.means_chart.set_means(
            [self.tr("Q%1").replace("%1", str(i)) for i, _x in rated],
            [x.mean or 0.0 for _i, x in rated],
            previous if has_previous else None,
            (r.name, r.previous_name or ""),
        )
        if r.questions:
            row = min(keep, len(r.questions) - 1)
            self.questions.selectRow(row)
            self._distribution(self.question_model.index(row, 0))
        self._enable()

    def _distribution(self, index: QModelIndex) -> None:
        if not index.isValid() or self.results is None:
            return
        r = self.question_model.row_value(index.row())
        rating = r.kind == QuestionKind.RATING
        labels = (
            [f"{n} {label}" for n, label in enumerate(r.labels, start=1)]
            if rating
            else list(r.labels)
        )
        self.distribution_chart.set_distribution(labels, list(r.distribution), rating=rating)
        self.distribution_chart.set_title(
            self.tr("Q%1: %2").replace("%1", str(index.row() + 1)).replace("%2", r.text)
        )

    def _enable(self) -> None:
        ready = self.results is not None
        self.print_button.setEnabled(ready)
        self.export_button.setEnabled(ready)

    # --- printing and export -----------------------------------------------------------------

    def print_report(self) -> None:
        cid = self.campaign.campaign_id()
        if cid is None:
            return
        from ui.printing.preview import preview_pdf

        def make(s: Session) -> bytes:
            from reports.pdf.survey_results import survey_results_pdf

            data = _export_data(s, cid)
            return survey_results_pdf(
                data.results,
                estate_name=data.estate,
                company=data.company,
                printed_at=data.printed_at,
            )

        name = report_name(self.results.name if self.results else "")
        preview_pdf(
            self.ctx,
            make,
            title=name,
            suggested_name=f"{name}.pdf",
            parent=self,
            on_shown=lambda dialog: setattr(self, "last_preview", dialog),
        )

    def export_excel(self) -> str:
        """Ask where, then write the workbook on the worker; returns the path ("" if none)."""
        from ui.common.file_dialogs import ask_save_file

        cid = self.campaign.campaign_id()
        if cid is None or self.results is None:
            return ""
        path = ask_save_file(
            self,
            self.tr("Export survey results"),
            f"{report_name(self.results.name)}-{clock.today():%Y%m%d}.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
            suffix=".xlsx",
        )
        if not path:
            return ""
        prepared_by = self.ctx.actor.display_name

        def write(data: Export) -> None:
            def save(_progress: object) -> None:
                from reports.excel.survey_results import write_survey_results

                write_survey_results(
                    data.results,
                    path,
                    estate_name=data.estate,
                    prepared_by=prepared_by,
                    prepared_on=data.today,
                )

            self.ctx.task(save, parent=self, action="export survey results").run()

        self.ctx.query(lambda s: _export_data(s, cid), parent=self, action="survey export").success(
            write
        ).run()
        return path
