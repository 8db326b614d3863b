<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard/page.py" line="130" />
        <source>SLA hit rate</source>
        <translation>完成时限达标率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="136" />
        <source>Avg. response (min)</source>
        <translation>平均响应（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="146" />
        <source>Callback satisfaction</source>
        <translation>回访满意度</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="152" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="158" />
        <source>Open renovation violations</source>
        <translation>未整改装修违规</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="164" />
        <source>Patrol completion</source>
        <translation>巡查完成率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="170" />
        <source>Patrol anomalies</source>
        <translation>巡查异常</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="176" />
        <source>Parcels waiting</source>
        <translation>待取快递</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="182" />
        <source>Keys lent late</source>
        <translation>钥匙逾期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="188" />
        <source>Collection rate</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="194" />
        <location filename="../../ui/dashboard/page.py" line="444" />
        <source>Arrears</source>
        <translation>欠费</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="237" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="243" />
        <source>M&amp;onthly report (PDF)…</source>
        <translation>管理月报 PDF(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="245" />
        <source>E&amp;xport to Excel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="280" />
        <source>Open the list behind this figure</source>
        <translation>打开这个数字背后的清单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="286" />
        <source>Tickets by kind</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="289" />
        <source>Callback ratings (1–5)</source>
        <translation>回访满意度分布（1–5 分）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="292" />
        <location filename="../../ui/dashboard/page.py" line="434" />
        <source>Billed vs collected by building (yuan)</source>
        <translation>各楼栋应收与实收（元）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="296" />
        <source>Arrears ageing (yuan)</source>
        <translation>欠费账龄（元）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="339" />
        <source>Last %1 days</source>
        <translation>近 %1 天</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="371" />
        <source>last %1 days (%2 – %3)</source>
        <translation>近 %1 天（%2 – %3）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="377" />
        <source>Management dashboard · %1</source>
        <translation>经营看板 · %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="378" />
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="401" />
        <source>Could not compute the figures: %1</source>
        <translation>无法计算数据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="419" />
        <source>Callbacks</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="430" />
        <source>Billed vs collected: the %1 buildings with the lowest rate (yuan)</source>
        <translation>收缴率最低的 %1 栋：应收与实收（元）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="438" />
        <source>Billed</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="439" />
        <source>Collected</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="497" />
        <source>Monthly report %1</source>
        <translation>管理月报 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="541" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="520" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="124" />
        <source>Tickets registered</source>
        <translation>受理工单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="182"/>
        <source>Calls received</source>
        <translation>来电数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="188"/>
        <source>First-call resolution</source>
        <translation>一次解决率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="241" />
        <source>What the figures and the report cover: a month or the last 30 days</source>
        <translation>数字和报表的统计范围：某个月或近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="247" />
        <source>Summar&amp;y &amp;&amp; plan…</source>
        <translation>总结与计划(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="249" />
        <source>The month's written summary, problems and next month's plan</source>
        <translation>本月工作总结、存在问题和下月工作计划</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="252" />
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="523" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="69" />
        <source>E&amp;xport fee sheet…</source>
        <extracomment>Where the folder of the last export is kept. Rows between two progress reports (and Cancel checks).</extracomment>
        <translation>导出收费明细表(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="71" />
        <source>Every bill line of these months with its receipt, as an Excel workbook</source>
        <translation>所选月份的每一笔账单及其收据，导出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="77" />
        <source>Call list…</source>
        <translation>催缴电话清单…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="78" />
        <source>Who to call in each unit in arrears, as an Excel workbook</source>
        <translation>每户欠费的联系人和电话，导出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="114" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="157" />
        <source>Export fee collection sheet</source>
        <translation>导出收费明细表</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="168" />
        <location filename="../../ui/dashboard/exports.py" line="211" />
        <source>Lines written</source>
        <translation>已写入行数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="175" />
        <source>Exported %1 lines to %2 (billed ¥%3, collected ¥%4).</source>
        <translation>已导出 %1 行到 %2（应收 ¥%3，实收 ¥%4）。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="201" />
        <source>Export arrears sheet</source>
        <translation>导出欠费明细表</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="217" />
        <source>Exported %1 overdue lines to %2 (¥%3 owed).</source>
        <translation>已导出 %1 行欠费到 %2（欠费 ¥%3）。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="241" />
        <source>Export arrears call list</source>
        <translation>导出欠费催缴电话清单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="251" />
        <source>Units written</source>
        <translation>已写入户数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="255" />
        <source>Exported %1 units in arrears to %2.</source>
        <translation>已导出 %1 户欠费到 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="276" />
        <source>Export prepaid balances</source>
        <translation>导出预收余额表</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="286" />
        <source>Exported %1 units with prepaid credit to %2 (¥%3 in all).</source>
        <translation>已导出 %1 户预收余额到 %2（合计 ¥%3）。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="311" />
        <source>Fee collection sheet</source>
        <translation>收费明细表</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="315" />
        <source>One sheet per building</source>
        <translation>每栋一个工作表</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="321" />
        <source>From month:</source>
        <translation>起始月份：</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="322" />
        <source>To month:</source>
        <translation>截止月份：</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="349" />
        <source>The last month is before the first.</source>
        <translation>截止月份早于起始月份。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="365" />
        <source>As of:</source>
        <translation>截至日期：</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="397" />
        <source>Arrears sheet</source>
        <translation>欠费明细表</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/exports.py" line="404" />
        <source>Arrears call list</source>
        <translation>欠费催缴电话清单</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/notices/page.py" line="492" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="493" />
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="494" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="495" />
        <source>Posted to</source>
        <translation>张贴范围</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="496" />
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="497" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="498" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>MenuAction</name>
    <message>
        <location filename="../../ui/dashboard/registration.py" line="34" />
        <source>Fee collection sheet (Excel)…</source>
        <translation>收费明细表（Excel）…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/registration.py" line="35" />
        <source>Arrears sheet (Excel)…</source>
        <translation>欠费明细表（Excel）…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/registration.py" line="36" />
        <source>Arrears call list (Excel)…</source>
        <translation>欠费催缴电话清单（Excel）…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/registration.py" line="37" />
        <source>Prepaid balances (Excel)…</source>
        <translation>预收余额表（Excel）…</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/dashboard/registration.py" line="20" />
        <source>Dashboard</source>
        <translation>经营看板</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/registration.py" line="26" />
        <source>Notices</source>
        <translation>通知公告</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <location filename="../../ui/dashboard/notes.py" line="43" />
        <source>Monthly report %1: summary and plan</source>
        <translation>管理月报 %1：总结与计划</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/notes.py" line="53" />
        <source>Work &amp;summary:</source>
        <translation>工作总结(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/notes.py" line="54" />
        <source>P&amp;roblems:</source>
        <translation>存在问题(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/notes.py" line="55" />
        <source>&amp;Next month's plan:</source>
        <translation>下月工作计划(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/notes.py" line="84" />
        <source>Last saved by %1</source>
        <translation>最后保存：%1</translation>
    </message>
</context>
<context>
    <name>NoticeForm</name>
    <message>
        <location filename="../../ui/notices/page.py" line="97" />
        <source>&amp;Edit template…</source>
        <translation>编辑模板(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="101" />
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="111" />
        <source>Whole estate (one notice)</source>
        <translation>全小区（一份）</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="112" />
        <source>One per chosen building</source>
        <translation>所选楼栋各一份</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="130" />
        <source>&amp;Buildings:</source>
        <translation>楼栋(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="129" />
        <source>Po&amp;st to:</source>
        <translation>张贴范围(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="131" />
        <source>&amp;Copies each:</source>
        <translation>每处份数(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="132" />
        <source>N&amp;otice date:</source>
        <translation>落款日期(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="138" />
        <source>Print and &amp;record</source>
        <translation>打印并登记(&amp;R)</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <location filename="../../ui/notices/page.py" line="605" />
        <source>&amp;New notice</source>
        <translation>新通知(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="606" />
        <source>Histor&amp;y</source>
        <translation>张贴记录(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../ui/notices/page.py" line="433" />
        <source>Edit notice template</source>
        <translation>编辑通知模板</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="440" />
        <source>Fields: %1</source>
        <translation>可用字段：%1</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="453" />
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="454" />
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="455" />
        <source>&amp;Body:</source>
        <translation>正文(&amp;B)：</translation>
    </message>
</context>
</TS>