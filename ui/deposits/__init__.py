"""The deposit ledger page (押金台账): deposits held, refund, print receipt and refund slip."""
