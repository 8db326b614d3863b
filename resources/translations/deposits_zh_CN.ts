<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DepositListModel</name>
    <message>
        <location filename="../../ui/deposits/page.py" line="78"/>
        <source>Receipt</source>
        <translation>押金收据号</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="79"/>
        <source>Received</source>
        <translation>收取日期</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="80"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="81"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="82"/>
        <source>Payer</source>
        <translation>交款人</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="83"/>
        <source>Amount</source>
        <translation>押金金额</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="84"/>
        <source>Held</source>
        <translation>在押</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="85"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="86"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>DepositsPage</name>
    <message>
        <location filename="../../ui/deposits/page.py" line="43"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="44"/>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="45"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="46"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="49"/>
        <source>Held</source>
        <translation>在押</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="50"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="169"/>
        <source>Unit, receipt or payer</source>
        <translation>房号、收据号或交款人</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="171"/>
        <source>Refund…</source>
        <translation>退还押金…</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="172"/>
        <source>Print receipt</source>
        <translation>打印押金收据</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="173"/>
        <source>Print refund slip</source>
        <translation>打印押金退款单</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="175"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="220"/>
        <source>Held in total: ¥%1</source>
        <translation>在押合计：¥%1</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="250"/>
        <source>Deposit receipt</source>
        <translation>押金收据</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="266"/>
        <source>Deposit refund slip</source>
        <translation>押金退款单</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/deposits/registration.py" line="17"/>
        <source>Deposits</source>
        <translation>押金台账</translation>
    </message>
</context>
<context>
    <name>RefundDepositDialog</name>
    <message>
        <location filename="../../ui/deposits/page.py" line="110"/>
        <source>Refund deposit</source>
        <translation>退还押金</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="121"/>
        <source>Held</source>
        <translation>在押</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="122"/>
        <source>Deduction reason</source>
        <translation>扣款原因</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="123"/>
        <source>Deduction (yuan)</source>
        <translation>扣款金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="124"/>
        <source>Paid back (yuan)</source>
        <translation>实退金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="125"/>
        <source>Method</source>
        <translation>退款方式</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/page.py" line="140"/>
        <source>Give the reason of the deduction.</source>
        <translation>请填写扣款原因。</translation>
    </message>
</context>
<context>
    <name>UnitDepositsPanel</name>
    <message>
        <location filename="../../ui/deposits/unit_panel.py" line="28"/>
        <source>Deposits</source>
        <translation>押金</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/unit_panel.py" line="56"/>
        <source>No deposits.</source>
        <translation>无押金。</translation>
    </message>
    <message>
        <location filename="../../ui/deposits/unit_panel.py" line="60"/>
        <source>%1  %2  %3: ¥%4, held ¥%5 (%6)</source>
        <translation>%1  %2  %3：¥%4，在押 ¥%5（%6）</translation>
    </message>
</context>
</TS>
