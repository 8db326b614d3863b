"""The Fees module of the main window: cashier, arrears, collection rate, billing and rates."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.common.record_context import RecordUnit, unit_of_record
from ui.context import AppContext
from ui.fees.arrears_page import ArrearsPage
from ui.fees.billing_page import BillingPage
from ui.fees.cashier import CashierPage
from ui.fees.closing_page import ClosingPage
from ui.fees.collection_page import CollectionPage
from ui.fees.readings_page import ReadingsPage
from ui.fees.requests import ArrearsRequest, CollectionRequest
from ui.fees.standards_page import StandardsPage
from ui.navigation import ForRecord


class FeesPage(QWidget):
    """Tabs: ``cashier``, ``arrears``, ``collection``, ``billing``, ``standards``, ``readings``, ``closing`` (attributes)."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget(self)
        self.cashier = CashierPage(ctx=ctx, parent=self.tabs)
        self.arrears = ArrearsPage(ctx=ctx, parent=self.tabs)
        self.collection = CollectionPage(ctx=ctx, parent=self.tabs)
        self.billing = BillingPage(ctx=ctx, parent=self.tabs)
        self.standards = StandardsPage(ctx=ctx, parent=self.tabs)
        self.readings = ReadingsPage(ctx=ctx, parent=self.tabs)
        self.closing = ClosingPage(ctx=ctx, parent=self.tabs)
        self.tabs.addTab(self.cashier, self.tr("&Cashier"))
        self.tabs.addTab(self.arrears, self.tr("&Arrears"))
        self.tabs.addTab(self.collection, self.tr("Collectio&n rate"))
        self.tabs.addTab(self.billing, self.tr("&Billing and rates"))
        self.tabs.addTab(self.standards, self.tr("Fee &standards"))
        self.tabs.addTab(self.readings, self.tr("&Meter readings"))
        self.tabs.addTab(self.closing, self.tr("C&losing"))
        QVBoxLayout(self).addWidget(self.tabs)

    def apply_record(self, record: ForRecord) -> None:
        """Started from a unit or person page (F6): the cashier with that unit's open lines,
        the cursor in the amount."""

        def show(found: RecordUnit) -> None:
            if found.unit_id is not None:
                self.tabs.setCurrentWidget(self.cashier)
                self.cashier.open_unit(found.unit_id, focus_amount=True)

        kind, record_id = record.kind, record.id
        self.ctx.query(
            lambda s: unit_of_record(s, kind, record_id), parent=self, action="record unit"
        ).success(show).run()

    def apply_request(self, request: object) -> None:
        """Show the list another view asked for (``Navigate("fees", request)``)."""
        if isinstance(request, ArrearsRequest):
            self.tabs.setCurrentWidget(self.arrears)
            self.arrears.apply_request(request)  # as_of None: the estate's today
        elif isinstance(request, CollectionRequest):
            self.tabs.setCurrentWidget(self.collection)
            self.collection.apply_request(request)
        else:
            raise TypeError(f"FeesPage cannot apply {request!r}")
