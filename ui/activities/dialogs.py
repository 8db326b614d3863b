"""Community activity forms: create/edit an activity, sign a household up, finish or cancel
an activity, attendance (check off by keyboard) and feedback (rating by number key).

Each opens with the focus in its first field; Enter submits once (Save is busy while the
save runs); a refused value is shown next to its field and the input is kept; Esc with
input typed asks before closing. Every write goes through ``ctx.op`` and broadcasts
``Changes(activities=True)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.activities import services as act
from propdesk.activities.queries import ActivityRow, SignupRow
from propdesk.activities.services import (
    ActivitySpec,
    MovedUp,
    SignupOutlook,
    SignupResult,
    UpdateResult,
)
from propdesk.activities.values import (
    ACTIVITY_KIND_ZH,
    CHANNEL_ZH,
    MAX_PERSONS,
    SignupState,
)
from propdesk.changes import Changes
from propdesk.fees.money import parse_yuan, yuan
from ui.calls.labels import from_qdatetime, to_qdatetime
from ui.common.form_dialog import FormDialog
from ui.common.naming import named
from ui.context import AppContext
from ui.desk.unit_picker import UnitPicker
from ui.tickets.action_dialogs import form_failure

CHANGES = Changes(activities=True)


class _Form(FormDialog):
    changes = CHANGES


def _datetime_edit(name: str) -> QDateTimeEdit:
    edit = named(QDateTimeEdit(), name)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


class ActivityDialog(_Form):
    """Create or edit an activity: type, title, start and end, venue, places, budget (yuan),
    organiser, description; a new one may open its sign-ups at once.

    Attributes:
        result_value: the activity's id once saved.
        promoted_units: once an edit is saved, the units its raised capacity moved off the
            waitlist, in queue order.
        moved_up: the same households with whom to call (the page names them: the desk
            tells them).
    """

    def __init__(
        self, *, ctx: AppContext, activity: ActivityRow | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Edit activity") if activity else self.tr("New activity")
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.activity = activity
        self.promoted_units: tuple[str, ...] = ()
        self.moved_up: tuple[MovedUp, ...] = ()
        self.kind = named(QComboBox(), "activity_kind")
        for key, label in ACTIVITY_KIND_ZH.items():
            self.kind.addItem(label, str(key))
        self.title = named(QLineEdit(), "activity_title")
        self.starts = _datetime_edit("activity_starts")
        self.ends = _datetime_edit("activity_ends")
        self.venue = named(QLineEdit(), "activity_venue")
        self.capacity = named(QSpinBox(), "activity_capacity")
        self.capacity.setRange(0, 10000)
        self.budget = named(QLineEdit(), "activity_budget")
        self.budget.setPlaceholderText(self.tr("yuan, e.g. 800 or 1,250.50"))
        self.organiser = named(QLineEdit(ctx.actor.display_name), "activity_organiser")
        self.description = named(QPlainTextEdit(), "activity_description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(80)
        self.open_now = named(QCheckBox(self.tr("Open sign-ups now")), "activity_open_now")
        self.open_now.setChecked(True)
        self.errors.add_row(self.tr("&Type"), "kind", self.kind)
        self.errors.add_row(self.tr("T&itle"), "title", self.title)
        self.errors.add_row(self.tr("&Starts"), "starts_at", self.starts)
        self.errors.add_row(self.tr("&Ends"), "ends_at", self.ends)
        self.errors.add_row(self.tr("&Venue"), "venue", self.venue)
        self.errors.add_row(self.tr("&Places"), "capacity", self.capacity)
        self.errors.add_row(self.tr("&Budget (yuan)"), "budget_fen", self.budget)
        self.errors.add_row(self.tr("&Organiser"), "organiser", self.organiser)
        self.errors.add_row(self.tr("&Description"), "description", self.description)
        if activity is None:
            self.errors.add_row("", "open_now", self.open_now)
            start = clock.local_now().replace(hour=14, minute=0, second=0, microsecond=0)
            start += timedelta(days=7)
            self.starts.setDateTime(to_qdatetime(start))
            self.ends.setDateTime(to_qdatetime(start + timedelta(hours=2)))
            self.capacity.setValue(30)
        else:
            self.open_now.hide()
            self.kind.setCurrentIndex(max(0, self.kind.findData(activity.kind)))
            self.title.setText(activity.title)
            self.starts.setDateTime(to_qdatetime(activity.starts_at))
            end = activity.ends_at or activity.starts_at + timedelta(hours=2)
            self.ends.setDateTime(to_qdatetime(end))
            self.venue.setText(activity.venue)
            self.capacity.setValue(activity.capacity)
            self.budget.setText(yuan(activity.budget_fen))
            self.organiser.setText(activity.organiser)
            self.description.setPlainText(activity.description)
        self.install_keys()
        if activity is not None:
            self.keys.mark_clean()

    def save(self) -> None:
        kind = str(self.kind.currentData() or "")
        title, venue = self.title.text(), self.venue.text()
        starts = from_qdatetime(self.starts.dateTime())
        ends = from_qdatetime(self.ends.dateTime())
        capacity, budget = self.capacity.value(), self.budget.text().strip()
        organiser, description = self.organiser.text(), self.description.toPlainText()
        open_now = self.open_now.isChecked()
        activity = self.activity

        def write(s: Session) -> UpdateResult:
            fen = parse_yuan(budget, "budget_fen") if budget else 0
            spec = ActivitySpec(
                kind, title, starts, ends, venue, capacity, fen, organiser, description
            )
            if activity is None:
                return UpdateResult(act.create_activity(s, spec, open_now=open_now))
            return act.update_activity(s, activity.id, spec)

        self.run_save(write, "save activity", self._done)

    def _done(self, result: UpdateResult) -> None:
        self.promoted_units = result.promoted_units
        self.moved_up = result.moved_up
        self._saved(result.activity_id)


class SignupDialog(_Form):
    """Sign a household up for an activity, at the desk or by phone.

    Before saving, the worker reads whether the sign-up would go to the waitlist (full, too
    few places, or earlier households waiting); if so the clerk is told why and asked first
    (``confirm_box``, No by default). The answer says plainly whether the household got
    places or went to the waitlist, and at which position; the form then resets for the next household (the dialog stays open).

    Attributes: results (every sign-up made in this dialog), outcome (the answer label),
    confirm_box (the waitlist question while it is open).
    """

    def __init__(
        self, *, ctx: AppContext, activity: ActivityRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx=ctx, title=self.tr("Sign up: %1").replace("%1", activity.title), parent=parent
        )
        self.activity = activity
        self.results: list[SignupResult] = []
        self.places = named(QLabel(), "signup_places")
        self._show_places(activity.taken, activity.waitlist)
        self.unit = UnitPicker(ctx=ctx, parent=self)
        self.unit.setObjectName("signup_unit")
        self.persons = named(QSpinBox(), "signup_persons")
        self.persons.setRange(1, MAX_PERSONS)
        self.contact = named(QLineEdit(), "signup_contact")
        self.channel = named(QComboBox(), "signup_channel")
        for key, label in CHANNEL_ZH.items():
            self.channel.addItem(label, str(key))
        self.outcome = named(QLabel(), "signup_outcome")
        self.outcome.setWordWrap(True)
        self.form.addRow(self.places)
        self.errors.add_row(self.tr("&Unit"), "unit_id", self.unit)
        self.errors.add_row(self.tr("Pe&rsons"), "persons", self.persons)
        self.errors.add_row(self.tr("&Contact"), "contact_name", self.contact)
        self.errors.add_row(self.tr("C&hannel"), "channel", self.channel)
        self.layout_.insertWidget(1, self.outcome)
        self.save_button.setText(self.tr("&Sign up"))
        self.unit.picked.connect(self._picked)
        self.confirm_box: QMessageBox | None = None  # "waitlist, sure?" while it is open
        self.install_keys()

    def _show_places(self, taken: int, waiting: int) -> None:
        a = self.activity
        text = (
            self.tr("%1 of %2 places taken, %3 waiting")
            .replace("%1", str(taken))
            .replace("%2", str(a.capacity))
            .replace("%3", str(waiting))
        )
        self.places.setText(text)

    def _picked(self, _unit_id: int) -> None:
        if not self.contact.text().strip():
            self.contact.setText(self.unit.person_name)
        self.persons.setFocus()

    def save(self) -> None:
        """Ask the worker where the sign-up would go (:func:`act.signup_outlook`, the service's
        own rule); when to the waitlist, ask the clerk first (No by default), else save."""
        if self.confirm_box is not None or not self.save_button.isEnabled():
            return
        if self.unit.unit_id is None:  # the save names the missing unit by its field
            self._write()
            return
        aid, persons = self.activity.id, self.persons.value()
        self.errors.clear()
        self.ctx.query(
            lambda s: act.signup_outlook(s, aid, persons=persons),
            parent=self,
            action="sign-up outlook",
        ).busy(self.save_button).failure(form_failure(self.errors)).success(self._outlook).run()

    def _outlook(self, outlook: SignupOutlook) -> None:
        if not outlook.waitlist_position:
            self._write()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), "", parent=self)
        box.setObjectName("signup_waitlist_confirm")
        box.setText(
            self.tr("%1: %2\n\nSign up on the waitlist?")
            .replace("%1", self.unit.unit_code)
            .replace("%2", outlook.message)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        self.confirm_box = box

        def answered(_result: int) -> None:
            yes = box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
            self.confirm_box = None
            box.deleteLater()
            if yes:
                self._write()
            else:
                self.persons.setFocus()

        box.finished.connect(answered)
        box.open()

    def _write(self) -> None:
        unit_id = self.unit.unit_id
        aid = self.activity.id
        persons, contact = self.persons.value(), self.contact.text()
        channel = str(self.channel.currentData() or "")

        def write(s: Session) -> tuple[SignupResult, int, int]:
            if unit_id is None:
                from propdesk.errors import ValidationError

                raise ValidationError("unit_id", "请先查找并选择报名的房屋。")
            result = act.sign_up(
                s, aid, unit_id=unit_id, persons=persons, channel=channel, contact_name=contact
            )
            from propdesk.activities.queries import activity

            row = activity(s, aid)
            return result, row.taken, row.waitlist

        self.run_save(write, "sign up", self._signed)

    def _signed(self, value: tuple[SignupResult, int, int]) -> None:
        result, taken, waiting = value
        self.results.append(result)
        code = self.unit.unit_code
        waitlisted = result.state == SignupState.WAITLIST.value
        self.outcome.setText(f"{code}：{result.message}")
        self.outcome.setStyleSheet(
            "color: #b35900; font-weight: bold;" if waitlisted else "color: #1b7f3b;"
        )
        self._show_places(taken, waiting)
        self.unit.clear_choice()
        self.persons.setValue(1)
        self.contact.clear()
        self.keys.mark_clean()
        self.unit.setFocus()


class FinishDialog(_Form):
    """Finish an activity with what was actually spent (yuan)."""

    def __init__(
        self, *, ctx: AppContext, activity: ActivityRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx=ctx, title=self.tr("Finish: %1").replace("%1", activity.title), parent=parent
        )
        self.activity = activity
        self.spent = named(QLineEdit(), "activity_spent")
        self.spent.setPlaceholderText(
            self.tr("Budget %1 yuan").replace("%1", yuan(activity.budget_fen))
        )
        self.errors.add_row(self.tr("&Spent (yuan)"), "spent_fen", self.spent)
        self.install_keys()

    def save(self) -> None:
        text, aid = self.spent.text().strip(), self.activity.id

        def write(s: Session) -> None:
            act.finish_activity(s, aid, spent_fen=parse_yuan(text, "spent_fen") if text else 0)

        self.run_save(write, "finish activity")


class CancelActivityDialog(_Form):
    """Cancel an activity with its reason; ``result_value`` then lists whom to tell."""

    def __init__(
        self, *, ctx: AppContext, activity: ActivityRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx=ctx, title=self.tr("Cancel: %1").replace("%1", activity.title), parent=parent
        )
        self.activity = activity
        self.reason = named(QLineEdit(), "activity_cancel_reason")
        self.errors.add_row(self.tr("&Reason"), "reason", self.reason)
        self.install_keys()

    def save(self) -> None:
        reason, aid = self.reason.text(), self.activity.id
        self.run_save(lambda s: act.cancel_activity(s, aid, reason=reason), "cancel activity")


class AttendanceDialog(_Form):
    """Check off who came: the confirmed households in unit order; Space ticks the current
    one, arrows move, Enter saves."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        activity: ActivityRow,
        signups: Sequence[SignupRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx=ctx, title=self.tr("Attendance: %1").replace("%1", activity.title), parent=parent
        )
        self.activity = activity
        self.find_box = named(QLineEdit(), "attendance_find")
        self.find_box.setPlaceholderText(self.tr("Unit or name; Down goes to the list"))
        self.list = named(QListWidget(), "attendance_list")
        # the ticks as text in a hidden field, so they count as input (Esc asks first)
        self.ticks = named(QLineEdit(), "attendance_ticks")
        self.ticks.hide()
        for s in signups:
            if s.state != SignupState.CONFIRMED.value:
                continue
            text = self.tr("%1  %2  (%3 persons)").replace("%1", s.unit_code)
            item = QListWidgetItem(text.replace("%2", s.contact_name).replace("%3", str(s.persons)))
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.attended else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._mirror()
        self.list.itemChanged.connect(lambda _item: self._mirror())
        self.list.installEventFilter(self)
        self.find_box.installEventFilter(self)
        self.find_box.textChanged.connect(self._find)
        hint = QLabel(self.tr("Space ticks who came; Enter saves."))
        self.errors.add_row(self.tr("&Find"), "find", self.find_box)
        self.errors.add_row(self.tr("&Present"), "attended", self.list)
        self.form.addRow(hint)
        self.form.addRow(self.ticks)
        self.install_keys()
        self.keys.mark_clean()

    def _mirror(self) -> None:
        self.ticks.setText(",".join(str(i) for i in sorted(self.checked_ids())))

    def _find(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        for i in range(self.list.count()):
            if text in self.list.item(i).text():
                self.list.setCurrentRow(i)
                return

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if watched is self.list and event.key() == Qt.Key.Key_Space:
                self.toggle_current()
                return True
            if watched is self.find_box and event.key() == Qt.Key.Key_Down:
                self.list.setFocus()
                return True
        return super().eventFilter(watched, event)

    def toggle_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def checked_ids(self) -> set[int]:
        return {
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        }

    def save(self) -> None:
        ids, aid = self.checked_ids(), self.activity.id
        self.run_save(lambda s: act.record_attendance(s, aid, ids), "record attendance")


STARS = "★★★★★"


class RatingBox(QSpinBox):
    """A rating 1–5: a number key sets it at once, Up/Down step; 0 shows "not rated"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 5)
        self.setSpecialValueText(self.tr("not rated"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_1.value <= key <= Qt.Key.Key_5.value:
            self.setValue(key - Qt.Key.Key_0.value)
            return
        super().keyPressEvent(event)


class FeedbackDialog(_Form):
    """A household's feedback on an activity it attended: rating 1–5 (number key) and comment."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        activity: ActivityRow,
        signup: SignupRow,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("Feedback: %1 %2").replace("%1", activity.title).replace("%2", signup.unit_code)
        )
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.signup = signup
        self.rating = RatingBox()
        self.rating.setObjectName("feedback_rating")
        self.stars = named(QLabel(), "feedback_stars")
        self.comment = named(QLineEdit(signup.comment), "feedback_comment")
        self.errors.add_row(self.tr("&Rating (1-5)"), "rating", self.rating)
        self.form.addRow(self.stars)
        self.errors.add_row(self.tr("&Comment"), "comment", self.comment)
        self.rating.valueChanged.connect(self._stars)
        self.rating.setValue(signup.rating or 0)
        self._stars(self.rating.value())
        self.install_keys()
        self.keys.mark_clean()

    def _stars(self, value: int) -> None:
        self.stars.setText(STARS[:value] + "☆" * (5 - value) if value else "")

    def save(self) -> None:
        rating, comment, sid = self.rating.value(), self.comment.text(), self.signup.id
        self.run_save(
            lambda s: act.record_feedback(s, sid, rating=rating, comment=comment),
            "record feedback",
        )
