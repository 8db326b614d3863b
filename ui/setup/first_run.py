"""First start with no estate: generate a demo estate, or set up an empty one from a pattern.

The demo runs :func:`propdesk.demo.build.generate_demo` as a ``ctx.task`` on the database
worker with a progress dialog (Cancel rolls the whole build back: it is one transaction). The
empty set-up calls :func:`propdesk.registry.setup.set_up_estate` through ``ctx.op``; a bad
number is shown next to its field, any other failure goes to the error handler, and the
dialog keeps its input either way. Nobody is logged in yet: the context is the login's
(:func:`ui.auth.gate.gate_context`).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from propdesk.changes import Changes
from propdesk.config import Settings
from propdesk.db.engine import Database
from propdesk.failures import OperationCancelled
from propdesk.progress import Progress
from propdesk.registry import services as reg
from propdesk.registry.setup import (
    MAX_BUILDINGS,
    MAX_ENTRANCES,
    MAX_FLOORS,
    MAX_ROOMS_PER_FLOOR,
    EstatePattern,
    set_up_estate,
    unit_count,
)
from ui.auth.gate import gate_context
from ui.common.forms import FormErrors
from ui.errors import ErrorHandler
from ui.worker import Executor

ESTATE_CREATED = Changes(estate=True, buildings=True, units=True)
DEMO_CREATED = Changes.everything()
PROGRESS_STEPS = 1000


def needs_setup(db: Database) -> bool:
    """True when the database has no estate yet (asked as the app starts, before any window)."""
    with db.begin() as session:
        return not reg.has_estate(session)


def _spin(low: int, high: int, value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    return spin


class FirstRunSetupDialog(QDialog):
    """Choose demo data or an empty estate; accepted once the estate exists.

    Attributes:
        demo, empty: the two choices (radio buttons).
        demo_units: how many demo units.
        estate_name, buildings, floors, entrances, rooms, area: the empty estate's pattern.
        errors: inline errors of the pattern form.
    """

    def __init__(
        self,
        *,
        db: Database,
        executor: Executor,
        errors: ErrorHandler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.ctx = gate_context(db, Settings(), executor=executor, errors=errors)
        self._cancelled = False
        self.setWindowTitle(self.tr("PropDesk — New database"))
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr(
                "This database has no estate yet. Start with a demo estate to try PropDesk, "
                "or set up your own estate: buildings and units are created from the pattern "
                "below (room number = floor × 100 + position, e.g. 1502)."
            )
        )
        intro.setWordWrap(True)
        self.demo = QRadioButton(self.tr("&Demo estate with sample residents, tickets and fees"))
        self.empty = QRadioButton(self.tr("&Empty estate from a pattern"))
        group = QButtonGroup(self)
        group.addButton(self.demo)
        group.addButton(self.empty)
        self.empty.setChecked(True)
        self.demo_units = _spin(10, 200_000, 2_000)
        self.demo_units.setSingleStep(500)
        demo_form = QFormLayout()
        demo_form.addRow(self.tr("&Units"), self.demo_units)
        self.demo_users = QLabel(self._demo_users_text())
        self.demo_users.setObjectName("demo_users")
        self.demo_users.setWordWrap(True)
        self.demo_users.setStyleSheet("color: #555;")
        demo_form.addRow("", self.demo_users)
        demo_box = QGroupBox()
        demo_box.setLayout(demo_form)

        self.estate_name = QLineEdit()
        self.estate_name.setPlaceholderText(self.tr("e.g. 翠湖花园"))
        self.buildings = _spin(1, MAX_BUILDINGS, 6)
        self.floors = _spin(1, MAX_FLOORS, 18)
        self.entrances = _spin(1, MAX_ENTRANCES, 2)
        self.rooms = _spin(1, MAX_ROOMS_PER_FLOOR, 2)
        self.area = QLineEdit("89.00")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("Estate &name"), "estate_name", self.estate_name)
        self.errors.add_row(self.tr("&Buildings"), "buildings", self.buildings)
        self.errors.add_row(self.tr("&Floors per building"), "floors", self.floors)
        self.errors.add_row(self.tr("E&ntrances per building"), "entrances", self.entrances)
        self.errors.add_row(self.tr("&Rooms per floor and entrance"), "rooms_per_floor", self.rooms)
        self.errors.add_row(self.tr("Default &area (m²)"), "area", self.area)
        form.addRow("", self.summary)
        empty_box = QGroupBox()
        empty_box.setLayout(form)

        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.demo)
        layout.addWidget(demo_box)
        layout.addWidget(self.empty)
        layout.addWidget(empty_box)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)

        def toggle() -> None:
            demo_box.setEnabled(self.demo.isChecked())
            empty_box.setEnabled(self.empty.isChecked())

        self.demo.toggled.connect(toggle)
        toggle()
        for spin in (self.buildings, self.floors, self.entrances, self.rooms):
            spin.valueChanged.connect(self._update_summary)
        self._update_summary()
        self.estate_name.setFocus()

    def _demo_users_text(self) -> str:
        from propdesk.auth.demo import DEMO_USERS

        # no-break spaces keep each "user / password" pair on one line
        pairs = ",  ".join(
            f"{user}\u00a0/\u00a0{password}" for user, password, _name, _role in DEMO_USERS
        )
        return self.tr("Log in afterwards as (user / password): %1").replace("%1", pairs)

    def pattern(self) -> EstatePattern:
        return EstatePattern(
            estate_name=self.estate_name.text(),
            buildings=self.buildings.value(),
            floors=self.floors.value(),
            entrances=self.entrances.value(),
            rooms_per_floor=self.rooms.value(),
            area=self.area.text(),
        )

    def _update_summary(self) -> None:
        n = unit_count(self.pattern())
        self.summary.setText(self.tr("%n unit(s) will be created.", "", n))

    # --- creating ---------------------------------------------------------------------

    def accept(self) -> None:
        if self.empty.isChecked():
            self._create_empty()
        else:
            self._create_demo()

    def _create_empty(self) -> None:
        pattern = self.pattern()
        self.errors.clear()
        self.ctx.op(
            lambda s: set_up_estate(s, pattern),
            changes=ESTATE_CREATED,
            parent=self,
            action="set up the estate",
        ).busy(self.buttons).success(
            lambda _result: super(FirstRunSetupDialog, self).accept()
        ).failure(self.errors.handle).run()

    def _create_demo(self) -> None:
        from propdesk.demo import build

        self._cancelled = False
        self.errors.clear()
        units, db = self.demo_units.value(), self.db

        def work(progress: Progress) -> object:
            def moved(fraction: float, text: str) -> None:
                if self._cancelled:
                    raise OperationCancelled
                progress.update(int(fraction * PROGRESS_STEPS), PROGRESS_STEPS, text)

            return build.generate_demo(db, units=units, progress=moved)

        self.ctx.task(
            work,
            label=self.tr("Generating the demo estate…"),
            cancellable=True,
            changes=DEMO_CREATED,
            parent=self,
            action="generate the demo estate",
        ).busy(self.buttons).success(
            lambda _summary: super(FirstRunSetupDialog, self).accept()
        ).failure(self.errors.handle).run()

    def _cancel(self) -> None:
        """Stop the demo build at its next progress report (everything is rolled back)."""
        self._cancelled = True


def run_first_run(
    *,
    db: Database,
    executor: Executor,
    errors: ErrorHandler | None = None,
    parent: QWidget | None = None,
) -> bool:
    """Show the set-up when the database has no estate; False when the user cancelled."""
    if not needs_setup(db):
        return True
    dialog = FirstRunSetupDialog(db=db, executor=executor, errors=errors, parent=parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
