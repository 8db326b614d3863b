<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssessmentTab</name>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="135"/>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="137"/>
        <source>Cl&amp;erk</source>
        <translation>员工(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="140"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="140"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="149"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="150"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="151"/>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="159"/>
        <source>Press Enter on a figure to list its records</source>
        <translation>在指标上按回车，列出它统计的记录</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="165"/>
        <source>&amp;Write comment…</source>
        <translation>填写评语(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="166"/>
        <source>Ac&amp;knowledge</source>
        <translation>确认(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="167"/>
        <source>Prin&amp;t sheet…</source>
        <translation>打印考核表(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="189"/>
        <source>Comment and acknowledgement</source>
        <translation>评语与确认</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="238"/>
        <source>No clerk&apos;s figures to show for your role.</source>
        <translation>您的角色没有可查看的员工考核数据。</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="273"/>
        <source>%1 min on average</source>
        <translation>平均 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="278"/>
        <source>satisfaction %1</source>
        <translation>满意度 %1</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="287"/>
        <source>Tickets registered</source>
        <translation>登记工单</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="288"/>
        <source>First responses</source>
        <translation>已首次响应</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="289"/>
        <source>Callbacks made</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="292"/>
        <source>Callbacks on time</source>
        <translation>按时回访</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="295"/>
        <source>Calls logged, in and out</source>
        <translation>来电与去电</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="429"/>
        <source>Incoming call %1</source>
        <translation>来电 %1</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="429"/>
        <source>Outgoing call %1</source>
        <translation>去电 %1</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="298"/>
        <source>Resolved on the first call</source>
        <translation>一次解决</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="129"/>
        <source>This month is still in progress: the figures are as of now.</source>
        <translation>本月尚未结束：数字截至此刻，还会变化。</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="224"/>
        <source>%1 (in progress)</source>
        <translation>%1（本月，进行中）</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="299"/>
        <source>%1 of %2 incoming (%3)</source>
        <translation>来电 %2 个中 %1 个（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="306"/>
        <source>Survey calls made</source>
        <translation>满意度调查电话</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="307"/>
        <source>%1 (%2 questionnaires completed)</source>
        <translation>%1 个（完成答卷 %2 份）</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="316"/>
        <source>Manager&apos;s comment (%1, %2): %3</source>
        <translation>经理评语（%1，%2）：%3</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="322"/>
        <source>No comment from the manager yet.</source>
        <translation>经理尚未填写评语。</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="325"/>
        <source>Acknowledged by %1 at %2</source>
        <translation>%1 已于 %2 确认</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="330"/>
        <source>Not acknowledged by the clerk yet.</source>
        <translation>员工尚未确认。</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="359"/>
        <source>%1: %2 record(s) — Enter opens one</source>
        <translation>%1：%2 条记录（按回车键打开）</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="408"/>
        <source>first response after %1 min</source>
        <translation>%1 分钟后首次响应</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="410"/>
        <source>not responded yet</source>
        <translation>尚未响应</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="414"/>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="414"/>
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="418"/>
        <source>rating %1, %2</source>
        <translation>评分 %1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="422"/>
        <source>questionnaire completed</source>
        <translation>已答卷</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="423"/>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="424"/>
        <source>refused</source>
        <translation>拒访</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="425"/>
        <source>asked to be called back</source>
        <translation>约定回拨</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="431"/>
        <source>resolved on the call</source>
        <translation>当场解决</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="457"/>
        <source>Acknowledge</source>
        <translation>确认考核</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="458"/>
        <source>Confirm that you have read this month&apos;s figures and the manager&apos;s comment?</source>
        <translation>确认您已阅读本月考核指标和经理评语？</translation>
    </message>
    <message>
        <location filename="../../ui/team/assessment_tab.py" line="494"/>
        <source>Assessment sheet</source>
        <translation>员工月度考核表</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../ui/team/dialogs.py" line="213"/>
        <source>Incoming call %1</source>
        <translation>来电 %1</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="213"/>
        <source>Outgoing call %1</source>
        <translation>去电 %1</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="217"/>
        <source>incoming</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="217"/>
        <source>outgoing</source>
        <translation>去电</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="222"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="223"/>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="223"/>
        <source>Person called</source>
        <translation>被叫人</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="224"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="225"/>
        <source>Topic</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="226"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="227"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="228"/>
        <source>Answered by</source>
        <translation>接听人</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="228"/>
        <source>Called by</source>
        <translation>拨打人</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="232"/>
        <source>Summary</source>
        <translation>内容摘要</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="234"/>
        <source>Open &amp;ticket</source>
        <translation>打开工单(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="235"/>
        <source>Open &amp;unit</source>
        <translation>打开房屋(&amp;U)</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../../ui/team/dialogs.py" line="59"/>
        <source>Comment on %1, %2</source>
        <translation>考核评语：%1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="64"/>
        <source>What went well, what to improve next month</source>
        <translation>做得好的地方，下月需要改进的地方</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="68"/>
        <source>&amp;Comment</source>
        <translation>评语(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="70"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="74"/>
        <source>Ctrl+Enter saves. Once the clerk acknowledged, it is final.</source>
        <translation>Ctrl+回车保存。员工确认后评语不能再修改。</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <location filename="../../ui/team/chart.py" line="36"/>
        <source>Incoming calls by hour</source>
        <translation>各时段来电量</translation>
    </message>
    <message>
        <location filename="../../ui/team/chart.py" line="37"/>
        <source>Tickets registered by hour (no calls logged this month)</source>
        <translation>各时段登记工单量（本月没有来电记录）</translation>
    </message>
    <message>
        <location filename="../../ui/team/chart.py" line="43"/>
        <source>Nothing recorded this month</source>
        <translation>本月没有记录</translation>
    </message>
    <message>
        <location filename="../../ui/team/chart.py" line="46"/>
        <source>Total %1; busiest %2:00–%3:00 (%4)</source>
        <translation>合计 %1；最忙 %2:00–%3:00（%4）</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/team/registration.py" line="16"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
</context>
<context>
    <name>RosterOnDutyLabel</name>
    <message>
        <location filename="../../ui/team/on_duty.py" line="25"/>
        <source>nobody rostered</source>
        <translation>无人排班</translation>
    </message>
    <message>
        <location filename="../../ui/team/on_duty.py" line="35"/>
        <source>Rostered on duty now: %1
Next shift: %2</source>
        <translation>排班在岗：%1
下一班：%2</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <location filename="../../ui/team/roster_tab.py" line="96"/>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_tab.py" line="99"/>
        <source>Shift &amp;definitions…</source>
        <translation>班次设置(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_tab.py" line="102"/>
        <source>Print roste&amp;r…</source>
        <translation>打印排班表(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_tab.py" line="183"/>
        <source>Keys: %1; Delete clears the day.</source>
        <translation>按键：%1；Delete 清除当天。</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_tab.py" line="187"/>
        <source>Shifts: %1 (read only: supervisors and managers plan the roster)</source>
        <translation>班次：%1（只读：排班由主管和经理安排）</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_tab.py" line="213"/>
        <source>No shift for the key “%1”.</source>
        <translation>按键“%1”没有对应的班次。</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_tab.py" line="220"/>
        <source>Only supervisors and managers can change the roster.</source>
        <translation>只有主管和经理可以修改排班。</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_tab.py" line="268"/>
        <source>Month roster</source>
        <translation>月度排班表</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <location filename="../../ui/team/dialogs.py" line="122"/>
        <source>Shift definitions</source>
        <translation>班次设置</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="126"/>
        <source>New shift</source>
        <translation>新班次</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="129"/>
        <source>e.g. early, middle, night</source>
        <translation>如 early、middle、night</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="132"/>
        <source>e.g. 早班</source>
        <translation>如 早班</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="139"/>
        <source>S&amp;hift</source>
        <translation>班次(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="140"/>
        <source>C&amp;ode</source>
        <translation>代码(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="141"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="142"/>
        <source>&amp;Starts</source>
        <translation>上班(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="143"/>
        <source>&amp;Ends</source>
        <translation>下班(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="144"/>
        <source>A shift that ends at or before its start runs past midnight.</source>
        <translation>下班时间早于上班时间的班次跨过午夜（如夜班 22:00–08:00）。</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="147"/>
        <source>Sa&amp;ve</source>
        <translation>保存(&amp;V)</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <location filename="../../ui/team/page.py" line="37"/>
        <source>Assessment</source>
        <translation>考核</translation>
    </message>
    <message>
        <location filename="../../ui/team/page.py" line="38"/>
        <source>Roster</source>
        <translation>排班</translation>
    </message>
</context>
<context>
    <name>TeamWeekday</name>
    <message>
        <location filename="../../ui/team/roster_model.py" line="23"/>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_model.py" line="24"/>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_model.py" line="25"/>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_model.py" line="26"/>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_model.py" line="27"/>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_model.py" line="28"/>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_model.py" line="29"/>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../ui/team/roster_model.py" line="90"/>
        <source>off</source>
        <translation>休息</translation>
    </message>
</context>
</TS>
