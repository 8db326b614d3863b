<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallCard</name>
    <message>
        <location filename="../../ui/calls/card.py" line="87"/>
        <source>Call back</source>
        <translation>回电</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="89"/>
        <source>Outgoing call</source>
        <translation>去电</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="91"/>
        <source>Incoming call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="97"/>
        <source>Caller&apos;s number or its last 4 digits</source>
        <translation>来电号码或后4位</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="105"/>
        <source>What the caller asked and what you answered</source>
        <translation>来电人问了什么，您是怎么答复的</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="115"/>
        <source>Di&amp;rectory…</source>
        <translation>常用电话(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="121"/>
        <source>Make tic&amp;ket (Ctrl+T)</source>
        <translation>建工单(&amp;K) (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="125"/>
        <location filename="../../ui/calls/card.py" line="301"/>
        <source>(no ticket)</source>
        <translation>（不关联工单）</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="127"/>
        <source>Arrears call: also write it in the arrears contact &amp;log</source>
        <translation>催缴电话：同时记入欠费联系记录(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="131"/>
        <source>&amp;Save (Ctrl+Enter)</source>
        <translation>保存(&amp;S) (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="137"/>
        <source>&amp;Number</source>
        <translation>号码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="138"/>
        <source>&amp;Household</source>
        <translation>住户(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="139"/>
        <source>&amp;Topic</source>
        <translation>类别(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="140"/>
        <source>S&amp;ummary</source>
        <translation>摘要(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="141"/>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="147"/>
        <source>Tr&amp;ansfer to</source>
        <translation>转接给(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="148"/>
        <source>E&amp;xtension</source>
        <translation>分机(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="149"/>
        <source>Callback &amp;due</source>
        <translation>回电期限(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="151"/>
        <source>About tick&amp;et</source>
        <translation>关联工单(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="162"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="186"/>
        <source>Knowledge base suggestions</source>
        <translation>答客问推荐</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="239"/>
        <source>Unknown caller (recorded as unknown)</source>
        <translation>未知来电（按未知来电登记）</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="265"/>
        <source>Say:</source>
        <translation>答复口径：</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="281"/>
        <source>Arrears: %1 yuan</source>
        <translation>欠费：%1 元</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="283"/>
        <source>No arrears</source>
        <translation>无欠费</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="286"/>
        <source>Open tickets</source>
        <translation>未完成工单</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="289"/>
        <source>Recent calls</source>
        <translation>最近通话</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="366"/>
        <source>Ticket %1</source>
        <translation>工单 %1</translation>
    </message>
</context>
<context>
    <name>CallDeskPage</name>
    <message>
        <location filename="../../ui/calls/page.py" line="69"/>
        <source>&amp;Call back</source>
        <translation>回电(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="70"/>
        <source>Tick &amp;done</source>
        <translation>标记完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="71"/>
        <source>&amp;New call (F9)</source>
        <translation>新来电(&amp;N) (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="73"/>
        <source>New re&amp;minder…</source>
        <translation>新提醒(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="77"/>
        <source>Missed calls and callbacks due</source>
        <translation>未接来电与待回电</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="84"/>
        <location filename="../../ui/calls/page.py" line="91"/>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="97"/>
        <source>Calls</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="104"/>
        <source>C&amp;lose outage…</source>
        <translation>结束停水停电(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="106"/>
        <source>Ne&amp;w outage…</source>
        <translation>登记停水停电(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="108"/>
        <source>Print &amp;notice…</source>
        <translation>打印通知(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="119"/>
        <source>Outages</source>
        <translation>停水停电</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="123"/>
        <source>Search: words, pinyin initials</source>
        <translation>搜索：关键词、拼音首字母</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="135"/>
        <source>Add entr&amp;y…</source>
        <translation>新增条目(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="136"/>
        <source>&amp;Edit entry…</source>
        <translation>修改条目(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="137"/>
        <source>Mark chec&amp;ked</source>
        <translation>已核对(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="138"/>
        <source>Load &amp;starter set</source>
        <translation>载入初始条目(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="139"/>
        <source>Print han&amp;dbook…</source>
        <translation>打印手册(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="146"/>
        <source>Searches that found nothing</source>
        <translation>未找到答案的搜索</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="148"/>
        <source>Knowledge base</source>
        <translation>答客问</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="152"/>
        <source>E&amp;xport to Excel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="157"/>
        <source>Statistics</source>
        <translation>话务量统计</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="225"/>
        <source>Missed</source>
        <translation>未接</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="225"/>
        <source>Callback</source>
        <translation>回电</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="226"/>
        <source> (overdue)</source>
        <translation>（已超时）</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="238"/>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="238"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="351"/>
        <source> (expired)</source>
        <translation>（已过期）</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="408"/>
        <source>Handbook</source>
        <translation>答客问手册</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="415"/>
        <source>Last 30 days: %1 calls (%2 in, %3 out, %4 missed)</source>
        <translation>近30天：通话 %1 次（来电 %2，去电 %3，未接 %4）</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="420"/>
        <source>First-call resolution: %1%</source>
        <translation>首次来电解决率：%1%</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="421"/>
        <source>Callbacks on time: %1%</source>
        <translation>按时回电率：%1%</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="423"/>
        <source>By hour:</source>
        <translation>按时段：</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="424"/>
        <source>By weekday:</source>
        <translation>按星期（周一至周日）：</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="425"/>
        <source>By topic:</source>
        <translation>按类别：</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="426"/>
        <source>By outcome:</source>
        <translation>按结果：</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="427"/>
        <source>By clerk:</source>
        <translation>按接听人：</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="435"/>
        <source>Export call statistics</source>
        <translation>导出话务量统计</translation>
    </message>
</context>
<context>
    <name>CallLabels</name>
    <message>
        <location filename="../../ui/calls/labels.py" line="12"/>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="13"/>
        <source>Repair</source>
        <translation>报修</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="14"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="15"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="16"/>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="17"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="20"/>
        <source>Answered</source>
        <translation>已解答</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="21"/>
        <source>Ticket made</source>
        <translation>已建工单</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="22"/>
        <source>Transferred</source>
        <translation>已转接</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="23"/>
        <source>Callback needed</source>
        <translation>需回电</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="24"/>
        <source>No answer</source>
        <translation>未接通</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="25"/>
        <source>Missed</source>
        <translation>未接</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="28"/>
        <source>Water</source>
        <translation>停水</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="29"/>
        <source>Power</source>
        <translation>停电</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="30"/>
        <source>Lift</source>
        <translation>电梯停运</translation>
    </message>
    <message>
        <location filename="../../ui/calls/labels.py" line="31"/>
        <source>Gas</source>
        <translation>停气</translation>
    </message>
</context>
<context>
    <name>CallListModel</name>
    <message>
        <location filename="../../ui/calls/call_list.py" line="40"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="42"/>
        <source>In/out</source>
        <translation>呼入/呼出</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="47"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="49"/>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="50"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="52"/>
        <source>Topic</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="54"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="56"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="60"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="61"/>
        <source>Clerk</source>
        <translation>接听人</translation>
    </message>
</context>
<context>
    <name>CallListView</name>
    <message>
        <location filename="../../ui/calls/call_list.py" line="76"/>
        <source>Last 4 digits, unit, caller or words</source>
        <translation>号码后4位、房号、来电人或关键词</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="78"/>
        <source>All topics</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="82"/>
        <source>In and out</source>
        <translation>来电和去电</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="83"/>
        <source>Incoming</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../ui/calls/call_list.py" line="84"/>
        <source>Outgoing</source>
        <translation>去电</translation>
    </message>
</context>
<context>
    <name>CallStatus</name>
    <message>
        <location filename="../../ui/calls/registration.py" line="19"/>
        <source>Call queue: %1</source>
        <translation>待回电：%1</translation>
    </message>
    <message>
        <location filename="../../ui/calls/registration.py" line="21"/>
        <source> (%1 overdue)</source>
        <translation>（%1 条超时）</translation>
    </message>
</context>
<context>
    <name>CloseOutageDialog</name>
    <message>
        <location filename="../../ui/calls/page.py" line="454"/>
        <source>Close outage</source>
        <translation>结束停水停电</translation>
    </message>
    <message>
        <location filename="../../ui/calls/page.py" line="461"/>
        <source>&amp;Actual end</source>
        <translation>实际恢复时间(&amp;A)</translation>
    </message>
</context>
<context>
    <name>DirectoryPicker</name>
    <message>
        <location filename="../../ui/calls/card.py" line="436"/>
        <source>Directory of useful numbers</source>
        <translation>常用电话</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="439"/>
        <source>Name, number or pinyin initials</source>
        <translation>名称、号码或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../ui/calls/card.py" line="441"/>
        <source>&amp;Transfer</source>
        <translation>转接(&amp;T)</translation>
    </message>
</context>
<context>
    <name>KbEntryDialog</name>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="167"/>
        <source>Knowledge base entry</source>
        <translation>答客问条目</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="187"/>
        <source>&amp;Question</source>
        <translation>问题(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="188"/>
        <source>&amp;Answer / script</source>
        <translation>答复口径(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="189"/>
        <source>Categor&amp;y</source>
        <translation>分类(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="190"/>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="192"/>
        <source>Related ticket cate&amp;gories</source>
        <translation>相关工单分类(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="194"/>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="195"/>
        <source>&amp;Expires</source>
        <translation>有效期至(&amp;E)</translation>
    </message>
</context>
<context>
    <name>MenuAction</name>
    <message>
        <location filename="../../ui/calls/registration.py" line="39"/>
        <source>Incoming call…</source>
        <translation>来电登记…</translation>
    </message>
    <message>
        <location filename="../../ui/calls/registration.py" line="46"/>
        <source>Outgoing call…</source>
        <translation>去电登记…</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/calls/registration.py" line="31"/>
        <source>Call desk</source>
        <translation>来电登记</translation>
    </message>
</context>
<context>
    <name>OutageDialog</name>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="96"/>
        <source>Register an outage</source>
        <translation>登记停水停电</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="101"/>
        <source>Planned (uncheck for an emergency)</source>
        <translation>计划停（紧急情况请取消勾选）</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="104"/>
        <source>The whole estate</source>
        <translation>全小区</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="118"/>
        <source>What the desk says to callers</source>
        <translation>前台对来电住户的答复口径</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="119"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="122"/>
        <source>&amp;Buildings</source>
        <translation>楼栋(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="123"/>
        <source>S&amp;tarts</source>
        <translation>开始时间(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="124"/>
        <source>&amp;Ends (expected)</source>
        <translation>预计恢复(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="125"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="126"/>
        <source>Scri&amp;pt</source>
        <translation>答复口径(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="234"/>
        <location filename="../../ui/calls/dialogs.py" line="239"/>
        <source>Reminder</source>
        <translation>事务提醒</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="240"/>
        <source>Instruction with an end date</source>
        <translation>住户嘱托（有截止日期）</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="248"/>
        <source>Once</source>
        <translation>一次</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="249"/>
        <source>Daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="250"/>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="251"/>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="252"/>
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="256"/>
        <source>Only for me (else the whole desk)</source>
        <translation>只提醒我（否则提醒整个前台）</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="260"/>
        <source>&amp;What</source>
        <translation>事项(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="261"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="262"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="263"/>
        <source>&amp;Until</source>
        <translation>截止(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="264"/>
        <source>&amp;Repeat</source>
        <translation>重复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/calls/dialogs.py" line="266"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
</TS>
