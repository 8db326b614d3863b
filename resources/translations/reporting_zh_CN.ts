<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard/page.py" line="106" />
        <source>Tickets this month</source>
        <translation>本月工单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="112" />
        <source>SLA hit rate</source>
        <translation>完成时限达标率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="118" />
        <source>Avg. response (min)</source>
        <translation>平均响应（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="128" />
        <source>Callback satisfaction</source>
        <translation>回访满意度</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="134" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="140" />
        <source>Open renovation violations</source>
        <translation>未整改装修违规</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="146" />
        <source>Patrol completion</source>
        <translation>巡查完成率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="152" />
        <source>Patrol anomalies</source>
        <translation>巡查异常</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="158" />
        <source>Parcels waiting</source>
        <translation>待取快递</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="164" />
        <source>Keys lent late</source>
        <translation>钥匙逾期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="170" />
        <source>Collection rate</source>
        <translation>收缴率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="176" />
        <location filename="../../ui/dashboard/page.py" line="370" />
        <source>Arrears</source>
        <translation>欠费</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="217" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="220" />
        <source>Month of the monthly management report</source>
        <translation>管理月报的月份</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="221" />
        <source>Monthly &amp;report (PDF)…</source>
        <translation>管理月报 PDF(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="223" />
        <source>E&amp;xport to Excel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="225" />
        <source>Report &amp;month:</source>
        <translation>月报月份(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="252" />
        <source>Open the list behind this figure</source>
        <translation>打开这个数字背后的清单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="258" />
        <source>Tickets by kind</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="261" />
        <source>Callback ratings (1–5)</source>
        <translation>回访满意度分布（1–5 分）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="264" />
        <location filename="../../ui/dashboard/page.py" line="360" />
        <source>Billed vs collected by building (yuan)</source>
        <translation>各楼栋应收与实收（元）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="268" />
        <source>Arrears ageing (yuan)</source>
        <translation>欠费账龄（元）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="322" />
        <source>Management dashboard · %1</source>
        <translation>经营看板 · %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="323" />
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="333" />
        <source>Could not compute the figures: %1</source>
        <translation>无法计算数据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="345" />
        <source>Callbacks</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="356" />
        <source>Billed vs collected: the %1 buildings with the lowest rate (yuan)</source>
        <translation>收缴率最低的 %1 栋：应收与实收（元）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="364" />
        <source>Billed</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="365" />
        <source>Collected</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="437" />
        <source>Monthly report %1</source>
        <translation>管理月报 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="461" />
        <location filename="../../ui/dashboard/page.py" line="481" />
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="470" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="473" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="483" />
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/notices/page.py" line="378" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="379" />
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="380" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="381" />
        <source>Posted to</source>
        <translation>张贴范围</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="382" />
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="383" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="384" />
        <source>By</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/dashboard/registration.py" line="19" />
        <source>Dashboard</source>
        <translation>经营看板</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/registration.py" line="25" />
        <source>Notices</source>
        <translation>通知公告</translation>
    </message>
</context>
<context>
    <name>NoticeForm</name>
    <message>
        <location filename="../../ui/notices/page.py" line="85" />
        <source>&amp;Edit template…</source>
        <translation>编辑模板(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="89" />
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="99" />
        <source>Whole estate (one notice)</source>
        <translation>全小区（一份）</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="100" />
        <source>One per building</source>
        <translation>每栋一份</translation>
    </message>
    <message>
        <source>One per chosen building</source>
        <translation>所选楼栋各一份</translation>
    </message>
    <message>
        <source>&amp;Buildings:</source>
        <translation>楼栋(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="110" />
        <source>&amp;Post to:</source>
        <translation>张贴范围(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="111" />
        <source>&amp;Copies each:</source>
        <translation>每处份数(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="112" />
        <source>Notice &amp;date:</source>
        <translation>落款日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="118" />
        <source>&amp;Print and record</source>
        <translation>打印并登记(&amp;P)</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <location filename="../../ui/notices/page.py" line="474" />
        <source>&amp;New notice</source>
        <translation>新通知(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="475" />
        <source>&amp;History</source>
        <translation>张贴记录(&amp;H)</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../ui/notices/page.py" line="325" />
        <source>Edit notice template</source>
        <translation>编辑通知模板</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="332" />
        <source>Fields: %1</source>
        <translation>可用字段：%1</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="344" />
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="345" />
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/notices/page.py" line="346" />
        <source>&amp;Body:</source>
        <translation>正文(&amp;B)：</translation>
    </message>
</context>
</TS>