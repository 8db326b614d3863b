<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArrearsPage</name>
    <message>
        <source>Confirm deli&amp;very…</source>
        <translation>登记送达(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="89"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="91"/>
        <source>Unit code starts with…</source>
        <translation>房号开头…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="93"/>
        <source>Min. yuan</source>
        <translation>最低金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="96"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="104"/>
        <source>≤30 days</source>
        <translation>≤30天</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="105"/>
        <source>31–90 days</source>
        <translation>31–90天</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="106"/>
        <source>91–180 days</source>
        <translation>91–180天</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="107"/>
        <source>&gt;180 days</source>
        <translation>&gt;180天</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="110"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="111"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="112"/>
        <source>Owed</source>
        <translation>欠费</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="117"/>
        <source>Oldest due</source>
        <translation>最早应缴日</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="118"/>
        <source>Late fee</source>
        <translation>滞纳金</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="133"/>
        <source>Statemen&amp;t…</source>
        <translation>对账单(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="134"/>
        <source>Log c&amp;ontact…</source>
        <translation>登记催缴(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="135"/>
        <source>&amp;Waive…</source>
        <translation>减免(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="136"/>
        <source>Print &amp;reminder letters…</source>
        <translation>打印催缴函(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="137"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="154"/>
        <source>Building:</source>
        <translation>楼栋：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="155"/>
        <source>Unit:</source>
        <translation>房号：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="156"/>
        <source>Owed at least:</source>
        <translation>欠费不少于：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="157"/>
        <source>Overdue at least:</source>
        <translation>逾期不少于：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="158"/>
        <source>As of:</source>
        <translation>截至：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="242"/>
        <source>{n} unit(s) in arrears, ¥{owed} owed, late fee ¥{fee}</source>
        <translation>欠费房屋 {n} 户，欠费 ¥{owed}，滞纳金 ¥{fee}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="327"/>
        <source>Reminder letters</source>
        <translation>催缴函</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="340"/>
        <source>Export arrears</source>
        <translation>导出欠费明细表</translation>
    </message>
</context>
<context>
    <name>ArrearsPanel</name>
    <message>
        <location filename="../../ui/fees/unit_panel.py" line="28"/>
        <source>Fees and arrears</source>
        <translation>收费与欠费</translation>
    </message>
    <message>
        <location filename="../../ui/fees/unit_panel.py" line="35"/>
        <source>Ta&amp;ke payment…</source>
        <translation>收费(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/unit_panel.py" line="37"/>
        <source>Account &amp;statement…</source>
        <translation>对账单(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/unit_panel.py" line="65"/>
        <source>No arrears.</source>
        <translation>无欠费。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/unit_panel.py" line="73"/>
        <source>Overdue ¥{owed} ({ages})</source>
        <translation>逾期欠费 ¥{owed}（{ages}）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/unit_panel.py" line="77"/>
        <source>; late fee ¥{0}</source>
        <translation>；滞纳金 ¥{0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/unit_panel.py" line="80"/>
        <source>Billed, not yet due: ¥{0}</source>
        <translation>已出账未到期：¥{0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/unit_panel.py" line="82"/>
        <source>Credit (prepaid): ¥{0}</source>
        <translation>预收余额：¥{0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/unit_panel.py" line="84"/>
        <source>Last notice: {0}</source>
        <translation>最近通知：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/unit_panel.py" line="86"/>
        <source>Promised to pay by {0}</source>
        <translation>承诺 {0} 前缴费</translation>
    </message>
    <message>
        <location filename="../../ui/fees/unit_panel.py" line="96"/>
        <source>Take payment</source>
        <translation>收费</translation>
    </message>
    <message>
        <location filename="../../ui/fees/unit_panel.py" line="38"/>
        <source>&amp;One-off charge…</source>
        <translation>一次性收费(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>BillingConfirmDialog</name>
    <message>
        <location filename="../../ui/fees/billing_confirm.py" line="33"/>
        <source>Confirm billing {0}</source>
        <translation>确认出账 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_confirm.py" line="38"/>
        <source>Billing {period} will write {n} line(s), ¥{amount} in all.</source>
        <translation>{period} 出账将生成 {n} 条账单，合计 ¥{amount}。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_confirm.py" line="47"/>
        <source>{0} line(s) of this month exist already and are not repeated.</source>
        <translation>本月已有 {0} 条账单，不会重复生成。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_confirm.py" line="62"/>
        <source>These meters have no reading for {0}; their water/electricity is not billed now. You can bill the rest now and the metered items later, once the readings are in (a later run bills only what is missing).</source>
        <translation>以下水电表还没有 {0} 的读数，这些水电费本次不会出账。可以先出其余项目，录入读数后再出水电费（再次出账只补出缺少的部分）。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_confirm.py" line="73"/>
        <source>No rate: {0}</source>
        <translation>未设单价：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_confirm.py" line="76"/>
        <source>&amp;Bill {0} line(s)</source>
        <translation>出账 {0} 条(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_confirm.py" line="79"/>
        <source>Bill all but &amp;water/electricity ({0} line(s))</source>
        <translation>先出水电以外的项目（{0} 条）(&amp;W)</translation>
    </message>
</context>
<context>
    <name>BillingPage</name>
    <message>
        <source>Printing settings…</source>
        <translation>打印设置…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="330"/>
        <source>{0} meter(s) still without a reading.</source>
        <translation>还有 {0} 块表没有读数。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="369"/>
        <source>Water/electricity left for a later run.</source>
        <translation>水电费留待录入读数后再出账。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="68"/>
        <source>Billing run</source>
        <translation>出账</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="70"/>
        <source>&amp;Run billing</source>
        <translation>生成账单(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="76"/>
        <source>Whole estate</source>
        <translation>全小区</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="77"/>
        <source>Print pa&amp;yment notices…</source>
        <translation>打印缴费通知单(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="79"/>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="92"/>
        <source>Rates (a change applies from its date; past bills keep theirs)</source>
        <translation>收费标准（调价自生效日起执行，已出账单不变）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="96"/>
        <location filename="../../ui/fees/billing_page.py" line="158"/>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="97"/>
        <source>From</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="98"/>
        <source>Rate (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="111"/>
        <source>yuan per m², per unit or per m³/kWh</source>
        <translation>元/m²·月、元/户·月或元/吨、元/度</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="112"/>
        <source>Add ra&amp;te</source>
        <translation>添加单价(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="127"/>
        <source>Late fee and reminders</source>
        <translation>滞纳金与催缴</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="128"/>
        <source>Charge a late fee</source>
        <translation>收取滞纳金</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="131"/>
        <source> ‱ per day</source>
        <translation>/天</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="138"/>
        <source>Sa&amp;ve settings</source>
        <translation>保存设置(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="145"/>
        <source>Daily rate:</source>
        <translation>日费率：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="146"/>
        <source>Grace days after due date:</source>
        <translation>到期后宽限天数：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="147"/>
        <source>1st reminder after (days):</source>
        <translation>第一次催缴（逾期天数）：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="148"/>
        <source>2nd reminder after (days):</source>
        <translation>第二次催缴（逾期天数）：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="149"/>
        <source>Final reminder after (days):</source>
        <translation>最后催缴（逾期天数）：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="150"/>
        <source>No reminder below (yuan):</source>
        <translation>欠费低于此金额不催缴（元）：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="154"/>
        <source>Prepayment discounts</source>
        <translation>预缴优惠</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="157"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="159"/>
        <source>Prepay months</source>
        <translation>预缴月数</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="160"/>
        <source>Free months</source>
        <translation>减免月数</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="161"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="161"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="161"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="171"/>
        <source>e.g. prepay a year, one month free</source>
        <translation>如：预缴一年送一月</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="181"/>
        <source>Add &amp;discount</source>
        <translation>添加优惠(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="182"/>
        <source>Switch on/off</source>
        <translation>启用/停用</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="273"/>
        <source>Billed months: {0}</source>
        <translation>已出账月份：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="350"/>
        <source>Billing {0}…</source>
        <translation>正在生成 {0} 账单…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="357"/>
        <source>Billing {0}: {1} unit(s)…</source>
        <translation>正在计费 {0}：已处理 {1} 户…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="363"/>
        <source>{period}: {n} line(s), ¥{amount}.</source>
        <translation>{period}：生成 {n} 条账单，合计 ¥{amount}。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="328"/>
        <location filename="../../ui/fees/billing_page.py" line="367"/>
        <source>{0}: already billed, nothing new.</source>
        <translation>{0}：账单已全部生成，没有新增。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="374"/>
        <source>Billing cancelled; nothing was billed.</source>
        <translation>已取消计费，未生成任何账单。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_page.py" line="453"/>
        <source>Payment notices {0}</source>
        <translation>缴费通知单 {0}</translation>
    </message>
    <message>
        <source>Rate </source>
        <translation>万分之</translation>
    </message>
</context>
<context>
    <name>BillingRunsBox</name>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="130"/>
        <source>Billing runs</source>
        <translation>出账记录</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="134"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="135"/>
        <source>Lines</source>
        <translation>条数</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="136"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="137"/>
        <source>Run by</source>
        <translation>出账人</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="138"/>
        <source>Run at</source>
        <translation>出账时间</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="139"/>
        <source>Reversed by</source>
        <translation>撤销人</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="140"/>
        <source>Reversed at</source>
        <translation>撤销时间</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="141"/>
        <source>Reason</source>
        <translation>撤销原因</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="153"/>
        <source>Reverse r&amp;un…</source>
        <translation>撤销出账(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="207"/>
        <source>Billing run of {0} reversed: {1} line(s) removed.</source>
        <translation>{0} 的出账已撤销：删除了 {1} 条账单。</translation>
    </message>
</context>
<context>
    <name>CashierPage</name>
    <message>
        <location filename="../../ui/fees/cashier.py" line="349"/>
        <source>Enter the amount to collect.</source>
        <translation>请输入收款金额。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="365"/>
        <source>Collect the whole balance of ¥{balance}?</source>
        <translation>收取全部欠款 ¥{balance}？</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="367"/>
        <source>Collect ¥{amount}, more than the whole balance of ¥{balance}?</source>
        <translation>收取 ¥{amount}，超过全部欠款 ¥{balance}（多出部分记为预收）？</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="372"/>
        <source>Collect the whole balance</source>
        <translation>收取全部欠款</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="375"/>
        <source>Amount in words: RMB {words} (¥{amount})</source>
        <translation>金额大写：人民币{words}（¥{amount}）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="98"/>
        <source>Unit code (e.g. 3-2-1502), owner name or phone, then Enter</source>
        <translation>输入房号（如 3-2-1502）、业主姓名或电话，按回车</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="115"/>
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="123"/>
        <source>Transaction reference (transfer, WeChat, Alipay)</source>
        <translation>交易流水号（转账、微信、支付宝）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="127"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="128"/>
        <source>No prepayment</source>
        <translation>不预缴</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="130"/>
        <source>Payer (default: the owner)</source>
        <translation>交款人（默认为业主）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="131"/>
        <source>&amp;Take payment and print receipt</source>
        <translation>收款并打印收据(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="133"/>
        <source>Charge late f&amp;ee</source>
        <translation>计收滞纳金(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="134"/>
        <source>Turn the late fee shown into lines to collect now</source>
        <translation>把显示的滞纳金转为应收账单，现在收取</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="149"/>
        <source>&amp;Unit:</source>
        <translation>房号(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="152"/>
        <source>Am&amp;ount (yuan):</source>
        <translation>金额（元）(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="153"/>
        <source>Pa&amp;yment method:</source>
        <translation>付款方式(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="154"/>
        <source>&amp;Reference:</source>
        <translation>流水号(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="155"/>
        <source>Prepay property fee:</source>
        <translation>预缴物业费：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="156"/>
        <source>Payer:</source>
        <translation>交款人：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="168"/>
        <source>Open lines (Space picks a line; none picked = oldest first):</source>
        <translation>未缴账单（空格键勾选；不勾选则从最早的开始冲抵）：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="241"/>
        <source>No unit matches “{0}”.</source>
        <translation>没有找到与“{0}”相符的房屋。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="259"/>
        <source>Choose the unit</source>
        <translation>选择房屋</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="259"/>
        <source>Several units match:</source>
        <translation>找到多套房屋：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="281"/>
        <source>No unit chosen.</source>
        <translation>未选择房屋。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="287"/>
        <source>Owner: {owner}    Overdue: ¥{owed}    Late fee: ¥{fee}    Credit: ¥{credit}</source>
        <translation>业主：{owner}    逾期欠费：¥{owed}    滞纳金：¥{fee}    预收余额：¥{credit}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="324"/>
        <source>Picked: {n} line(s), ¥{picked}
All open lines: ¥{total}</source>
        <translation>已选：{n} 条，¥{picked}
全部未缴：¥{total}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="342"/>
        <location filename="../../ui/fees/cashier.py" line="465"/>
        <source>Enter a unit code first.</source>
        <translation>请先输入房号。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="443"/>
        <source>Receipt {no}: ¥{amount} taken.</source>
        <translation>收据 {no}：已收 ¥{amount}。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="447"/>
        <source> ¥{credit} kept as credit.</source>
        <translation> ¥{credit} 存为预收款。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="470"/>
        <source>{0} late fee line(s) added.</source>
        <translation>已生成 {0} 条滞纳金账单。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cashier.py" line="493"/>
        <source>Receipt {0}</source>
        <translation>收据 {0}</translation>
    </message>
</context>
<context>
    <name>CatalogueChargeDialog</name>
    <message>
        <location filename="../../ui/fees/catalogue_dialog.py" line="45"/>
        <source>One-off charge</source>
        <translation>一次性收费</translation>
    </message>
    <message>
        <location filename="../../ui/fees/catalogue_dialog.py" line="52"/>
        <source>&amp;Charge:</source>
        <translation>收费项目(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/catalogue_dialog.py" line="53"/>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/catalogue_dialog.py" line="54"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/catalogue_dialog.py" line="62"/>
        <source>&amp;Post charge</source>
        <translation>登记收费(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/catalogue_dialog.py" line="73"/>
        <source>no rate</source>
        <translation>未定价</translation>
    </message>
    <message>
        <location filename="../../ui/fees/catalogue_dialog.py" line="86"/>
        <source>The catalogue is empty: set it up under Fee standards.</source>
        <translation>收费目录为空，请先在“收费标准”中设置。</translation>
    </message>
</context>
<context>
    <name>ClosingPage</name>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="87"/>
        <source>Cashi&amp;er</source>
        <translation>收款人(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="167"/>
        <source>{0} (me)</source>
        <translation>{0}（本人）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="69"/>
        <source>Cash counted in the drawer (yuan)</source>
        <translation>钱箱实点现金（元）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="71"/>
        <source>Explain any difference</source>
        <translation>如有差额请说明</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="74"/>
        <source>Close the &amp;day</source>
        <translation>日结(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="75"/>
        <source>Print daily repo&amp;rt</source>
        <translation>打印收款日报(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="78"/>
        <source>Close the m&amp;onth</source>
        <translation>关账(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="84"/>
        <source>Daily close</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="86"/>
        <source>Da&amp;y</source>
        <translation>日期(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="89"/>
        <source>Cash co&amp;unted</source>
        <translation>实点现金(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="90"/>
        <source>Note</source>
        <translation>差异说明</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="96"/>
        <source>Period close</source>
        <translation>关账</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="98"/>
        <source>Mon&amp;th</source>
        <translation>月份(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="100"/>
        <source>Closed months</source>
        <translation>已关账月份</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="179"/>
        <source>{0} receipts {1}–{2}</source>
        <translation>收据 {0} 张 {1}–{2}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="181"/>
        <source>No receipts</source>
        <translation>当日没有收据</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="183"/>
        <source>Voided that day: {0} ({1})</source>
        <translation>当日作废：{0} 张（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="204"/>
        <source>Cash expected: {0}</source>
        <translation>应有现金：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="187"/>
        <source>Deposits received: {0} ({1})</source>
        <translation>押金收取：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="192"/>
        <source>Deposits refunded: {0} ({1})</source>
        <translation>押金退还：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="197"/>
        <source>Cash expected: {0} (fees {1}, deposits {2})</source>
        <translation>应有现金：{0}（收费 {1}，押金 {2}）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="207"/>
        <source>Closed: counted {0}, difference {1}</source>
        <translation>已日结：实点 {0}，差额 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="214"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/fees/closing_page.py" line="271"/>
        <source>Daily cash report</source>
        <translation>收款日报</translation>
    </message>
</context>
<context>
    <name>CollectionPage</name>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="47"/>
        <source>By building</source>
        <translation>按楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="48"/>
        <source>By item</source>
        <translation>按收费项目</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="49"/>
        <source>Building × item</source>
        <translation>楼栋 × 项目</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="50"/>
        <source>Sho&amp;w</source>
        <translation>查询(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="62"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="63"/>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="64"/>
        <source>Billed</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="65"/>
        <source>Collected</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="66"/>
        <source>Waived</source>
        <translation>减免</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="67"/>
        <source>Rate</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="68"/>
        <source>Arrears at start</source>
        <translation>期初陈欠</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="69"/>
        <source>Arrears collected</source>
        <translation>陈欠收回</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="70"/>
        <source>Arrears rate</source>
        <translation>陈欠收缴率</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="81"/>
        <source>From month:</source>
        <translation>起始月份：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/collection_page.py" line="81"/>
        <source>To month:</source>
        <translation>截止月份：</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="359"/>
        <source>Contact about arrears – {0}</source>
        <translation>催缴记录 – {0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="372"/>
        <source>Promised to pay by</source>
        <translation>承诺缴费日期</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="377"/>
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="378"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="379"/>
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
</context>
<context>
    <name>FeeLabels</name>
    <message>
        <location filename="../../ui/fees/labels.py" line="14"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../ui/fees/labels.py" line="15"/>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location filename="../../ui/fees/labels.py" line="16"/>
        <source>Card</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <location filename="../../ui/fees/labels.py" line="17"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/fees/labels.py" line="18"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../ui/fees/labels.py" line="19"/>
        <source>From credit</source>
        <translation>预收抵扣</translation>
    </message>
</context>
<context>
    <name>FeePrintJob</name>
    <message>
        <location filename="../../ui/fees/print_job.py" line="94"/>
        <source>Preparing {0}…</source>
        <translation>正在生成{0}…</translation>
    </message>
</context>
<context>
    <name>FeesPage</name>
    <message>
        <location filename="../../ui/fees/page.py" line="31"/>
        <source>&amp;Cashier</source>
        <translation>收银台(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="32"/>
        <source>&amp;Arrears</source>
        <translation>欠费(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="33"/>
        <source>Collectio&amp;n rate</source>
        <translation>收缴率(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="34"/>
        <source>&amp;Billing and rates</source>
        <translation>出账与收费标准(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="36"/>
        <source>&amp;Meter readings</source>
        <translation>抄表(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="37"/>
        <source>C&amp;losing</source>
        <translation>关账/日结(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="35"/>
        <source>Fee &amp;standards</source>
        <translation>收费标准(&amp;S)</translation>
    </message>
</context>
<context>
    <name>FeesStatus</name>
    <message>
        <location filename="../../ui/fees/registration.py" line="23"/>
        <source>Arrears &gt;30 days: {n} units, ¥{owed}</source>
        <translation>逾期30天以上：{n} 户，¥{owed}</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/fees/registration.py" line="37"/>
        <source>Fees</source>
        <translation>收费</translation>
    </message>
</context>
<context>
    <name>OpenLinesModel</name>
    <message>
        <location filename="../../ui/fees/lines_model.py" line="39"/>
        <source>Pay</source>
        <translation>收</translation>
    </message>
    <message>
        <location filename="../../ui/fees/lines_model.py" line="40"/>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location filename="../../ui/fees/lines_model.py" line="41"/>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <location filename="../../ui/fees/lines_model.py" line="42"/>
        <source>Due date</source>
        <translation>应缴日期</translation>
    </message>
    <message>
        <location filename="../../ui/fees/lines_model.py" line="43"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/fees/lines_model.py" line="44"/>
        <source>Owed</source>
        <translation>欠费</translation>
    </message>
    <message>
        <location filename="../../ui/fees/lines_model.py" line="45"/>
        <source>Overdue days</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/fees/lines_model.py" line="46"/>
        <source>Late fee</source>
        <translation>滞纳金</translation>
    </message>
</context>
<context>
    <name>ReadingsModel</name>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="80"/>
        <source>Meter</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="81"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="82"/>
        <source>Last reading</source>
        <translation>上期读数</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="83"/>
        <source>Consumption</source>
        <translation>用量</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="84"/>
        <source>This reading</source>
        <translation>本期读数</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="85"/>
        <source>Roll-over</source>
        <translation>翻零</translation>
    </message>
</context>
<context>
    <name>ReadingsPage</name>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="274"/>
        <source>Water</source>
        <translation>水表</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="275"/>
        <source>Electricity</source>
        <translation>电表</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="291"/>
        <source>Loa&amp;d</source>
        <translation>载入(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="292"/>
        <source>Meter &amp;replaced…</source>
        <translation>换表(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="293"/>
        <source>Blank shee&amp;t…</source>
        <translation>空白抄表单(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="294"/>
        <source>Import from &amp;Excel…</source>
        <translation>从 Excel 导入(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="296"/>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="338"/>
        <source>Meter replaced – {0}</source>
        <translation>换表 – {0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="341"/>
        <source>Old meter&apos;s final reading:</source>
        <translation>旧表止码：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="342"/>
        <source>New meter&apos;s initial reading:</source>
        <translation>新表起码：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="343"/>
        <source>New meter&apos;s reading now:</source>
        <translation>新表本期读数：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="387"/>
        <source>Blank reading sheet</source>
        <translation>空白抄表单</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="400"/>
        <location filename="../../ui/fees/readings_page.py" line="432"/>
        <source>Import readings</source>
        <translation>导入抄表数据</translation>
    </message>
    <message>
        <location filename="../../ui/fees/readings_page.py" line="428"/>
        <source>{0} reading(s) imported.</source>
        <translation>已导入 {0} 条读数。</translation>
    </message>
</context>
<context>
    <name>ReverseRunDialog</name>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="54"/>
        <source>Reverse billing run of {0}</source>
        <translation>撤销 {0} 的出账</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="58"/>
        <source>Billing run of {period} by {who} on {when}: {n} line(s), ¥{amount}. Its bill lines are removed and credit it used goes back to the units; a run with payments or waivers cannot be reversed.</source>
        <translation>{period} 的出账（{who}，{when}）：{n} 条账单，合计 ¥{amount}。撤销后这些账单将被删除，被抵扣的预收款退回各户；已有收款、减免或滞纳金的出账不能撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="73"/>
        <source>e.g. wrong month, wrong rates</source>
        <translation>例如：月份选错、单价有误</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="75"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/billing_runs.py" line="84"/>
        <source>Re&amp;verse run</source>
        <translation>撤销出账(&amp;V)</translation>
    </message>
</context>
<context>
    <name>StandardsPage</name>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="89"/>
        <source>Per m² of area</source>
        <translation>按面积（每平方米）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="90"/>
        <source>Per unit</source>
        <translation>按户</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="91"/>
        <source>Per parking space</source>
        <translation>按车位</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="92"/>
        <source>By meter reading</source>
        <translation>按抄表读数</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="93"/>
        <source>Fixed monthly amount</source>
        <translation>每月定额</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="94"/>
        <source>One-off</source>
        <translation>一次性</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="97"/>
        <source>To the fen</source>
        <translation>四舍五入到分</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="98"/>
        <source>To the jiao</source>
        <translation>四舍五入到角</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="99"/>
        <source>To the yuan</source>
        <translation>四舍五入到元</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="103"/>
        <source>Fee items</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="106"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="107"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="108"/>
        <source>Charged</source>
        <translation>计费方式</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="109"/>
        <source>Vacant discount</source>
        <translation>空置优惠</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="110"/>
        <source>Rounding</source>
        <translation>取整</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="111"/>
        <source>Catalogue</source>
        <translation>收费目录</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="111"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="122"/>
        <source>e.g. property services, energy, parking</source>
        <translation>例如：物业服务、公共能耗、停车</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="133"/>
        <source>Offer in the cashier&apos;s catalogue</source>
        <translation>放入收银台的一次性收费目录</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="134"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="135"/>
        <source>Ca&amp;tegory:</source>
        <translation>类别(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="136"/>
        <source>Charged:</source>
        <translation>计费方式：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="138"/>
        <source>&amp;Vacant unit discount:</source>
        <translation>空置房优惠(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="140"/>
        <source>Rounding:</source>
        <translation>取整方式：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="143"/>
        <source>New item</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="144"/>
        <source>Save item</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="162"/>
        <source>Rates of the selected item (the most specific matching rate applies)</source>
        <translation>所选项目的单价（按最具体的适用范围取价）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="167"/>
        <source>From</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="168"/>
        <source>Rate (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="169"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="169"/>
        <location filename="../../ui/fees/standards_page.py" line="386"/>
        <location filename="../../ui/fees/standards_page.py" line="390"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="170"/>
        <source>Unit type</source>
        <translation>房屋类型</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="171"/>
        <source>Floors</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="181"/>
        <source>yuan per m², unit, space, m³/kWh or charge</source>
        <translation>元/平方米、户、车位、吨/度或每次</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="183"/>
        <source>Any building</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="185"/>
        <source>Any unit type</source>
        <translation>全部房屋类型</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="191"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="197"/>
        <source>From:</source>
        <translation>生效日期：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="198"/>
        <source>Rat&amp;e (yuan):</source>
        <translation>单价（元）(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="199"/>
        <source>B&amp;uilding:</source>
        <translation>楼栋(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="200"/>
        <source>Unit t&amp;ype:</source>
        <translation>房屋类型(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="201"/>
        <source>Fl&amp;oors (from, to):</source>
        <translation>楼层（起、止）(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="203"/>
        <source>A&amp;dd rate</source>
        <translation>添加单价(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="378"/>
        <source>Residence</source>
        <translation>住宅</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="379"/>
        <source>Shop</source>
        <translation>商铺</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="380"/>
        <source>Office</source>
        <translation>办公</translation>
    </message>
    <message>
        <location filename="../../ui/fees/standards_page.py" line="381"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <location filename="../../ui/fees/statement.py" line="146"/>
        <source>Delivered as</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="147"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="74"/>
        <location filename="../../ui/fees/statement.py" line="237"/>
        <source>Account statement – {0}</source>
        <translation>对账单 – {0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="79"/>
        <source>Item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="80"/>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="81"/>
        <source>Due date</source>
        <translation>应缴日期</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="82"/>
        <location filename="../../ui/fees/statement.py" line="95"/>
        <location filename="../../ui/fees/statement.py" line="113"/>
        <location filename="../../ui/fees/statement.py" line="144"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="83"/>
        <source>Paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="84"/>
        <source>Waived</source>
        <translation>减免</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="85"/>
        <source>Owed</source>
        <translation>欠费</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="86"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="93"/>
        <source>Receipt</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="94"/>
        <location filename="../../ui/fees/statement.py" line="111"/>
        <location filename="../../ui/fees/statement.py" line="122"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="96"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="97"/>
        <source>Reference</source>
        <translation>流水号</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="98"/>
        <source>To credit</source>
        <translation>存预收</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="99"/>
        <source>Taken by</source>
        <translation>收款人</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="101"/>
        <source>Voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="286"/>
        <source>Voided: {0}</source>
        <translation>已作废：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="283"/>
        <source>Voided: {0} (approved by {1})</source>
        <translation>已作废：{0}（授权人：{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="112"/>
        <source>Movement</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="114"/>
        <source>Credit after</source>
        <translation>变动后预收</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="115"/>
        <source>Detail</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="123"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="124"/>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="125"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="127"/>
        <source>Promised by</source>
        <translation>承诺日期</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="131"/>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="139"/>
        <source>Sent</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="143"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="145"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="157"/>
        <source>&amp;Reprint receipt</source>
        <translation>补打收据(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="158"/>
        <source>&amp;Void receipt…</source>
        <translation>作废收据(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="161"/>
        <source>Re&amp;fund credit…</source>
        <translation>退预收款(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="164"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="176"/>
        <source>Bill lines</source>
        <translation>账单明细</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="180"/>
        <source>Receipts</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="183"/>
        <source>Credit and refunds</source>
        <translation>预收款与退款</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="190"/>
        <source>Calls and visits</source>
        <translation>电话与上门记录</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="195"/>
        <source>Notices and reminder letters</source>
        <translation>缴费通知与催缴函</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="245"/>
        <source>Billed ¥{b}   Paid ¥{p}   Waived ¥{w}   Owed ¥{o}   Credit ¥{c}   Refunded ¥{r}</source>
        <translation>应收 ¥{b}   已缴 ¥{p}   减免 ¥{w}   欠费 ¥{o}   预收 ¥{c}   已退款 ¥{r}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="259"/>
        <location filename="../../ui/fees/statement.py" line="263"/>
        <source>Refund credit</source>
        <translation>退预收款</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="259"/>
        <source>Amount to refund (yuan):</source>
        <translation>退款金额（元）：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="263"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/statement.py" line="302"/>
        <source>Receipt {0}</source>
        <translation>收据 {0}</translation>
    </message>
</context>
<context>
    <name>VoidReceiptDialog</name>
    <message>
        <location filename="../../ui/fees/void_dialog.py" line="50"/>
        <source>Void receipt {0}</source>
        <translation>作废收据 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/fees/void_dialog.py" line="54"/>
        <source>The receipt is kept, marked void</source>
        <translation>收据保留，标记为作废</translation>
    </message>
    <message>
        <location filename="../../ui/fees/void_dialog.py" line="56"/>
        <source>&amp;Reason:</source>
        <translation>作废原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/void_dialog.py" line="64"/>
        <source>Supervisor authorisation: a supervisor, manager or finance user enters their username and password.</source>
        <translation>主管授权：请主管、经理或财务人员在此输入本人的用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/fees/void_dialog.py" line="75"/>
        <source>Supervisor &amp;username:</source>
        <translation>授权人用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/void_dialog.py" line="76"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/void_dialog.py" line="88"/>
        <source>&amp;Void receipt</source>
        <translation>作废收据(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/void_dialog.py" line="108"/>
        <source>Please enter the reason for voiding.</source>
        <translation>请填写作废原因。</translation>
    </message>
</context>
<context>
    <name>WaiveDialog</name>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="422"/>
        <source>Waive arrears</source>
        <translation>减免欠费</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="425"/>
        <source>Part of the amount owed</source>
        <translation>减免部分欠费</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="426"/>
        <source>The whole late fee</source>
        <translation>免除全部滞纳金</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="436"/>
        <source>Line:</source>
        <translation>账单：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="437"/>
        <source>Waive:</source>
        <translation>减免：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="438"/>
        <source>Amount (yuan):</source>
        <translation>金额（元）：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="439"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../ui/fees/arrears_page.py" line="443"/>
        <source>A waiver needs a manager: they enter their username and password.</source>
        <translation>减免须经经理批准：请经理输入用户名和密码授权。</translation>
    </message>
</context>
<context>
    <name>PrintSettingsDialog</name>
    <message>
        <source>Printing settings</source>
        <translation>打印设置</translation>
    </message>
    <message>
        <source>e.g. 翠物催字 (empty: from the estate name)</source>
        <translation>例如 翠物催字（留空则取小区名首字）</translation>
    </message>
    <message>
        <source>One account per line: bank, name, number</source>
        <translation>每行一个账户：开户行、户名、账号</translation>
    </message>
    <message>
        <source>&amp;Letter number prefix:</source>
        <translation>催缴函编号前缀(&amp;L)：</translation>
    </message>
    <message>
        <source>Days between reminder le&amp;vels:</source>
        <translation>两级催缴间隔天数(&amp;V)：</translation>
    </message>
    <message>
        <source>Payment &amp;accounts:</source>
        <translation>收款账户(&amp;A)：</translation>
    </message>
    <message>
        <source>Payment &amp;QR code link:</source>
        <translation>缴费二维码链接(&amp;Q)：</translation>
    </message>
    <message>
        <source>Receipt &amp;copies:</source>
        <translation>收据联次(&amp;C)：</translation>
    </message>
    <message>
        <source>Supervision &amp;hotline:</source>
        <translation>监督电话(&amp;H)：</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Confirm delivery – {0}</source>
        <translation>登记送达 – {0}</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>文书(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>送达方式(&amp;H)：</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>日期(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Number (if any):</source>
        <translation>文号（如有）(&amp;N)：</translation>
    </message>
</context>
</TS>
