<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CareBanner</name>
    <message>
        <location filename="../../ui/care/banner.py" line="43"/>
        <source> (review due)</source>
        <translation>（待复查）</translation>
    </message>
    <message>
        <location filename="../../ui/care/banner.py" line="51"/>
        <source>[Attention] </source>
        <translation>【关注】</translation>
    </message>
</context>
<context>
    <name>CarePage</name>
    <message>
        <location filename="../../ui/care/page.py" line="143"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="147"/>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="150"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="151"/>
        <source>&amp;Building</source>
        <translation>楼栋(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="153"/>
        <source>Overdue &amp;reviews only</source>
        <translation>只看到期未复查(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="155"/>
        <source>%1 flag(s)</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="157"/>
        <source>&amp;New flag…</source>
        <translation>新增标记(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="158"/>
        <source>&amp;Open…</source>
        <translation>查看/修改(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="159"/>
        <source>&amp;End flag…</source>
        <translation>结束标记(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="160"/>
        <source>Reviewe&amp;d…</source>
        <translation>已复查(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="166"/>
        <source>Evacuation &amp;list…</source>
        <translation>疏散协助名单(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="173"/>
        <source>for the evacuation team (full phones)</source>
        <translation>给疏散小组（完整电话）</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="171"/>
        <source>office copy (phones as my role sees them)</source>
        <translation>办公室存档（电话按权限显示）</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="164"/>
        <source>Record the review and set the next one (%1)</source>
        <translation>记下这次复查并设定下一次复查日期（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="174"/>
        <source>Custom &amp;kind…</source>
        <translation>自定义类型(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="290"/>
        <source>Saved: %1 %2</source>
        <translation>已保存：%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="338"/>
        <source>Print the evacuation team&apos;s copy?</source>
        <translation>打印疏散小组用的名单？</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="340"/>
        <source>The evacuation team&apos;s copy prints every listed resident&apos;s phone number in full. The print is recorded in the audit log under your name.

Print it?</source>
        <translation>疏散小组用的名单会打印名单上每位住户的完整电话号码，本次打印将以您的名义记入审计日志。

确定打印吗？</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="385"/>
        <source>Evacuation-help list</source>
        <translation>疏散协助名单</translation>
    </message>
</context>
<context>
    <name>CarePanel</name>
    <message>
        <location filename="../../ui/care/banner.py" line="202"/>
        <source>Add attention flag…</source>
        <translation>添加关注标记…</translation>
    </message>
    <message>
        <location filename="../../ui/care/banner.py" line="215"/>
        <source>This household</source>
        <translation>本户</translation>
    </message>
    <message>
        <location filename="../../ui/care/banner.py" line="215"/>
        <source>This person</source>
        <translation>本人</translation>
    </message>
</context>
<context>
    <name>CareStatus</name>
    <message>
        <location filename="../../ui/care/registration.py" line="16"/>
        <source>Care reviews due: %1</source>
        <translation>关注待复查：%1</translation>
    </message>
    <message>
        <location filename="../../ui/care/registration.py" line="23"/>
        <source>Overdue visits: %1</source>
        <translation>走访逾期：%1</translation>
    </message>
</context>
<context>
    <name>EndFlagDialog</name>
    <message>
        <location filename="../../ui/care/dialogs.py" line="461"/>
        <source>End attention flag</source>
        <translation>结束关注标记</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="464"/>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="466"/>
        <source>e.g. moved out, reviewed: no longer needed</source>
        <translation>例如：已搬离；复查后不再需要</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="467"/>
        <source>&amp;Why</source>
        <translation>结束原因(&amp;W)</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <location filename="../../ui/care/dialogs.py" line="184"/>
        <source>Edit attention flag</source>
        <translation>修改关注标记</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="184"/>
        <source>New attention flag</source>
        <translation>新增关注标记</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="192"/>
        <source>&amp;Household</source>
        <translation>住户(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="197"/>
        <source>For</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="201"/>
        <source>Set by</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="207"/>
        <source>Last reviewed</source>
        <translation>上次复查</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="223"/>
        <source>The resident agreed</source>
        <translation>本人同意</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="225"/>
        <source>Review on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="250"/>
        <source>Reviewe&amp;d: set next review</source>
        <extracomment>已复查 pressed: the save records the review (who, when) with the new date.</extracomment>
        <translation>已复查(&amp;D)：设下次复查</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="260"/>
        <source>Record the review and set the next one (%1)</source>
        <translation>记下这次复查并设定下一次复查日期（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="269"/>
        <source>&amp;Kind</source>
        <translation>关注类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="270"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="271"/>
        <source>&amp;Source</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="272"/>
        <source>Co&amp;nsent</source>
        <translation>同意(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="273"/>
        <source>Re&amp;view</source>
        <translation>复查(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="274"/>
        <source>Visi&amp;ble to</source>
        <translation>可见范围(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="275"/>
        <source>&amp;Quiet hours</source>
        <translation>免打扰时段(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="346"/>
        <source>Saving records the review</source>
        <extracomment>The question asked before a save that needs the clerk&apos;s confirmation.</extracomment>
        <translation>保存时记下本次复查</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="384"/>
        <source>Save attention flag?</source>
        <translation>保存关注标记？</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="423"/>
        <source>Choose the household first.</source>
        <translation>请先选择住户。</translation>
    </message>
</context>
<context>
    <name>FlagListModel</name>
    <message>
        <location filename="../../ui/care/page.py" line="85"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="86"/>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="87"/>
        <source>Resident</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="89"/>
        <source>Attention</source>
        <translation>关注事项</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="94"/>
        <source>Review on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="99"/>
        <source>Visible to</source>
        <translation>可见范围</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="103"/>
        <source>Set by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../ui/care/page.py" line="105"/>
        <source>Set on</source>
        <translation>登记日期</translation>
    </message>
</context>
<context>
    <name>KindDialog</name>
    <message>
        <location filename="../../ui/care/dialogs.py" line="479"/>
        <source>New kind of attention flag</source>
        <translation>新增关注类型</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="482"/>
        <source>Sensitive: viewing details is audited</source>
        <translation>敏感：查看详情记入操作日志</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="484"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
</context>
<context>
    <name>NavModule</name>
    <message>
        <location filename="../../ui/care/registration.py" line="36"/>
        <source>Care</source>
        <translation>关怀</translation>
    </message>
    <message>
        <location filename="../../ui/care/registration.py" line="42"/>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../../ui/care/visits.py" line="76"/>
        <source>Due on</source>
        <translation>应走访日期</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="77"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="78"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="79"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="80"/>
        <source>Reason</source>
        <translation>走访原因</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="81"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="102"/>
        <source>(overdue)</source>
        <translation>（已逾期）</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../ui/care/dialogs.py" line="435"/>
        <source>Flag reviewed</source>
        <translation>已复查</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="438"/>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="441"/>
        <source>Was due</source>
        <translation>原定复查日期</translation>
    </message>
    <message>
        <location filename="../../ui/care/dialogs.py" line="445"/>
        <source>&amp;Next review</source>
        <translation>下次复查(&amp;N)</translation>
    </message>
</context>
<context>
    <name>UnitVisitsPanel</name>
    <message>
        <location filename="../../ui/care/visit_panel.py" line="62"/>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_panel.py" line="70"/>
        <source>Record a &amp;visit…</source>
        <translation>登记走访(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_panel.py" line="93"/>
        <source>Due %1: %2 (%3)</source>
        <translation>%1 前应走访：%2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_panel.py" line="95"/>
        <source>OVERDUE since %1: %2 (%3)</source>
        <translation>走访已逾期（应于 %1）：%2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_panel.py" line="109"/>
        <source>→ ticket %1</source>
        <translation>→ 工单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_panel.py" line="116"/>
        <source>Not visited yet; no visit due.</source>
        <translation>尚无走访记录，也没有待走访的计划。</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="114"/>
        <source>Record a visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="121"/>
        <location filename="../../ui/care/visit_dialogs.py" line="131"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="122"/>
        <source>due %1</source>
        <translation>应于 %1 前走访</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="125"/>
        <source>Plan</source>
        <translation>走访计划</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="129"/>
        <source>&amp;Household</source>
        <translation>住户(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="135"/>
        <source>&amp;Reason</source>
        <translation>走访原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="144"/>
        <source>e.g. a volunteer, the building steward</source>
        <translation>如：志愿者、楼长</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="148"/>
        <source>What you saw and heard; problems to follow up</source>
        <translation>看到和听到的情况，需要跟进的问题</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="150"/>
        <source>not rated</source>
        <translation>未评价</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="153"/>
        <source>on</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="159"/>
        <source>Raise a tic&amp;ket from the findings</source>
        <translation>转工单(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="172"/>
        <source>&amp;When</source>
        <translation>走访时间(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="173"/>
        <source>&amp;Visited by</source>
        <translation>走访人(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="174"/>
        <source>Co&amp;mpanions</source>
        <translation>同行人员(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="175"/>
        <source>&amp;Findings</source>
        <translation>走访情况(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="176"/>
        <source>Satisf&amp;action</source>
        <translation>满意度(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="177"/>
        <source>&amp;Next visit</source>
        <translation>下次走访(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="178"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="243"/>
        <source>Choose the ticket&apos;s category.</source>
        <translation>请选择工单分类。</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="203"/>
        <source>— choose kind and category —</source>
        <translation>— 请选择工单类型和分类 —</translation>
    </message>
</context>
<context>
    <name>VisitHistoryModel</name>
    <message>
        <location filename="../../ui/care/visits.py" line="135"/>
        <source>Visited</source>
        <translation>走访时间</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="139"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="140"/>
        <source>Unit</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="141"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="143"/>
        <source>Reason</source>
        <translation>走访原因</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="147"/>
        <source>Visited by</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="149"/>
        <source>Findings</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="154"/>
        <source>Rating</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="156"/>
        <source>Next visit</source>
        <translation>下次走访</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="161"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
</context>
<context>
    <name>VisitRulesDialog</name>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="300"/>
        <source>Visit plan rules</source>
        <translation>走访计划规则</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="304"/>
        <source>&amp;Elderly living alone: every</source>
        <translation>独居老人：每隔(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="305"/>
        <source>New &amp;household: within, of moving in</source>
        <translation>新入住：入住后(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="306"/>
        <source>After a c&amp;omplaint: within, of closing</source>
        <translation>投诉关闭后(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="311"/>
        <source>planned</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="316"/>
        <location filename="../../ui/care/visit_dialogs.py" line="321"/>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="320"/>
        <source>looking back </source>
        <translation>追溯 </translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="333"/>
        <source>only complainants flagged 频繁投诉</source>
        <translation>只针对标记为“频繁投诉”的住户</translation>
    </message>
</context>
<context>
    <name>VisitTicketDialog</name>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="257"/>
        <source>Raise a ticket from a visit</source>
        <translation>走访转工单</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="260"/>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="261"/>
        <source>(no findings)</source>
        <translation>（未记录走访情况）</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="263"/>
        <source>Findings</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="265"/>
        <source>Categor&amp;y</source>
        <translation>工单分类(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="274"/>
        <source>— choose kind and category —</source>
        <translation>— 请选择工单类型和分类 —</translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialogs.py" line="281"/>
        <source>Choose the ticket&apos;s kind and category.</source>
        <translation>请选择工单类型和分类。</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../ui/care/visits.py" line="192"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="194"/>
        <source>Due within %1 days</source>
        <translation>%1 天内到期</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="196"/>
        <source>Everything planned</source>
        <translation>全部计划</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="197"/>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="200"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="201"/>
        <source>&amp;Building</source>
        <translation>楼栋(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="204"/>
        <source>&amp;Record visit…</source>
        <translation>登记走访(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="205"/>
        <source>&amp;New visit…</source>
        <translation>临时走访(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="206"/>
        <source>R&amp;ules…</source>
        <translation>计划规则(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="218"/>
        <source>%1 visit(s)</source>
        <translation>共 %1 次走访</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="220"/>
        <source>Raise &amp;ticket…</source>
        <translation>转工单(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="243"/>
        <source>Visit p&amp;lan</source>
        <translation>走访计划(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="244"/>
        <source>Visit hist&amp;ory</source>
        <translation>走访记录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="331"/>
        <source>%1 planned, %2 overdue</source>
        <translation>计划 %1 项，逾期 %2 项</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="366"/>
        <source>Visit saved: %1 %2</source>
        <translation>已登记走访：%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="371"/>
        <source>ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="374"/>
        <source>Visit plan rules saved.</source>
        <translation>走访计划规则已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="404"/>
        <source>Choose a visit in the history first.</source>
        <translation>请先在走访记录中选择一次走访。</translation>
    </message>
    <message>
        <location filename="../../ui/care/visits.py" line="413"/>
        <source>This visit already raised ticket %1.</source>
        <translation>这次走访已转工单 %1。</translation>
    </message>
</context>
</TS>
