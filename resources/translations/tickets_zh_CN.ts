<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="161" />
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="165" />
        <source>The problem is &amp;fixed</source>
        <translation>问题已解决(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="168" />
        <source>&amp;Overall (1–5)</source>
        <translation>总体评价(&amp;O)（1–5）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="169" />
        <source>&amp;Speed (1–5)</source>
        <translation>处理速度(&amp;S)（1–5）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="170" />
        <source>&amp;Attitude (1–5)</source>
        <translation>服务态度(&amp;A)（1–5）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="172" />
        <source>&amp;Comment</source>
        <translation>意见(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="207" />
        <source>&amp;Yes, fixed</source>
        <translation>是，已解决(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="208" />
        <source>&amp;No, not fixed</source>
        <translation>否，未解决(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="229" />
        <source>Problem fixed?</source>
        <translation>问题是否已解决</translation>
    </message>
</context>
<context>
    <name>CallbackQueue</name>
    <message>
        <location filename="../../work/main/ui/tickets/queues.py" line="90" />
        <source>&amp;Call back selected…</source>
        <translation>回访所选工单(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/queues.py" line="100" />
        <source>%1 tickets wait for a callback (oldest first)</source>
        <translation>%1 张工单待回访（最早完工的在前）</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="158" />
        <source>Offered at intake</source>
        <translation>受理时可选</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="161" />
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="162" />
        <source>Default &amp;department</source>
        <translation>默认部门(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="165" />
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="166" />
        <source>&amp;Save category</source>
        <translation>保存分类(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="193" />
        <source>hidden</source>
        <translation>已隐藏</translation>
    </message>
</context>
<context>
    <name>ComplaintStatsView</name>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="112" />
        <source>This &amp;year</source>
        <translation>本年(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="114" />
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="118" />
        <source>Registered from</source>
        <translation>受理日期从</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="120" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="125" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="126" />
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="127" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="131" />
        <source>By category</source>
        <translation>按分类</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="132" />
        <source>By responsible department</source>
        <translation>按责任部门</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="133" />
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="160" />
        <source>%1 complaints in the range (cancelled ones not counted)</source>
        <translation>期间共 %1 件投诉（不含已取消）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="182" />
        <source>Complaint statistics</source>
        <translation>投诉分类统计</translation>
    </message>
</context>
<context>
    <name>CloseComplaintDialog</name>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="326" />
        <source>Close complaint</source>
        <translation>关闭投诉</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="329" />
        <source>Close &amp;note</source>
        <translation>关闭备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>CostsDialog</name>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="284" />
        <source>Paid-service costs</source>
        <translation>有偿服务费用</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="290" />
        <source>Charge the resident (paid service)</source>
        <translation>向住户收费（有偿服务）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="301" />
        <source>&amp;Add line</source>
        <translation>添加明细(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="304" />
        <source>&amp;Remove line</source>
        <translation>删除明细(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="314" />
        <source>New line</source>
        <translation>新明细</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="315" />
        <source>Lines</source>
        <translation>费用明细</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="326" />
        <source>Enter what the line is for.</source>
        <translation>请填写项目名称。</translation>
    </message>
</context>
<context>
    <name>DeskRulesTab</name>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="359" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="362" />
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="370" />
        <source>&amp;Repeat complaint within</source>
        <translation>重复投诉判定期(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="372" />
        <source>&amp;Due soon within</source>
        <translation>即将到期提醒(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="374" />
        <source>&amp;Holidays (YYYY-MM-DD, one per line)</source>
        <translation>节假日(&amp;H)（YYYY-MM-DD，每行一个）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="376" />
        <source>&amp;Weekend working days (调休)</source>
        <translation>调休上班日(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="377" />
        <source>&amp;Save desk rules</source>
        <translation>保存规则(&amp;S)</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="97" />
        <source>Dispatch</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="111" />
        <source>Department: %1</source>
        <translation>部门：%1</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="117" />
        <source>&amp;Assign to</source>
        <translation>派给(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="118" />
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>DueView</name>
    <message>
        <location filename="../../work/main/ui/tickets/queues.py" line="76" />
        <source>%1 overdue, %2 due within %3 hours (done deadline first)</source>
        <translation>已超时 %1 张，%3 小时内到期 %2 张（按完成时限排序）</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="220" />
        <source>Complaint findings</source>
        <translation>投诉处理结论</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="222" />
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="230" />
        <source>Not decided</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="231" />
        <source>Valid</source>
        <translation>成立</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="232" />
        <source>Not valid</source>
        <translation>不成立</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="242" />
        <source>Responsible &amp;department</source>
        <translation>责任部门(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="244" />
        <source>&amp;Valid</source>
        <translation>是否成立(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="245" />
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="246" />
        <source>Root &amp;cause</source>
        <translation>根本原因(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="247" />
        <source>Re&amp;solution</source>
        <translation>处理结果(&amp;S)</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="64" />
        <source>Register a ticket</source>
        <translation>受理登记</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="74" />
        <source>Unit 3-2-1502, name, phone digits or pinyin; Enter picks</source>
        <translation>房号 3-2-1502、姓名、电话后四位或拼音首字母，回车选中</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="76" />
        <source>No unit or person chosen</source>
        <translation>未选择房屋或住户</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="85" />
        <source>What is wrong, where, since when (Ctrl+Enter saves)</source>
        <translation>什么问题、在哪里、从何时开始（Ctrl+Enter 保存）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="93" />
        <source>Public area, e.g. Building 1 lobby (when no unit)</source>
        <translation>公共区域，如 1号楼大堂（无房屋时填写）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="98" />
        <source>Paid service (labour and materials charged)</source>
        <translation>有偿服务（收取人工和材料费）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="108" />
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="109" />
        <source>&amp;Unit / person</source>
        <translation>房屋/住户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="111" />
        <source>&amp;Category</source>
        <translation>分类(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="112" />
        <source>U&amp;rgency</source>
        <translation>紧急程度(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="113" />
        <source>&amp;Description</source>
        <translation>问题描述(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="114" />
        <source>&amp;Source</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="115" />
        <source>Public &amp;area</source>
        <translation>公共区域(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="116" />
        <source>Re&amp;porter</source>
        <translation>报事人(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="117" />
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="119" />
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="188" />
        <source>no current unit</source>
        <translation>无在住房屋</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="239" />
        <source>Response by %1, done by %2</source>
        <translation>响应时限 %1，完成时限 %2</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/intake.py" line="247" />
        <source>Repeat complaint: the same unit or place complained recently (%1)</source>
        <translation>重复投诉：该房屋或地点近期已有投诉（%1）</translation>
    </message>
</context>
<context>
    <name>QualityCheckDialog</name>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="201" />
        <source>Quality check</source>
        <translation>质检</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="202" />
        <source>&amp;Passed</source>
        <translation>合格(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="206" />
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ServiceDesk</name>
    <message>
        <location filename="../../work/main/ui/tickets/module.py" line="71" />
        <source>Overdue tickets: %1</source>
        <translation>超时工单：%1</translation>
    </message>
</context>
<context>
    <name>RatingBox</name>
    <message>
        <location filename="../../work/main/ui/tickets/action_dialogs.py" line="180" />
        <source>not rated</source>
        <translation>未评分</translation>
    </message>
</context>
<context>
    <name>ServiceDeskPage</name>
    <message>
        <location filename="../../work/main/ui/tickets/module.py" line="30" />
        <source>Ticket board</source>
        <translation>工单看板</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/module.py" line="32" />
        <source>Due soon / overdue</source>
        <translation>即将到期/已超时</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/module.py" line="33" />
        <source>Callbacks</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/module.py" line="34" />
        <source>Complaint statistics</source>
        <translation>投诉分类统计</translation>
    </message>
</context>
<context>
    <name>ServiceDeskSettingsDialog</name>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="417" />
        <source>Service desk settings</source>
        <translation>报事报修设置</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="424" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="425" />
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="426" />
        <source>Deadlines (SLA)</source>
        <translation>时限（SLA）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="427" />
        <source>Desk rules</source>
        <translation>客服规则</translation>
    </message>
</context>
<context>
    <name>SlaTab</name>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="246" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="249" />
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="252" />
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="255" />
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="256" />
        <source>&amp;Category</source>
        <translation>分类(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="257" />
        <source>&amp;Urgency</source>
        <translation>紧急程度(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="258" />
        <source>&amp;Response within</source>
        <translation>响应时限(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="259" />
        <source>Done within (hours)</source>
        <translation>完成时限（小时）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="260" />
        <source>…or working days</source>
        <translation>…或工作日</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="262" />
        <source>Working days are Monday to Friday, minus the holidays on the Desk rules tab.</source>
        <translation>工作日为周一至周五，扣除“客服规则”中的节假日。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="265" />
        <source>&amp;Save rule</source>
        <translation>保存规则(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="266" />
        <source>&amp;Remove category rule</source>
        <translation>删除分类规则(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="290" />
        <source>(all categories of this kind)</source>
        <translation>（该类型所有分类）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="297" />
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="300" />
        <source>%1 working days</source>
        <translation>%1 个工作日</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="62" />
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="66" />
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="67" />
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="68" />
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="71" />
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="72" />
        <source>&amp;Save staff member</source>
        <translation>保存员工(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/settings_dialog.py" line="94" />
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>StatLinesModel</name>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="84" />
        <source>Complaints</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="85" />
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="86" />
        <source>Valid</source>
        <translation>成立数</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="87" />
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="88" />
        <source>Avg. hours to done</source>
        <translation>平均处理时长（小时）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/stats_view.py" line="89" />
        <source>Satisfaction (1–5)</source>
        <translation>满意度（1–5）</translation>
    </message>
</context>
<context>
    <name>TicketActions</name>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="47" />
        <source>Registered</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="48" />
        <source>Dispatched</source>
        <translation>派工</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="49" />
        <source>Started</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="50" />
        <source>Completed</source>
        <translation>完工</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="51" />
        <source>Called back</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="52" />
        <source>Reopened after callback</source>
        <translation>回访不满意，重新派工</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="53" />
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="54" />
        <source>Cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="55" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="56" />
        <source>Quality check</source>
        <translation>质检</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="57" />
        <source>Complaint findings</source>
        <translation>投诉处理结论</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="58" />
        <source>Paid-service costs</source>
        <translation>有偿服务费用</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="59" />
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>TicketBoard</name>
    <message>
        <location filename="../../work/main/ui/tickets/board.py" line="57" />
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/board.py" line="61" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/board.py" line="62" />
        <source>Open (not done)</source>
        <translation>未完工</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/board.py" line="67" />
        <source>&amp;Overdue only</source>
        <translation>只看超时(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/board.py" line="68" />
        <source>&amp;Registered</source>
        <translation>受理日期(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/board.py" line="77" />
        <source>Number, unit, reporter, place or description</source>
        <translation>单号、房号、报事人、地点或描述</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/board.py" line="79" />
        <source>&amp;New ticket (F2)</source>
        <translation>新建工单(&amp;N)（F2）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/board.py" line="147" />
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/board.py" line="151" />
        <source>Anyone</source>
        <translation>全部处理人</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/board.py" line="206" />
        <source>All %1</source>
        <translation>全部 %1</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/board.py" line="211" />
        <source>Overdue %1</source>
        <translation>超时 %1</translation>
    </message>
</context>
<context>
    <name>TicketHistoryPanel</name>
    <message>
        <location filename="../../work/main/ui/tickets/panels.py" line="34" />
        <source>New ticket for this %1…</source>
        <translation>为该%1新建工单…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/panels.py" line="35" />
        <source>unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/panels.py" line="35" />
        <source>person</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/panels.py" line="63" />
        <source>Service tickets (%1)</source>
        <translation>报事报修记录（%1）</translation>
    </message>
    <message>
        <source>No service tickets yet.</source>
        <translation>暂无报事报修记录。</translation>
    </message>
</context>
<context>
    <name>TicketLabels</name>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="14" />
        <source>Repair</source>
        <translation>报修</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="15" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="16" />
        <source>Inquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="17" />
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="20" />
        <source>Phone</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="21" />
        <source>Walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="22" />
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="23" />
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="24" />
        <source>Household visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="25" />
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="24" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="27" />
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="28" />
        <source>Dispatched</source>
        <translation>已派工</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="29" />
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="30" />
        <source>Done</source>
        <translation>已完工</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="31" />
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="32" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="33" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="36" />
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="37" />
        <source>High</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="38" />
        <source>Emergency</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="41" />
        <source>Engineering</source>
        <translation>工程部</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="42" />
        <source>Cleaning</source>
        <translation>保洁</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="43" />
        <source>Security</source>
        <translation>安管</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="44" />
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="62" />
        <source>Labour</source>
        <translation>人工</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="63" />
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="80" />
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="91" />
        <location filename="../../work/main/ui/tickets/labels.py" line="94" />
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/labels.py" line="93" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
</context>
<context>
    <name>TicketListModel</name>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="68" />
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="70" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="73" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="76" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="80" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="81" />
        <source>Unit / place</source>
        <translation>房号/地点</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="82" />
        <source>Reporter</source>
        <translation>报事人</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="84" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="89" />
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="90" />
        <source>Registered</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="91" />
        <source>Due</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="92" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/models.py" line="93" />
        <source>Owner</source>
        <translation>首问负责人</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <source>patrol #%1, checkpoint %2 %3</source>
        <translation>巡查记录 #%1，第 %2 点 %3</translation>
    </message>
    <message>
        <source>Patrol finding</source>
        <translation>来源巡查</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="130" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="152" />
        <source>&amp;Dispatch…</source>
        <translation>派工(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="153" />
        <source>&amp;Start…</source>
        <translation>开始处理(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="154" />
        <source>Co&amp;mplete…</source>
        <translation>完工(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="155" />
        <source>Call&amp;back…</source>
        <translation>回访(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="156" />
        <source>C&amp;lose…</source>
        <translation>关闭(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="157" />
        <source>Ca&amp;ncel ticket…</source>
        <translation>取消工单(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="158" />
        <source>&amp;Print work order</source>
        <translation>打印派工单(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="159" />
        <source>N&amp;ote…</source>
        <translation>备注(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="160" />
        <source>Complaint &amp;findings…</source>
        <translation>投诉处理结论(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="161" />
        <source>Paid-service cos&amp;ts…</source>
        <translation>有偿服务费用(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="162" />
        <source>&amp;Quality check…</source>
        <translation>质检(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="163" />
        <source>Attac&amp;h file…</source>
        <translation>添加附件(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="176" />
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="196" />
        <source>Ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="226" />
        <source>owner (first contact): %1</source>
        <translation>首问负责人：%1</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="228" />
        <source>Unit / place</source>
        <translation>房号/地点</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="229" />
        <source>Reporter</source>
        <translation>报事人</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="230" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="232" />
        <source>Registered</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="235" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="236" />
        <source>Response due</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="237" />
        <source>Done due</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="238" />
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="241" />
        <source>Work done</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="244" />
        <source>Reopened</source>
        <translation>返工</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="244" />
        <source>%1 time(s)</source>
        <translation>%1 次</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="247" />
        <source>Cancel reason</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="249" />
        <source>Repeat of</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="279" />
        <source>met late at %1</source>
        <translation>%1 完成（超时）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="279" />
        <source>met at %1</source>
        <translation>%1 完成</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="287" />
        <source>valid</source>
        <translation>成立</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="288" />
        <source>not valid</source>
        <translation>不成立</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="289" />
        <source>not decided</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="292" />
        <source>Complaint: responsible %1, %2 (%3). Root cause: %4. Resolution: %5.</source>
        <translation>投诉：责任部门 %1，%2（%3）。根本原因：%4。处理结果：%5。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="304" />
        <source> — charged to the unit's account</source>
        <translation>——已计入该房屋账户</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="306" />
        <source>Paid service: %1 (total ¥%2)%3</source>
        <translation>有偿服务：%1（合计 ¥%2）%3</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="313" />
        <source>Callback %1 by %2: overall %3, speed %4, attitude %5%6 %7</source>
        <translation>回访 %1（%2）：总体 %3 分，速度 %4 分，态度 %5 分%6 %7</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="319" />
        <source>, not fixed</source>
        <translation>，未解决</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="323" />
        <source>passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="323" />
        <source>failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="325" />
        <source>Quality check %1 by %2: %3 %4</source>
        <translation>质检 %1（%2）：%3 %4</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="331" />
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="378" />
        <source>Start</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="379" />
        <source>&amp;Note (arrived, first findings)</source>
        <translation>备注(&amp;N)（到场情况）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="384" />
        <source>Complete</source>
        <translation>完工</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="385" />
        <source>&amp;Work done</source>
        <translation>处理情况(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="390" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="391" />
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="403" />
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="396" />
        <source>Cancel ticket</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="397" />
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="402" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="443" />
        <source>Work order %1</source>
        <translation>派工单 %1</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="451" />
        <source>Attach a photo or file</source>
        <translation>添加照片或文件</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="173" />
        <source>&amp;Unit</source>
        <translation>房屋(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="316" />
        <source>Open the unit %1</source>
        <translation>打开房屋 %1</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="318" />
        <source>A public-area ticket has no unit.</source>
        <translation>公共区域工单没有房屋。</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="102" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="102" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="102" />
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/tickets/ticket_page.py" line="102" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context><name>NavModule</name><message><source>Service desk</source><translation>报事报修</translation></message></context><context><name>MenuAction</name><message><source>New service ticket…</source><translation>新建报事报修工单…</translation></message><message><source>Service desk settings…</source><translation>报事报修设置…</translation></message></context></TS>