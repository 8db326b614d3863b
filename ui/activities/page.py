"""The community activities page (社区活动): the activity list (upcoming or past, over SQL),
the selected activity's sign-ups in unit order, and every action on them.

Hidden, it only marks itself stale after a change and reloads when shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.activities import queries as q
from propdesk.activities import services as act
from propdesk.activities.models import Activity
from propdesk.activities.queries import ActivityRow, SignupRow, When
from propdesk.activities.services import DESK, PLAN, RUN, CancelResult, MovedUp, ToNotify
from propdesk.activities.values import (
    ACTIVITY_KIND_ZH,
    ACTIVITY_STATUS_ZH,
    CHANNEL_ZH,
    SIGNUP_STATE_ZH,
    ActivityStatus,
)
from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.fees.money import yuan
from propdesk.registry import services as reg
from propdesk.surveys import activity_feedback as af
from propdesk.surveys.values import ActivityFeedback, QuestionnaireRow
from ui.activities.dialogs import (
    CHANGES,
    ActivityDialog,
    AttendanceDialog,
    CancelActivityDialog,
    FeedbackDialog,
    FinishDialog,
    SignupDialog,
)
from ui.activities.feedback_questionnaire import FeedbackQuestionnaireDialog, feedback_lines
from ui.common.list_model import RowListModel
from ui.common.naming import named
from ui.common.sql_table_model import CENTER, RIGHT, SqlColumn, SqlTableModel
from ui.common.stale import StaleGuard
from ui.context import AppContext

Loaded = tuple[ActivityRow, tuple[SignupRow, ...], ActivityFeedback | None]


def _when(at: Any) -> str:
    return f"{clock.to_local(at):%Y-%m-%d %H:%M}"


class ActivityListModel(SqlTableModel):
    """Activities over SQL: upcoming soonest first, past newest first."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        def places(row: Row[Any]) -> str:
            return f"{row.taken}/{row.capacity}"

        super().__init__(
            db=ctx.db,
            base=select(Activity),
            id_column=Activity.id,
            columns=[
                SqlColumn(self.tr("Starts"), Activity.starts_at, fmt=_when),
                SqlColumn(self.tr("Activity"), Activity.title),
                SqlColumn(self.tr("Type"), Activity.kind, fmt=lambda v: ACTIVITY_KIND_ZH.get(v, v)),
                SqlColumn(self.tr("Venue"), Activity.venue),
                SqlColumn(
                    self.tr("Places taken"),
                    Activity.taken.label("taken"),
                    align=CENTER,
                    row_fmt=places,
                ),
                SqlColumn(self.tr("Waiting"), q.waitlist_count().label("waitlist"), align=RIGHT),
                SqlColumn(
                    self.tr("Status"),
                    Activity.status,
                    fmt=lambda v: ACTIVITY_STATUS_ZH.get(v, v),
                ),
                SqlColumn(
                    self.tr("Budget"), Activity.budget_fen, align=RIGHT, fmt=lambda v: yuan(v)
                ),
                SqlColumn(self.tr("Organiser"), Activity.organiser),
            ],
            extra=[Activity.capacity.label("capacity")],
            fetch=False,
            parent=parent,
        )

    def show_when(self, when: When) -> None:
        desc = when != When.UPCOMING
        self._default_order = [Activity.starts_at.desc() if desc else Activity.starts_at.asc()]
        self.set_filter(q.when_condition(when))


def _signup_columns() -> list[tuple[str, Any]]:
    def attended(s: SignupRow) -> str:
        return {True: "✓", False: "✗"}.get(s.attended, "") if s.attended is not None else ""

    return [
        (QCoreApplication.translate("ActivitiesPage", "Unit"), lambda s: s.unit_code),
        (QCoreApplication.translate("ActivitiesPage", "Contact"), lambda s: s.contact_name),
        (QCoreApplication.translate("ActivitiesPage", "Persons"), lambda s: str(s.persons)),
        (
            QCoreApplication.translate("ActivitiesPage", "Channel"),
            lambda s: CHANNEL_ZH.get(s.channel, s.channel),
        ),
        (
            QCoreApplication.translate("ActivitiesPage", "State"),
            lambda s: SIGNUP_STATE_ZH.get(s.state, s.state),
        ),
        (QCoreApplication.translate("ActivitiesPage", "Signed up"), lambda s: _when(s.queued_at)),
        (QCoreApplication.translate("ActivitiesPage", "Came"), attended),
        (
            QCoreApplication.translate("ActivitiesPage", "Rating"),
            lambda s: "★" * s.rating if s.rating else "",
        ),
        (QCoreApplication.translate("ActivitiesPage", "Comment"), lambda s: s.comment),
    ]


class ActivitiesPage(QWidget):
    """The list of activities above, the selected one's sign-ups below.

    Attributes:
        model: the activity list; signup_model: the selected activity's sign-ups.
        current: the selected activity as last read (None when nothing is selected).
        questionnaire_feedback: its feedback questionnaire and figures (None: not started).
        message: the line where the outcome of the last action is said.
        last_preview: the last print preview opened (tests reach it).
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = StaleGuard(self, self.reload)
        self.current: ActivityRow | None = None
        self.questionnaire_feedback: ActivityFeedback | None = (
            None  # the selected one's questionnaire
        )
        self.last_preview: QWidget | None = None
        self.dialog: QDialog | None = None  # the form open now (also for tests)
        self._select_next: int | None = None  # an activity just created: select it on reload
        self.when = named(QComboBox(), "activities_when")
        self.when.addItem(self.tr("Upcoming"), When.UPCOMING.value)
        self.when.addItem(self.tr("Past"), When.PAST.value)
        self.when.addItem(self.tr("All"), When.ALL.value)
        when_label = QLabel(self.tr("Sho&w"))
        when_label.setBuddy(self.when)
        self.new_button = named(QPushButton(self.tr("&New activity…")), "activities_new")
        self.edit_button = named(QPushButton(self.tr("&Edit…")), "activities_edit")
        self.open_button = named(QPushButton(self.tr("&Open sign-ups")), "activities_open")
        self.signup_button = named(QPushButton(self.tr("Sign &up…")), "activities_signup")
        self.finish_button = named(QPushButton(self.tr("Fini&sh…")), "activities_finish")
        self.cancel_button = named(QPushButton(self.tr("Cancel activit&y…")), "activities_cancel")
        self.notice_button = named(QPushButton(self.tr("Print noti&ce…")), "activities_notice")
        self.sheet_button = named(
            QPushButton(self.tr("Sign-in shee&t…")), "activities_signin_sheet"
        )
        self.model = ActivityListModel(ctx=ctx, parent=self)
        self.table = named(QTableView(), "activities_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(1, 200)
        self.detail = named(QLabel(), "activities_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.signup_model: RowListModel[SignupRow] = RowListModel(
            _signup_columns(), right_aligned=(2,), parent=self
        )
        self.signups = named(QTableView(), "activities_signups")
        self.signups.setModel(self.signup_model)
        self.signups.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.signups.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.signups.horizontalHeader().setStretchLastSection(True)
        self.signups.setColumnWidth(5, 130)
        self.withdraw_button = named(
            QPushButton(self.tr("C&ancel sign-up…")), "activities_withdraw"
        )
        self.attendance_button = named(
            QPushButton(self.tr("Atten&dance…")), "activities_attendance"
        )
        self.feedback_button = named(QPushButton(self.tr("Feed&back…")), "activities_feedback")
        self.questionnaire_button = named(
            QPushButton(self.tr("Feedback &questionnaire…")), "activities_feedback_questionnaire"
        )
        self.message = named(QLabel(), "activities_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        top = QHBoxLayout()
        top.addWidget(when_label)
        top.addWidget(self.when)
        for b in (
            self.new_button,
            self.edit_button,
            self.open_button,
            self.signup_button,
            self.finish_button,
            self.cancel_button,
            self.notice_button,
            self.sheet_button,
            self.questionnaire_button,
        ):
            top.addWidget(b)
        top.addStretch(1)
        below = QHBoxLayout()
        below.addWidget(QLabel(self.tr("Sign-ups (unit order)")))
        below.addStretch(1)
        for b in (self.withdraw_button, self.attendance_button, self.feedback_button):
            below.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail)
        layout.addLayout(below)
        layout.addWidget(self.signups, 2)
        layout.addWidget(self.message)

        self.when.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select(cur))
        self.table.activated.connect(lambda _i: self.sign_up())
        self.signups.activated.connect(lambda _i: self.feedback())
        self.new_button.clicked.connect(self.new_activity)
        self.edit_button.clicked.connect(self.edit_activity)
        self.open_button.clicked.connect(self.open_signups)
        self.signup_button.clicked.connect(self.sign_up)
        self.finish_button.clicked.connect(self.finish)
        self.cancel_button.clicked.connect(self.cancel_activity)
        self.notice_button.clicked.connect(self.print_notice)
        self.sheet_button.clicked.connect(self.print_signin_sheet)
        self.withdraw_button.clicked.connect(self.cancel_signup)
        self.attendance_button.clicked.connect(self.attendance)
        self.feedback_button.clicked.connect(self.feedback)
        self.questionnaire_button.clicked.connect(self.feedback_questionnaire)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_activity)
        ctx.hub.changed.connect(self._changed)
        self._enable()
        self.reload()

    def primary_field(self) -> QWidget:
        return self.table

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        keep = self._select_next or (self.current.id if self.current else None)
        self._select_next = None
        self.model.show_when(When(str(self.when.currentData())))
        row = 0
        if keep is not None:
            for r in range(self.model.rowCount()):
                if self.model.row_id(r) == keep:
                    row = r
                    break
        if self.model.rowCount():
            self.table.selectRow(row)
            self._select(self.model.index(row, 0))
        else:
            self._show(None)

    def _select(self, index: QModelIndex) -> None:
        if not index.isValid():
            self._show(None)
            return
        aid = int(self.model.row_id(index.row()))

        def read(s: Session) -> Loaded:
            return q.activity(s, aid), q.signups(s, aid), af.activity_feedback(s, aid)

        self.ctx.query(read, parent=self, action="activity sign-ups").success(self._show).run()

    def _show(self, loaded: Loaded | None) -> None:
        if loaded is None:
            self.current = None
            self.questionnaire_feedback = None
            self.detail.setText(self.tr("No activity selected."))
            self.signup_model.set_rows([])
            self._enable()
            return
        a, rows, feedback = loaded
        self.current = a
        self.questionnaire_feedback = feedback
        self.signup_model.set_rows(rows)
        lines = [
            self.tr("%1 — %2, %3; places %4/%5, %6 waiting; budget ¥%7, spent ¥%8")
            .replace("%1", a.title)
            .replace("%2", _when(a.starts_at))
            .replace("%3", a.venue)
            .replace("%4", str(a.taken))
            .replace("%5", str(a.capacity))
            .replace("%6", str(a.waitlist))
            .replace("%7", yuan(a.budget_fen))
            .replace("%8", yuan(a.spent_fen))
        ]
        if a.notice_printed_at is not None:
            lines.append(self.tr("Notice printed %1").replace("%1", _when(a.notice_printed_at)))
        lines += feedback_lines(rows, feedback)
        self.detail.setText("\n".join(lines))
        self._enable()

    def _enable(self) -> None:
        """Enable what the selected activity's state allows and the user may do (checked up
        front, so nobody fills a form the service would refuse); a button the role may not
        use says why in its tooltip."""
        a = self.current
        status = a.status if a else ""
        live = status in (ActivityStatus.PLANNED.value, ActivityStatus.OPEN.value)
        finished = status == ActivityStatus.FINISHED.value
        plan, run, desk = self.ctx.can(PLAN), self.ctx.can(RUN), self.ctx.can(DESK)
        # the feedback questionnaire is started by whoever may manage surveys' settings
        survey = self.ctx.can(Permission.MANAGE_SETTINGS)
        self.new_button.setEnabled(plan)
        self.edit_button.setEnabled(plan and live)
        self.open_button.setEnabled(run and status == ActivityStatus.PLANNED.value)
        self.signup_button.setEnabled(desk and status == ActivityStatus.OPEN.value)
        # before its start an activity cannot be finished (the service refuses it too): the
        # button says so instead of refusing after the clerk typed the cost
        started = a is not None and a.starts_at <= clock.now()
        self.finish_button.setEnabled(plan and live and started)
        self.cancel_button.setEnabled(run and live)
        self.notice_button.setEnabled(desk and a is not None)
        self.sheet_button.setEnabled(a is not None)
        self.withdraw_button.setEnabled(desk and status == ActivityStatus.OPEN.value)
        self.attendance_button.setEnabled(desk and finished)
        self.feedback_button.setEnabled(desk and finished)
        self.questionnaire_button.setEnabled(
            survey and finished and self.questionnaire_feedback is None
        )
        managers = "" if plan else self._refusal(PLAN)
        supervisors = "" if run else self._refusal(RUN)
        desk_only = "" if desk else self._refusal(DESK)
        for button, why in (
            (self.new_button, managers),
            (self.edit_button, managers),
            (self.finish_button, managers),
            (self.open_button, supervisors),
            (self.cancel_button, supervisors),
            (self.signup_button, desk_only),
            (self.withdraw_button, desk_only),
            (self.attendance_button, desk_only),
            (self.feedback_button, desk_only),
            (self.notice_button, desk_only),
            (self.questionnaire_button, "" if survey else self._refusal(PLAN)),
        ):
            button.setToolTip(why)
        if plan and live and not started:
            self.finish_button.setToolTip(
                self.tr("The activity has not started yet: it can be finished once it has.")
            )

    def _refusal(self, permission: Permission) -> str:
        """Why the user may not do the activity work that needs ``permission``."""
        if permission == PLAN:
            return self.tr("Only a manager can create, edit or finish activities.")
        if permission == RUN:
            return self.tr("Only a supervisor or manager can open sign-ups or cancel activities.")
        return self.tr("Your role cannot record sign-ups, attendance or feedback.")

    def _may(self, permission: Permission) -> bool:
        """True when the user may do the work; else says why (a shortcut, not a button)."""
        if self.ctx.can(permission):
            return True
        self._say(self._refusal(permission))
        return False

    def _changed(self, changes: Changes) -> None:
        if changes.activities or changes.surveys:  # survey answers move the feedback figures
            self._stale.changed()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def current_signup(self) -> SignupRow | None:
        index = self.signups.currentIndex()
        if not index.isValid():
            return None
        return self.signup_model.row_value(index.row())

    # --- actions ------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        """Open ``dialog`` window-modal, keeping a reference to it while it is open (a form
        only the C++ parent holds lost its Python slots in the running app)."""
        self.dialog = dialog
        dialog.open()

    def new_activity(self) -> None:
        if not self._may(PLAN):
            return
        dialog = ActivityDialog(ctx=self.ctx, parent=self)
        dialog.accepted.connect(lambda: self._created(int(dialog.result_value)))
        self._open(dialog)

    def _created(self, aid: int) -> None:
        """Select the activity just saved (a new one is upcoming: show the upcoming ones);
        the message line says so (not what the action before it said)."""
        self._say(self.tr("Activity saved."))
        self._select_next = aid
        upcoming = self.when.findData(When.UPCOMING.value)
        if str(self.when.currentData()) == When.PAST.value:
            self.when.setCurrentIndex(upcoming)  # reloads
        else:
            self.reload()

    def edit_activity(self) -> None:
        if self.current is not None and self._may(PLAN):
            dialog = ActivityDialog(ctx=self.ctx, activity=self.current, parent=self)
            dialog.accepted.connect(lambda: self._edited(dialog.moved_up))
            self._open(dialog)

    def _edited(self, moved_up: tuple[MovedUp, ...]) -> None:
        """Say the activity was saved, and whom its raised capacity moved up (to tell them)."""
        self._say(self.tr("Activity saved.") + self._moved_up(moved_up))

    def _moved_up(self, households: tuple[MovedUp, ...]) -> str:
        """`` 候补递补 2 户，请通知：3-1-101 王五 137****2222、3-2-1501 …`` — each unit with
        whom to call (phones as the clerk's role sees them); empty when nobody moved up."""
        if not households:
            return ""
        return (
            self.tr(" %1 household(s) moved up from the waitlist, tell them: %2")
            .replace("%1", str(len(households)))
            .replace("%2", "、".join(self._whom(h) for h in households))
        )

    def _whom(self, h: MovedUp) -> str:
        """``3-1-101 王五 137****2222``; a contact not in the registry: ``3-1-101 王阿姨
        (张三 138****5678)``, the phone of the household's resident named."""
        if h.phone_of:
            phone = self.tr("(%1 %2)").replace("%1", h.phone_of).replace("%2", h.phone)
            return " ".join(p for p in (h.unit_code, h.contact_name) if p) + phone
        return " ".join(p for p in (h.unit_code, h.contact_name, h.phone) if p)

    def open_signups(self) -> None:
        a = self.current
        if a is None or a.status != ActivityStatus.PLANNED.value or not self._may(RUN):
            return
        aid = a.id
        self.ctx.op(
            lambda s: act.open_signups(s, aid), changes=CHANGES, parent=self, action="open sign-ups"
        ).success(lambda _r: self._say(self.tr("Sign-ups are open."))).run()

    def sign_up(self) -> SignupDialog | None:
        a = self.current
        if a is None or a.status != ActivityStatus.OPEN.value or not self._may(DESK):
            return None
        dialog = SignupDialog(ctx=self.ctx, activity=a, parent=self)
        self._open(dialog)
        return dialog

    def finish(self) -> None:
        if self.current is not None and self._may(PLAN):
            self._open(FinishDialog(ctx=self.ctx, activity=self.current, parent=self))

    def cancel_activity(self) -> None:
        if self.current is None or not self._may(RUN):
            return
        dialog = CancelActivityDialog(ctx=self.ctx, activity=self.current, parent=self)
        dialog.accepted.connect(lambda: self._tell(dialog.result_value))
        self._open(dialog)

    def _tell(self, notify: tuple[ToNotify, ...]) -> None:
        if not notify:
            self._say(self.tr("Activity cancelled; nobody had signed up."))
            return
        units = "、".join(n.unit_code for n in notify)
        self._say(
            self.tr("Activity cancelled. Tell these %1 households: %2")
            .replace("%1", str(len(notify)))
            .replace("%2", units)
        )

    def cancel_signup(self) -> None:
        signup = self.current_signup()
        if signup is None or self.current is None:
            self._say(self.tr("Select a sign-up first."))
            return
        if not self._may(DESK):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Cancel sign-up"),
            self.tr("Cancel the sign-up of %1?").replace("%1", signup.unit_code),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.withdraw(signup)

    def withdraw(self, signup: SignupRow) -> None:
        """Cancel ``signup`` (no question asked): its places go to the waitlist in order."""
        sid, code = signup.id, signup.unit_code

        def done(result: CancelResult) -> None:
            text = self.tr("Sign-up of %1 cancelled.").replace("%1", code)
            self._say(text + self._moved_up(result.moved_up))

        self.ctx.op(
            lambda s: act.cancel_signup(s, sid),
            changes=CHANGES,
            parent=self,
            action="cancel sign-up",
        ).success(done).run()

    def attendance(self) -> AttendanceDialog | None:
        if self.current is None or not self._may(DESK):
            return None
        dialog = AttendanceDialog(
            ctx=self.ctx, activity=self.current, signups=self.signup_model.rows(), parent=self
        )
        self._open(dialog)
        return dialog

    def feedback(self) -> FeedbackDialog | None:
        signup = self.current_signup()
        if self.current is None or self.current.status != ActivityStatus.FINISHED.value:
            return None
        if signup is None:
            self._say(self.tr("Select a sign-up first."))
            return None
        if not signup.attended:
            self._say(self.tr("Only households that came can give feedback."))
            return None
        if not self._may(DESK):
            return None
        dialog = FeedbackDialog(ctx=self.ctx, activity=self.current, signup=signup, parent=self)
        self._open(dialog)
        return dialog

    def feedback_questionnaire(self) -> None:
        """Pick an active questionnaire and start the activity's feedback questionnaire."""
        a = self.current
        if (
            a is None
            or a.status != ActivityStatus.FINISHED.value
            or self.questionnaire_feedback is not None
        ):
            return

        def opened(questionnaires: list[QuestionnaireRow]) -> None:
            if not questionnaires:
                self._say(
                    self.tr("No questionnaire can be used: make one on the surveys page first.")
                )
                return
            dialog = FeedbackQuestionnaireDialog(
                ctx=self.ctx, activity=a, questionnaires=questionnaires, parent=self
            )
            dialog.accepted.connect(
                lambda: self._say(
                    self.tr(
                        "Feedback questionnaire started: the households that attended are "
                        "in its call queue on the surveys page."
                    )
                )
            )
            self._open(dialog)

        self.ctx.query(af.active_questionnaires, parent=self, action="active questionnaires").busy(
            self.questionnaire_button
        ).success(opened).run()

    # --- printing -----------------------------------------------------------------------

    def print_notice(self) -> None:
        """Preview the notice; it is recorded as printed only once printed or saved."""
        if self.current is None:
            return
        aid = self.current.id

        def make(s: Session) -> tuple[bytes, str]:
            from reports.pdf.activity_documents import activity_notice_pdf

            estate = reg.get_estate(s)
            row = q.activity(s, aid)
            pdf = activity_notice_pdf(
                row,
                estate_name=estate.name,
                company=estate.company,
                desk_phone=estate.phone,
                posted_on=clock.today(s),
            )
            return pdf, row.title

        recorded = False

        def delivered(_how: str) -> None:
            nonlocal recorded
            if recorded:
                return
            recorded = True
            self.ctx.op(
                lambda s: act.mark_notice_printed(s, aid),
                changes=CHANGES,
                parent=self,
                action="record notice printed",
            ).run()

        def built(made: tuple[bytes, str]) -> None:
            from ui.printing.preview import show_pdf_preview

            pdf, title = made
            self.last_preview = show_pdf_preview(
                self.ctx,
                pdf,
                title=f"{title}活动通知",
                suggested_name=f"{title}活动通知.pdf",
                parent=self,
                on_delivered=delivered,
            )

        self.ctx.query(make, parent=self, action="activity notice").busy(
            self.notice_button
        ).success(built).run()

    def print_signin_sheet(self) -> None:
        if self.current is None:
            return
        aid = self.current.id

        def make(s: Session) -> tuple[bytes, str]:
            from reports.pdf.activity_documents import signin_sheet_pdf

            estate = reg.get_estate(s)
            row = q.activity(s, aid)
            pdf = signin_sheet_pdf(
                row,
                q.signups(s, aid),
                estate_name=estate.name,
                company=estate.company,
                printed_at=clock.local_now(s),
            )
            return pdf, row.title

        def built(made: tuple[bytes, str]) -> None:
            from ui.printing.preview import show_pdf_preview

            pdf, title = made
            self.last_preview = show_pdf_preview(
                self.ctx,
                pdf,
                title=f"{title}签到表",
                suggested_name=f"{title}签到表.pdf",
                parent=self,
            )

        self.ctx.query(make, parent=self, action="activity sign-in sheet").busy(
            self.sheet_button
        ).success(built).run()
