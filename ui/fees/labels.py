"""Translated labels of fee values (English source strings, Chinese in fees_zh_CN.ts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from propdesk.fees.models import PayMethod

TAKEN = (PayMethod.CASH, PayMethod.WECHAT, PayMethod.ALIPAY, PayMethod.CARD, PayMethod.TRANSFER)


def method_label(method: PayMethod) -> str:
    labels = {
        PayMethod.CASH: QCoreApplication.translate("FeeLabels", "Cash"),
        PayMethod.TRANSFER: QCoreApplication.translate("FeeLabels", "Bank transfer"),
        PayMethod.CARD: QCoreApplication.translate("FeeLabels", "Card"),
        PayMethod.WECHAT: QCoreApplication.translate("FeeLabels", "WeChat"),
        PayMethod.ALIPAY: QCoreApplication.translate("FeeLabels", "Alipay"),
        PayMethod.CREDIT: QCoreApplication.translate("FeeLabels", "From credit"),
    }
    return labels[method]
